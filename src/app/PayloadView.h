// SPDX-License-Identifier: MIT
#pragma once

#include "capture/Capture.h"

#include <QWidget>

#include <memory>

namespace Ui {
class PayloadView;
}
class JsonHighlighter;
class QTreeWidgetItem;
class QJsonValue;

// Shows one capture: pretty JSON (highlighted, searchable), a JSON tree, the headers, the
// raw bytes (hex when not UTF-8) and the findings explained. Always plain text: nothing
// from a payload is ever rendered as rich text or HTML.
class PayloadView : public QWidget {
    Q_OBJECT
public:
    // Bodies past this show a preview with "Show all"; highlighting stops past kHighlightLimit.
    static constexpr qsizetype kPreviewLimit = 1024 * 1024;
    static constexpr qsizetype kHighlightLimit = 256 * 1024;

    explicit PayloadView(QWidget *parent = nullptr);
    ~PayloadView() override;

    // Clears the forward line too: set it again for the new capture.
    void setCapture(const CapturePtr &capture);
    // What live forwarding made of the capture shown, under its summary line; empty hides it.
    // `slow` sets it in the warning colour: the app answered later than Hoox waits.
    void setForwardResult(const QString &summary, bool slow);
    CapturePtr capture() const { return m_capture; }
    // The body as the user would copy it: pretty JSON when it parses, else the raw text.
    QString payloadText() const;
    void focusFind();
    // True while the user reads the pretty payload (or searches it): Ctrl+F then means it.
    bool isReading() const;

private:
    void showPretty(bool all);
    void showTree();
    void showHeaders();
    void showRaw();
    void showFindings();
    void addTreeItems(QTreeWidgetItem *parent, const QJsonValue &value, const QString &path);
    void find(bool backwards);
    void copyTreeColumn(int role);

    std::unique_ptr<Ui::PayloadView> m_ui;
    JsonHighlighter *m_highlighter = nullptr;
    CapturePtr m_capture;
    QString m_pretty;
};
