// SPDX-License-Identifier: MIT
#include "ActivityStrip.h"

#include "capture/CaptureFormat.h"
#include "capture/CaptureStore.h"

#include <QHelpEvent>
#include <QKeyEvent>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

#include <algorithm>

namespace {
constexpr int kHeight = 40;
constexpr int kMaxColumnPixels = 12; // a short session's seconds, not slabs
constexpr int kSwatch = 9;
constexpr int kClickSlop = 3; // a press that moved less is a click
// Errors at the bottom, where a single one is never hidden by the others.
constexpr AnswerClass::Kind kStackOrder[] = {AnswerClass::ServerError, AnswerClass::ClientError,
                                             AnswerClass::None, AnswerClass::Success};

// "1 s", "2 min", "1.5 h": the time one column covers.
QString spanText(qint64 ms)
{
    const QLocale locale;
    if (ms < 60'000)
        return ActivityStrip::tr("%1 s").arg(locale.toString(ms / 1000.0, 'g', 3));
    if (ms < 3'600'000)
        return ActivityStrip::tr("%1 min").arg(locale.toString(ms / 60'000.0, 'g', 3));
    return ActivityStrip::tr("%1 h").arg(locale.toString(ms / 3'600'000.0, 'g', 3));
}

// HH:mm:ss: buckets are a second wide at least.
QString secondTime(qint64 ms)
{
    return CaptureFormat::clockTime(ms).left(8);
}

quint64 totalOf(const ActivityBuckets::Counts &c)
{
    quint64 t = 0;
    for (quint64 v : c)
        t += v;
    return t;
}
} // namespace

ActivityStrip::ActivityStrip(CaptureStore *store, QWidget *parent)
    : QWidget(parent)
    , m_store(store)
{
    setObjectName(QStringLiteral("activityStrip"));
    setAccessibleName(tr("Activity"));
    setAccessibleDescription(
        tr("Deliveries over time by answer class. Drag to show a time range; Esc clears it."));
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(false);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    connect(store, &CaptureStore::appended, this, &ActivityStrip::onAppended);
    connect(store, &CaptureStore::cleared, this, [this] {
        m_buckets.clear();
        setRange(kNoSince, kNoUntil); // a range of the last session would hide the next one
        update();
    });
    onAppended(0, store->size());
}

QSize ActivityStrip::sizeHint() const
{
    return {400, kHeight};
}

QSize ActivityStrip::minimumSizeHint() const
{
    return {120, kHeight};
}

void ActivityStrip::onAppended(qsizetype first, qsizetype count)
{
    for (qsizetype i = first; i < first + count; ++i) {
        const CaptureStore::Row &r = m_store->row(i);
        m_buckets.add(r.receivedAtMs,
                      AnswerClass::of(r.answerStatus, r.flags & CaptureStore::Refused));
    }
    if (count > 0)
        update();
}

int ActivityStrip::legendWidth() const
{
    int w = 0;
    for (int k = 0; k < AnswerClass::KindCount; ++k)
        w += kSwatch + 4 +
             fontMetrics().horizontalAdvance(AnswerClass::label(AnswerClass::Kind(k))) + 8;
    return w + 8;
}

QRect ActivityStrip::barsRect() const
{
    const QRect r = rect().adjusted(1, 2, -1, -2);
    return r.adjusted(0, 0, -std::min(legendWidth(), r.width() / 2), 0);
}

ActivityStrip::Columns ActivityStrip::columns() const
{
    const qsizetype n = m_buckets.size();
    const int width = std::max(1, barsRect().width());
    if (n == 0)
        return {};
    Columns c;
    c.bucketsPerColumn = std::max<qsizetype>(1, (n + width - 1) / width);
    c.pixels = c.bucketsPerColumn > 1 ? 1 : std::clamp(int(width / n), 1, kMaxColumnPixels);
    return c;
}

qint64 ActivityStrip::timeAt(int x) const
{
    const Columns c = columns();
    const qint64 column = std::max(0, x - barsRect().left()) / c.pixels;
    return m_buckets.originMs() + column * c.bucketsPerColumn * m_buckets.widthMs();
}

int ActivityStrip::xOf(qint64 ms) const
{
    const Columns c = columns();
    const qint64 span = c.bucketsPerColumn * m_buckets.widthMs();
    const qint64 column = (ms - m_buckets.originMs()) / span;
    const QRect bars = barsRect();
    return int(std::clamp<qint64>(bars.left() + column * c.pixels, bars.left(), bars.right() + 1));
}

void ActivityStrip::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    const QRect bars = barsRect();
    p.fillRect(bars, palette().color(QPalette::Base));
    p.setPen(palette().color(QPalette::Mid));
    p.drawRect(bars.adjusted(0, 0, -1, -1));
    paintBars(p, bars.adjusted(1, 1, -1, -1));
    paintRange(p, bars);
    paintLegend(p, QRect(bars.right() + 8, 0, width() - bars.right() - 8, height()));
}

void ActivityStrip::paintBars(QPainter &p, const QRect &bars) const
{
    if (m_buckets.isEmpty())
        return;
    const Columns c = columns();
    const qsizetype count = std::min<qsizetype>(
        (m_buckets.size() + c.bucketsPerColumn - 1) / c.bucketsPerColumn, bars.width() / c.pixels);
    std::vector<ActivityBuckets::Counts> sums(static_cast<size_t>(count));
    quint64 peak = 1;
    for (qsizetype i = 0; i < count; ++i) {
        sums[size_t(i)] = m_buckets.sum(i * c.bucketsPerColumn, (i + 1) * c.bucketsPerColumn);
        peak = std::max(peak, totalOf(sums[size_t(i)]));
    }
    QColor colors[AnswerClass::KindCount];
    for (int k = 0; k < AnswerClass::KindCount; ++k)
        colors[k] = AnswerClass::color(AnswerClass::Kind(k), palette());
    const int w = c.pixels > 2 ? c.pixels - 1 : c.pixels; // a gap between wide bars
    for (qsizetype i = 0; i < count; ++i) {
        int y = bars.bottom() + 1;
        for (AnswerClass::Kind k : kStackOrder) {
            const quint64 v = sums[size_t(i)][k];
            if (v == 0)
                continue;
            // One delivery among thousands still shows: a pixel at least.
            const int h = std::max(1, int(v * quint64(bars.height()) / peak));
            const int top = std::max(bars.top(), y - h);
            p.fillRect(bars.left() + int(i) * c.pixels, top, w, y - top, colors[k]);
            y = top;
        }
    }
}

void ActivityStrip::paintRange(QPainter &p, const QRect &bars) const
{
    QColor highlight = palette().color(QPalette::Highlight);
    if (m_dragFrom >= 0) {
        highlight.setAlpha(80);
        const int x0 = std::min(m_dragFrom, m_dragTo);
        p.fillRect(QRect(x0, bars.top(), std::abs(m_dragTo - m_dragFrom), bars.height()),
                   highlight);
        return;
    }
    if (!hasRange())
        return;
    const int x0 = m_sinceMs == kNoSince ? bars.left() : xOf(m_sinceMs);
    const int x1 = m_untilMs == kNoUntil ? bars.right() + 1 : xOf(m_untilMs);
    QColor dim = palette().color(QPalette::Window);
    dim.setAlpha(170); // what the table no longer shows fades
    p.fillRect(QRect(bars.left(), bars.top(), x0 - bars.left(), bars.height()), dim);
    p.fillRect(QRect(x1, bars.top(), bars.right() + 1 - x1, bars.height()), dim);
    p.setPen(QPen(highlight, 2));
    p.drawRect(QRect(x0, bars.top(), std::max(1, x1 - x0), bars.height()).adjusted(1, 1, -1, -1));
}

// The classes with their colours on the first line; the scale, or the range shown, below.
void ActivityStrip::paintLegend(QPainter &p, const QRect &legend) const
{
    const int line = fontMetrics().height();
    const int top = (height() - 2 * line) / 2;
    int x = legend.left();
    p.setPen(palette().color(QPalette::WindowText));
    for (int k = 0; k < AnswerClass::KindCount; ++k) {
        const auto kind = AnswerClass::Kind(k);
        const QRect swatch(x, top + (line - kSwatch) / 2, kSwatch, kSwatch);
        p.fillRect(swatch, AnswerClass::color(kind, palette()));
        x = swatch.right() + 4;
        const QString label = AnswerClass::label(kind);
        p.drawText(QRect(x, top, legend.right() - x, line), Qt::AlignLeft | Qt::AlignVCenter,
                   label);
        x += fontMetrics().horizontalAdvance(label) + 8;
    }
    QString second;
    if (hasRange()) {
        second = tr("%1 – %2 · Esc clears")
                     .arg(m_sinceMs == kNoSince ? tr("start") : secondTime(m_sinceMs),
                          m_untilMs == kNoUntil ? tr("end") : secondTime(m_untilMs));
    } else if (!m_buckets.isEmpty()) {
        second = tr("per %1 · drag to pick a range")
                     .arg(spanText(columns().bucketsPerColumn * m_buckets.widthMs()));
    }
    p.drawText(QRect(legend.left(), top + line, legend.width(), line),
               Qt::AlignLeft | Qt::AlignVCenter,
               fontMetrics().elidedText(second, Qt::ElideRight, legend.width()));
}

QString ActivityStrip::toolTipAt(int x) const
{
    const QString help = tr("Deliveries by HookScope's answer: 2xx, 4xx, 5xx, and none or "
                            "refused. Drag to show only a time range; click or Esc clears it.");
    const QRect bars = barsRect();
    if (m_buckets.isEmpty() || x < bars.left() || x > bars.right())
        return help;
    const Columns c = columns();
    const qsizetype column = (x - bars.left()) / c.pixels;
    const ActivityBuckets::Counts counts =
        m_buckets.sum(column * c.bucketsPerColumn, (column + 1) * c.bucketsPerColumn);
    const qint64 from = timeAt(x);
    const qint64 to = from + c.bucketsPerColumn * m_buckets.widthMs();
    QStringList parts;
    for (int k = 0; k < AnswerClass::KindCount; ++k) {
        if (counts[size_t(k)] > 0)
            parts << tr("%1: %2")
                         .arg(AnswerClass::label(AnswerClass::Kind(k)))
                         .arg(counts[size_t(k)]);
    }
    const QString line = tr("%1 – %2: %n deliveries", nullptr, int(totalOf(counts)))
                             .arg(secondTime(from), secondTime(to));
    return line +
           (parts.isEmpty() ? QString()
                            : QStringLiteral(" (") + parts.join(QStringLiteral(", ")) + u')') +
           u'\n' + help;
}

bool ActivityStrip::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        const auto *help = static_cast<QHelpEvent *>(event);
        QToolTip::showText(help->globalPos(), toolTipAt(help->pos().x()), this);
        return true;
    }
    return QWidget::event(event);
}

