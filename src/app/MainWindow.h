// SPDX-License-Identifier: MIT
#pragma once

#include "capture/Capture.h"
#include <QElapsedTimer>

#include <QMainWindow>

#include <memory>

namespace Ui {
class MainWindow;
}
struct AppSettings;
class CaptureLoader;
class SessionMenu;
class StatusLine;
class CaptureStore;
class JobIndicator;
class SessionEngine;
class CaptureTableModel;
class FilterBox;
class Listener;
class ListenerBar;
class NgrokWatcher;
class Notifier;
class PayloadView;
class DiffView;
class ExportActions;
class ResendPanel;
class HeldForwardsView;
class QTabWidget;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    // `engine` (opened) and `ngrok` must outlive the window.
    MainWindow(SessionEngine *engine, NgrokWatcher *ngrok, QWidget *parent = nullptr);
    ~MainWindow() override;

    ListenerBar *listenerBar() const { return m_bar; }
    PayloadView *payloadView() const { return m_payload; }
    ResendPanel *resendPanel() const { return m_resend; }
    HeldForwardsView *heldView() const { return m_held; }
    DiffView *diffView() const { return m_diff; }
    CaptureTableModel *captureModel() const { return m_model; }
    // Asks before emptying the view; tests replace the question.
    void setConfirmClear(std::function<bool()> confirm) { m_confirmClear = std::move(confirm); }
    // Writes the captures as HAR (.har) or JSON Lines (anything else) as a job; the status bar
    // says what was written, or why not. Returns the job's id (0: nothing selected).
    quint64 exportTo(const QString &file, bool selectionOnly);
    ExportActions *exportActions() const { return m_export; }
    // Imports files (dropped or chosen) as jobs and reports in the status bar.
    void importFiles(const QStringList &files);
    // Switches to the journal at `path` as a job; the listener keeps running.
    void openJournal(const QString &path);

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void setUpTable();
    void setUpFilters();
    void setUpActions();
    void onSelectionChanged();
    void showCapture(qsizetype row, const CapturePtr &capture, const QString &error);
    void onAppended();
    void showKeyOfCurrent();
    void jumpToFirstOfCurrent();
    void clearCaptures();
    void resendSelection(bool keepOriginalSpacing);
    void setUpForwarding();
    void setUpPictures();
    void setUpDiff();
    void showForwardResult(quint64 captureId, const QString &summary, const QString &cell,
                           bool slow, int status);
    void showPreferences();
    void setUpSessionActions();
    void checkEndpoint();
    void replay();
    void copyAs(QString (*render)(const Capture &, const QString &));
    QList<qsizetype> selectedStoreRows() const;
    CaptureBatch selectedCaptures() const;
    void applySettings(const AppSettings &settings);
    void clearFilters();
    void updateCounts();
    void restoreSettings();
    void saveSettings() const;
    qsizetype currentStoreRow() const;
    void selectStoreRow(qsizetype storeRow);

    std::unique_ptr<Ui::MainWindow> m_ui;
    SessionEngine *m_engine;
    CaptureStore *m_store;
    Listener *m_listener;
    CaptureTableModel *m_model;
    ListenerBar *m_bar;
    PayloadView *m_payload;
    CaptureLoader *m_loader;
    ResendPanel *m_resend;
    HeldForwardsView *m_held;
    DiffView *m_diff;
    QTabWidget *m_sideTabs;
    StatusLine *m_status = nullptr;
    SessionMenu *m_sessions = nullptr;
    JobIndicator *m_jobs;
    FilterBox *m_filterBox = nullptr;
    ExportActions *m_export = nullptr;
    Notifier *m_notifier = nullptr;
    std::function<bool()> m_confirmClear;
};
