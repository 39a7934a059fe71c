# SPDX-License-Identifier: MIT
# The message catalogues. lrelease turns translations/hookscope_<lang>.ts into .qm files that
# are embedded in hookscope_core under :/i18n, so that the window, every subcommand and the
# tests find them (session/Language picks one from the system locale).
# `cmake --build <dir> --target update_translations` refreshes the .ts files from every tr() in
# src/ and ui/; tests/check-translations.py (a test) fails when a message is missing or
# unfinished in a translation.
# The tools come from Debian's qt6-l10n-tools, which has lupdate and lrelease but not Qt's
# LinguistTools CMake package (that one is in qt6-tools-dev, with Designer and Assistant), so
# they are found as programs beside Qt's own.
set(HOOKSCOPE_TRANSLATIONS fr)
# English is the source language: its catalogue holds the plural forms only ("%n capture(s)").
set(HOOKSCOPE_CATALOGUES en ${HOOKSCOPE_TRANSLATIONS})

get_target_property(qt_qmake Qt6::qmake LOCATION)
get_filename_component(qt_bin_dir "${qt_qmake}" DIRECTORY)
find_program(HOOKSCOPE_LRELEASE NAMES lrelease lrelease-qt6 lrelease6
    HINTS ${qt_bin_dir} /usr/lib/qt6/bin)
find_program(HOOKSCOPE_LUPDATE NAMES lupdate lupdate-qt6 lupdate6
    HINTS ${qt_bin_dir} /usr/lib/qt6/bin)
if(NOT HOOKSCOPE_LRELEASE OR NOT HOOKSCOPE_LUPDATE)
    message(FATAL_ERROR "Qt's lrelease and lupdate were not found; they build the translations "
        "(translations/*.ts into .qm). Install them (Debian: apt install qt6-l10n-tools) or "
        "pass -DHOOKSCOPE_LRELEASE=/path/to/lrelease -DHOOKSCOPE_LUPDATE=/path/to/lupdate.")
endif()

set(translations_dir ${CMAKE_CURRENT_LIST_DIR})
set(qm_dir ${CMAKE_CURRENT_BINARY_DIR}/i18n)
set(qm_files)
set(ts_files)
foreach(lang ${HOOKSCOPE_CATALOGUES})
    set(ts ${translations_dir}/hookscope_${lang}.ts)
    set(qm ${qm_dir}/hookscope_${lang}.qm)
    add_custom_command(OUTPUT ${qm}
        COMMAND ${HOOKSCOPE_LRELEASE} -silent ${ts} -qm ${qm}
        DEPENDS ${ts}
        COMMENT "lrelease hookscope_${lang}.ts"
        VERBATIM)
    list(APPEND qm_files ${qm})
    list(APPEND ts_files ${ts})
endforeach()
qt_add_resources(hookscope_core "translations" PREFIX /i18n BASE ${qm_dir} FILES ${qm_files})

# lupdate with the same options for every catalogue; English keeps the plural forms only.
add_custom_target(update_translations
    COMMAND ${HOOKSCOPE_LUPDATE} -silent -no-obsolete -locations none -extensions cpp,h,ui
            src ui -pluralonly -ts ${translations_dir}/hookscope_en.ts
    WORKING_DIRECTORY ${PROJECT_SOURCE_DIR}
    COMMENT "lupdate: translations/*.ts from src/ and ui/"
    VERBATIM)
foreach(lang ${HOOKSCOPE_TRANSLATIONS})
    add_custom_command(TARGET update_translations POST_BUILD
        COMMAND ${HOOKSCOPE_LUPDATE} -silent -no-obsolete -locations none -extensions cpp,h,ui
                src ui -ts ${translations_dir}/hookscope_${lang}.ts
        WORKING_DIRECTORY ${PROJECT_SOURCE_DIR}
        VERBATIM)
endforeach()

if(HOOKSCOPE_TESTS)
    add_test(NAME translations
        COMMAND python3 ${PROJECT_SOURCE_DIR}/tests/check-translations.py
                --lupdate ${HOOKSCOPE_LUPDATE} ${PROJECT_SOURCE_DIR} ${ts_files})
endif()
