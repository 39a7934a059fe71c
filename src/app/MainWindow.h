// SPDX-License-Identifier: MIT
#pragma once

#include <QElapsedTimer>
#include <QMainWindow>
#include <QTimer>

#include <memory>

namespace Ui {
class MainWindow;
}
struct AppSettings;
class CaptureStore;
class CaptureTableModel;
class Listener;
class ListenerBar;
class NgrokWatcher;
class PayloadView;
class ResendPanel;
class QTabWidget;
class QLabel;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    MainWindow(CaptureStore *store, Listener *listener, NgrokWatcher *ngrok,
               const QString &journalPath, QWidget *parent = nullptr);
    ~MainWindow() override;

    ListenerBar *listenerBar() const { return m_bar; }
    PayloadView *payloadView() const { return m_payload; }
    ResendPanel *resendPanel() const { return m_resend; }
    CaptureTableModel *captureModel() const { return m_model; }
    // Asks before emptying the view; tests replace the question.
    void setConfirmClear(std::function<bool()> confirm) { m_confirmClear = std::move(confirm); }

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void setUpTable();
    void setUpFilters();
    void setUpActions();
    void applyFilter();
    void onSelectionChanged();
    void onAppended();
    void showKeyOfCurrent();
    void jumpToFirstOfCurrent();
    void clearCaptures();
    void resendSelection();
    void showPreferences();
    void applySettings(const AppSettings &settings);
    void clearFilters();
    void updateCounts();
    void updateRate();
    void restoreSettings();
    void saveSettings() const;
    qsizetype currentStoreRow() const;
    void selectStoreRow(qsizetype storeRow);

    std::unique_ptr<Ui::MainWindow> m_ui;
    CaptureStore *m_store;
    Listener *m_listener;
    CaptureTableModel *m_model;
    ListenerBar *m_bar;
    PayloadView *m_payload;
    ResendPanel *m_resend;
    QTabWidget *m_sideTabs;
    QLabel *m_listenLabel;
    QLabel *m_totalLabel;
    QLabel *m_rateLabel;
    QLabel *m_journalLabel;
    QTimer m_filterDebounce;
    QTimer m_rateTimer;
    qsizetype m_lastCount = 0;
    std::function<bool()> m_confirmClear;
};
