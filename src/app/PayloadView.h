// SPDX-License-Identifier: MIT
#pragma once

#include "capture/Capture.h"

#include <QWidget>

#include <memory>

namespace Ui {
class PayloadView;
}
class JsonHighlighter;
class JsonPretty;
class JsonTreeModel;

// Shows one capture: pretty JSON (highlighted, searchable), a JSON tree, the headers, the
// raw bytes (hex when not UTF-8) and the findings explained. Always plain text: nothing
// from a payload is ever rendered as rich text or HTML. Pretty and Tree are views of the
// bytes: key order, duplicated keys and numbers stay as sent. Every view is bounded (a page
// of Pretty, a batch of tree rows, a prefix of Raw), so no body freezes the window.
class PayloadView : public QWidget {
    Q_OBJECT
public:
    // Pretty shows pages of about this many characters; Raw shows this many bytes.
    static constexpr qsizetype kPageChars = 64 * 1024;
    static constexpr qsizetype kPreviewLimit = 64 * 1024;
    // Past this size the Findings tab locates a not_json body's error off the GUI thread.
    static constexpr qsizetype kSyncScanLimit = 1024 * 1024;

    explicit PayloadView(QWidget *parent = nullptr);
    ~PayloadView() override;

    // Clears the forward line too: set it again for the new capture.
    void setCapture(const CapturePtr &capture);
    // Capture `id` is being read from the journal: shows nothing of the previous one meanwhile.
    void showLoading(quint64 id);
    // What live forwarding made of the capture shown, under its summary line; empty hides it.
    // `slow` sets it in the warning colour: the app answered later than Hoox waits.
    void setForwardResult(const QString &summary, bool slow);
    // The shown capture conflicts with capture `otherId` (same key, another outcome): a line
    // says so with a button that asks to compare them; 0 hides it. setCapture() hides it.
    void setConflictWith(quint64 otherId);
    CapturePtr capture() const { return m_capture; }
    // The body as received, as text (what Ctrl+C copies).
    QString payloadText() const;
    // Puts the body's bytes as received on the clipboard (as text, and as raw bytes).
    void copyBody() const;
    // The whole body formatted (what "Copy pretty" copies); the raw text when not JSON.
    QString prettyText() const;
    void focusFind();
    // Shows the next (or previous, `step` -1) view: Pretty, Tree, Headers, Raw, Findings.
    void stepView(int step);
    // Focus to the shown view's text or tree, where arrows and Ctrl+C act on the payload.
    void focusView();
    // True while the user reads the pretty payload (or searches it): Ctrl+F then means it.
    bool isReading() const;

signals:
    // The conflict line's button: compare the shown capture with the one it conflicts with.
    void compareWithConflict();

private:
    void clearViews();
    enum View { PrettyView = 1, TreeView = 2, HeadersView = 4, RawView = 8, FindingsView = 16 };
    void buildShownView();
    void showPretty();
    void showPage(int page);
    void showPageText(const QString &text, const QList<int> &duplicateLines);
    QString plainPage(int page) const;
    void updatePrettyNote(bool duplicates);
    void showTree();
    void showHeaders();
    void showRaw();
    void showFindings();
    void locateJsonProblem();
    QString findingText(const QString &code) const;
    void find(bool backwards);
    void copyTreeValue(int role);

    std::unique_ptr<Ui::PayloadView> m_ui;
    JsonHighlighter *m_highlighter = nullptr;
    class QPushButton *m_conflictButton = nullptr;
    JsonTreeModel *m_tree = nullptr;
    CapturePtr m_capture;
    std::unique_ptr<JsonPretty> m_pager;
    int m_page = 0;
    bool m_isJson = false; // Pretty formats; otherwise it shows the text as received
    bool m_morePages = false;
    QString m_jsonProblem;    // where a not_json body stopped, once known
    quint64 m_generation = 0; // drops a stale off-thread answer
    int m_built = 0;          // which Views show the current capture (buildShownView())
};