void ActivityStrip::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return QWidget::mousePressEvent(event);
    const QRect bars = barsRect();
    m_dragFrom = std::clamp(event->position().toPoint().x(), bars.left(), bars.right() + 1);
    m_dragTo = m_dragFrom;
    update();
}

void ActivityStrip::mouseMoveEvent(QMouseEvent *event)
{
    if (m_dragFrom < 0)
        return;
    const QRect bars = barsRect();
    m_dragTo = std::clamp(event->position().toPoint().x(), bars.left(), bars.right() + 1);
    update();
}

void ActivityStrip::mouseReleaseEvent(QMouseEvent *event)
{
    if (m_dragFrom < 0 || event->button() != Qt::LeftButton)
        return;
    const int x0 = std::min(m_dragFrom, m_dragTo);
    const int x1 = std::max(m_dragFrom, m_dragTo);
    m_dragFrom = m_dragTo = -1;
    if (x1 - x0 < kClickSlop || m_buckets.isEmpty()) {
        setRange(kNoSince, kNoUntil);
    } else {
        const Columns c = columns();
        // Whole columns: the one where the drag ended is in the range.
        setRange(timeAt(x0), timeAt(x1 - 1) + c.bucketsPerColumn * m_buckets.widthMs());
    }
    update();
}

void ActivityStrip::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape && hasRange()) {
        setRange(kNoSince, kNoUntil);
        return;
    }
    QWidget::keyPressEvent(event);
}

void ActivityStrip::showRange(qint64 sinceMs, qint64 untilMs)
{
    if (sinceMs == m_sinceMs && untilMs == m_untilMs)
        return;
    m_sinceMs = sinceMs;
    m_untilMs = untilMs;
    update();
}

void ActivityStrip::setRange(qint64 sinceMs, qint64 untilMs)
{
    if (sinceMs == m_sinceMs && untilMs == m_untilMs)
        return;
    showRange(sinceMs, untilMs);
    emit rangeChanged(sinceMs, untilMs);
}
