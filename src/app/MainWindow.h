// SPDX-License-Identifier: MIT
#pragma once

#include <QMainWindow>

#include <memory>

namespace Ui {
class MainWindow;
}
class CaptureStore;
class CaptureTableModel;
class Listener;
class QLabel;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    MainWindow(CaptureStore *store, Listener *listener, const QString &journalPath,
               QWidget *parent = nullptr);
    ~MainWindow() override;

    // Shown in the listener bar: where HookScope listens, or why it does not.
    void setListenerState(const QString &text);

private:
    void updateStatus();

    std::unique_ptr<Ui::MainWindow> m_ui;
    CaptureStore *m_store;
    Listener *m_listener;
    CaptureTableModel *m_model;
    QLabel *m_countLabel;
    QString m_journalPath;
};
