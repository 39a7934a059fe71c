# SPDX-License-Identifier: MIT
# `cmake --build <dir> --target update_translations` refreshes translations/*.ts from every
# tr() in src/ and ui/, for translators. Needs Qt's lupdate (Debian: qt6-l10n-tools); the
# build does without it.
find_package(Qt6 QUIET COMPONENTS LinguistTools)
if(TARGET Qt6::lupdate)
    file(GLOB_RECURSE translated_sources CONFIGURE_DEPENDS
        ${PROJECT_SOURCE_DIR}/src/*.cpp ${PROJECT_SOURCE_DIR}/src/*.h ${PROJECT_SOURCE_DIR}/ui/*.ui)
    qt_add_lupdate(hookscope_widgets
        TS_FILES ${CMAKE_CURRENT_LIST_DIR}/hookscope_en.ts
        SOURCES ${translated_sources}
        OPTIONS -no-obsolete -locations relative)
endif()
