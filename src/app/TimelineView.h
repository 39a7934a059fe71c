// SPDX-License-Identifier: MIT
#pragma once

#include "TimelineChain.h"

#include <QAbstractScrollArea>

class CaptureStore;
class CaptureTableModel;

// The Timeline tab: the deliveries of the selected capture's key down a time axis, beside
// Hoox's schedule: each attempt's 10 s timeout window, when each retry was due, and a mark per
// attempt with HookScope's answer (shape and words as well as colour), the gap to the attempt
// before, why Hoox went on, and the app's answer when forwarding. Long gaps are shortened and
// marked with a break, so that a chain resent an hour later still fits. Clicking a mark, or
// Enter on the one stepped to with the arrow keys, selects its capture in the table.
class TimelineView : public QAbstractScrollArea {
    Q_OBJECT
public:
    TimelineView(CaptureStore *store, CaptureTableModel *model, QWidget *parent = nullptr);

    // Shows the key of store row `row` (-1: nothing), with that row's mark current.
    void showRow(qsizetype row);
    const QList<TimelineAttempt> &attempts() const { return m_attempts; }
    int currentIndex() const { return m_current; }
    void setCurrentIndex(int index);
    // Where mark `index` is drawn, in viewport coordinates.
    QRect markRect(int index) const;

signals:
    void captureActivated(qsizetype storeRow);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    bool viewportEvent(QEvent *event) override;

private:
    struct Geometry {
        int timeRight;  // the elapsed-time labels end here
        int axis;       // the time axis
        int markCenter; // the marks' centre
        int textLeft;   // the words begin here
    };
    void rebuild();
    void layOut();
    void placeMarks();
    Geometry geometry() const;
    int yOf(qint64 ms) const; // content coordinates
    int markAt(const QPoint &viewportPos) const;
    void paintHeader(QPainter &p, const Geometry &g) const;
    void paintSchedule(QPainter &p, const Geometry &g) const;
    void paintAttempt(QPainter &p, const Geometry &g, int index) const;
    void paintMark(QPainter &p, const TimelineAttempt &a, const QRectF &box) const;
    void paintBreaks(QPainter &p, const Geometry &g) const;
    QString emptyText() const;

    CaptureStore *m_store;
    CaptureTableModel *m_model;
    qsizetype m_row = -1;
    qint32 m_group = -1;
    QList<TimelineAttempt> m_attempts;
    QList<int> m_y;          // each attempt's y, content coordinates
    QList<bool> m_shortened; // whether the gap before attempt i was shortened
    int m_contentHeight = 0;
    int m_pxPerSecond = 16;
    int m_current = -1;
};
