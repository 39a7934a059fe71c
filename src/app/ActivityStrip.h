// SPDX-License-Identifier: MIT
#pragma once

#include "ActivityBuckets.h"

#include <QWidget>

#include <limits>

class CaptureStore;

// A thin strip over the capture table: deliveries per second (per longer bucket when the
// session is long, one bucket per column of pixels), stacked by answer class. Dragging selects
// a time range (rangeChanged); a click or Esc clears it. The counts grow with each batch the
// store appends, in O(batch); a paint costs O(width), whatever the number of captures.
class ActivityStrip : public QWidget {
    Q_OBJECT
public:
    static constexpr qint64 kNoSince = std::numeric_limits<qint64>::min();
    static constexpr qint64 kNoUntil = std::numeric_limits<qint64>::max();

    explicit ActivityStrip(CaptureStore *store, QWidget *parent = nullptr);

    const ActivityBuckets &buckets() const { return m_buckets; }
    // Shows [sinceMs, untilMs) as selected without announcing it (the filter changed elsewhere).
    void showRange(qint64 sinceMs, qint64 untilMs);
    bool hasRange() const { return m_sinceMs != kNoSince || m_untilMs != kNoUntil; }
    qint64 sinceMs() const { return m_sinceMs; }
    qint64 untilMs() const { return m_untilMs; }
    // The time at the left edge of column x of the bars, and the column of a time.
    qint64 timeAt(int x) const;
    int xOf(qint64 ms) const;
    QRect barsRect() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

signals:
    // The range dragged, or (kNoSince, kNoUntil) when it was cleared.
    void rangeChanged(qint64 sinceMs, qint64 untilMs);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    bool event(QEvent *event) override;

private:
    struct Columns {
        qsizetype bucketsPerColumn = 1;
        int pixels = 1; // width of one column
    };
    Columns columns() const;
    void onAppended(qsizetype first, qsizetype count);
    void paintBars(QPainter &p, const QRect &bars) const;
    void paintRange(QPainter &p, const QRect &bars) const;
    void paintLegend(QPainter &p, const QRect &legend) const;
    int legendWidth() const;
    QString toolTipAt(int x) const;
    void setRange(qint64 sinceMs, qint64 untilMs);

    CaptureStore *m_store;
    ActivityBuckets m_buckets;
    qint64 m_sinceMs = kNoSince;
    qint64 m_untilMs = kNoUntil;
    int m_dragFrom = -1; // x where the drag started, -1 when not dragging
    int m_dragTo = -1;
};
