# SPDX-License-Identifier: MIT
# Precompiled headers. Most of a translation unit's compile time is Qt's headers (about 146,000
# lines once preprocessed for a core source), parsed again for every one of ~330 sources: each
# library precompiles the headers its sources use most, once, and the tests share one per
# library they link (REUSE_FROM needs identical flags, so they are made by a target of the same
# kind: see hookscope_test_pch()).

set(HOOKSCOPE_CORE_PCH
    <algorithm> <functional> <memory> <vector>
    <QByteArray> <QByteArrayView> <QCoreApplication> <QDateTime> <QElapsedTimer> <QFile> <QHash>
    <QJsonArray> <QJsonDocument> <QJsonObject> <QList> <QNetworkAccessManager> <QNetworkReply>
    <QObject> <QString> <QStringList> <QTcpSocket> <QTimer> <QUrl>)
set(HOOKSCOPE_WIDGETS_PCH ${HOOKSCOPE_CORE_PCH}
    <QAbstractItemModel> <QAction> <QApplication> <QComboBox> <QHeaderView> <QLabel> <QLineEdit>
    <QPainter> <QPushButton> <QTableView> <QTabWidget> <QWidget>)
set(HOOKSCOPE_TEST_PCH <QProcess> <QRegularExpression> <QSignalSpy> <QTemporaryDir> <QTest>)

# A target whose only job is to build the precompiled header that tests linking `lib` reuse.
function(hookscope_test_pch name lib headers)
    set(source ${CMAKE_CURRENT_BINARY_DIR}/${name}.cpp)
    if(NOT EXISTS ${source})
        file(WRITE ${source} "// The precompiled header's own translation unit.\n")
    endif()
    add_library(${name} OBJECT ${source})
    target_link_libraries(${name} PRIVATE ${lib} Qt6::Test)
    target_include_directories(${name} PRIVATE ${CMAKE_CURRENT_SOURCE_DIR})
    hookscope_test_definitions(${name})
    target_precompile_headers(${name} PRIVATE ${headers} ${HOOKSCOPE_TEST_PCH})
endfunction()
