# SPDX-License-Identifier: MIT
# Desktop integration and the Debian package: `cpack -G DEB` in a build directory makes
# hookscope_<version>_<arch>.deb. Included from the top-level CMakeLists.txt.
include(GNUInstallDirs)

set(HOOKSCOPE_APP_ID io.github.hookscope.HookScope)
set(packaging_dir ${CMAKE_CURRENT_LIST_DIR})

install(FILES ${packaging_dir}/${HOOKSCOPE_APP_ID}.desktop
        DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
install(FILES ${packaging_dir}/${HOOKSCOPE_APP_ID}.metainfo.xml
        DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
install(FILES ${packaging_dir}/icons/${HOOKSCOPE_APP_ID}.svg
        DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)
# The PNGs are rendered from the SVG by render-icons.sh and committed.
install(DIRECTORY ${packaging_dir}/icons/hicolor/
        DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor
        FILES_MATCHING PATTERN "*.png")
install(FILES ${PROJECT_SOURCE_DIR}/LICENSE
        DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/hookscope RENAME copyright)

# The man page carries the project version; Debian wants it gzip'd, without a timestamp.
configure_file(${packaging_dir}/hookscope.1.in ${CMAKE_CURRENT_BINARY_DIR}/hookscope.1 @ONLY)
find_program(GZIP_EXECUTABLE gzip REQUIRED)
add_custom_command(
    OUTPUT ${CMAKE_CURRENT_BINARY_DIR}/hookscope.1.gz
    COMMAND ${GZIP_EXECUTABLE} -9 -n -c ${CMAKE_CURRENT_BINARY_DIR}/hookscope.1
            > ${CMAKE_CURRENT_BINARY_DIR}/hookscope.1.gz
    DEPENDS ${CMAKE_CURRENT_BINARY_DIR}/hookscope.1
    VERBATIM)
add_custom_target(hookscope_manpage ALL DEPENDS ${CMAKE_CURRENT_BINARY_DIR}/hookscope.1.gz)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/hookscope.1.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME hookscope)
set(CPACK_PACKAGE_VENDOR "The HookScope authors")
set(CPACK_PACKAGE_CONTACT "The HookScope authors")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "local inspector for Hoox webhooks")
set(CPACK_PACKAGE_DESCRIPTION
    "HookScope receives webhook deliveries from the Hoox video API on a local port, keeps \
every one in a journal before it answers, checks it against the Hoox webhook contract and \
groups retries and duplicates by their idempotency key. It has a Qt window and a headless \
mode that prints one JSON object per delivery.")
set(CPACK_PACKAGE_INSTALL_DIRECTORY hookscope)
set(CPACK_RESOURCE_FILE_LICENSE ${PROJECT_SOURCE_DIR}/LICENSE)
set(CPACK_STRIP_FILES ON)
set(CPACK_PACKAGE_CHECKSUM SHA256)
set(CPACK_OUTPUT_FILE_PREFIX package)
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON) # dpkg-shlibdeps, from dpkg-dev
# Qt's own catalogues (its dialogs' buttons, --help's headings) in the user's language.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "hicolor-icon-theme, qt6-translations-l10n")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT) # hookscope_<version>_<arch>.deb
include(CPack)
