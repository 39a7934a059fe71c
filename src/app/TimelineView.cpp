// SPDX-License-Identifier: MIT
#include "TimelineView.h"

#include "CaptureTableModel.h"
#include "WarningColor.h"

#include "capture/CaptureStore.h"

#include <QHelpEvent>
#include <QKeyEvent>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QScrollBar>
#include <QToolTip>

#include <algorithm>

namespace {
constexpr int kPxPerSecond = 16;
constexpr int kMinPxPerSecond = 4;
constexpr int kMaxGapSeconds = 20; // a longer gap is shortened, and says so
constexpr int kMark = 16;
constexpr int kMargin = 8;

QColor faded(const QPalette &palette, int alpha)
{
    QColor c = palette.color(QPalette::Text);
    c.setAlpha(alpha);
    return c;
}

QString elapsed(qint64 ms)
{
    return TimelineView::tr("%1 s").arg(QLocale().toString(ms / 1000.0, 'f', 1));
}
} // namespace

TimelineView::TimelineView(CaptureStore *store, CaptureTableModel *model, QWidget *parent)
    : QAbstractScrollArea(parent)
    , m_store(store)
    , m_model(model)
{
    setObjectName(QStringLiteral("timelineView"));
    setAccessibleName(tr("Timeline of the key's attempts"));
    setFocusPolicy(Qt::StrongFocus);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    connect(store, &CaptureStore::appended, this, [this](qsizetype first, qsizetype count) {
        for (qsizetype i = first; m_group >= 0 && i < first + count; ++i) {
            if (m_store->row(i).group == m_group)
                return rebuild(); // a new attempt of the key shown
        }
    });
    connect(store, &CaptureStore::cleared, this, [this] { showRow(-1); });
    // Forward results arrive after their captures.
    connect(model, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &, const QModelIndex &bottomRight) {
                if (m_group >= 0 && bottomRight.column() >= CaptureTableModel::ForwardColumn)
                    rebuild();
            });
}

void TimelineView::showRow(qsizetype row)
{
    const bool valid = row >= 0 && row < m_store->size();
    const qint32 group = valid ? m_store->row(row).group : -1;
    const bool sameKey = group >= 0 && group == m_group;
    m_row = valid ? row : -1;
    m_group = group;
    if (!sameKey)
        rebuild();
    for (int i = 0; i < m_attempts.size(); ++i) {
        if (m_attempts[i].storeRow == m_row)
            setCurrentIndex(i);
    }
}

void TimelineView::rebuild()
{
    const quint64 currentId =
        m_current >= 0 && m_current < m_attempts.size() ? m_attempts[m_current].id : 0;
    m_attempts = TimelineChain::build(*m_store, m_group >= 0 ? m_row : -1, [this](quint64 id) {
        const CaptureTableModel::ForwardNote note = m_model->forwardNote(id);
        return std::make_pair(note.summary, note.slow);
    });
    m_current = -1;
    for (int i = 0; i < m_attempts.size(); ++i) {
        if (m_attempts[i].id == currentId || (currentId == 0 && m_attempts[i].storeRow == m_row))
            m_current = i;
    }
    layOut();
    viewport()->update();
}

// Each attempt a row at least four lines high; time runs down at m_pxPerSecond in between, as
// many as let the whole chain fit the view (at least kMinPxPerSecond).
void TimelineView::layOut()
{
    for (m_pxPerSecond = kPxPerSecond; m_pxPerSecond > kMinPxPerSecond; m_pxPerSecond -= 2) {
        placeMarks();
        if (m_contentHeight <= viewport()->height())
            break;
    }
    placeMarks();
    const int line = fontMetrics().height();
    verticalScrollBar()->setRange(0, std::max(0, m_contentHeight - viewport()->height()));
    verticalScrollBar()->setPageStep(viewport()->height());
    verticalScrollBar()->setSingleStep(line);
}

void TimelineView::placeMarks()
{
    const int line = fontMetrics().height();
    const int minGap = 4 * line + 12;
    const int maxGap = std::max(kMaxGapSeconds * m_pxPerSecond, minGap);
    m_y.clear();
    m_shortened.clear();
    int y = kMargin + 4 * line + line / 2 + 4; // below the title and the legend
    for (int i = 0; i < m_attempts.size(); ++i) {
        const qint64 natural = i == 0 ? 0 : m_attempts[i].gapMs * m_pxPerSecond / 1000;
        if (i > 0)
            y += int(std::clamp<qint64>(natural, minGap, maxGap));
        m_y.append(y);
        m_shortened.append(natural > maxGap);
    }
    const int tail = std::max(4 * line, RetrySchedule::kTimeoutMs / 1000 * m_pxPerSecond);
    m_contentHeight = m_y.isEmpty() ? 0 : m_y.last() + tail + kMargin;
}

int TimelineView::yOf(qint64 ms) const
{
    if (m_attempts.isEmpty())
        return 0;
    for (int i = 1; i < m_attempts.size(); ++i) {
        if (ms > m_attempts[i].atMs)
            continue;
        const qint64 t0 = m_attempts[i - 1].atMs;
        const qint64 t1 = m_attempts[i].atMs;
        if (ms <= t0 || t1 == t0)
            return m_y[i - 1] + int((ms - t0) * m_pxPerSecond / 1000);
        return m_y[i - 1] + int((ms - t0) * (m_y[i] - m_y[i - 1]) / (t1 - t0));
    }
    return m_y.last() + int((ms - m_attempts.last().atMs) * m_pxPerSecond / 1000);
}

TimelineView::Geometry TimelineView::geometry() const
{
    Geometry g;
    g.timeRight = kMargin + fontMetrics().horizontalAdvance(elapsed(99'900));
    g.axis = g.timeRight + 10;
    g.markCenter = g.axis + 16 + 3 * 5 + kMark / 2;
    g.textLeft = g.markCenter + kMark / 2 + 8;
    return g;
}

QString TimelineView::emptyText() const
{
    if (m_row < 0)
        return tr("Select a capture to see its key's attempts in time, beside Hoox's schedule.");
    return tr("This capture has no key (job_id, or avatar_id and look_id), so Hoox would not "
              "retry it as one.");
}

void TimelineView::paintEvent(QPaintEvent *)
{
    QPainter p(viewport());
    p.fillRect(viewport()->rect(), palette().color(QPalette::Base));
    p.setPen(palette().color(QPalette::Text));
    if (m_attempts.isEmpty()) {
        p.drawText(viewport()->rect().adjusted(kMargin, kMargin, -kMargin, -kMargin),
                   Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, emptyText());
        return;
    }
    p.translate(0, -verticalScrollBar()->value());
    const Geometry g = geometry();
    paintHeader(p, g);
    paintSchedule(p, g);
    paintBreaks(p, g);
    for (int i = 0; i < m_attempts.size(); ++i)
        paintAttempt(p, g, i);
}

void TimelineView::paintHeader(QPainter &p, const Geometry &g) const
{
    const int line = fontMetrics().height();
    const int width = viewport()->width() - 2 * kMargin;
    QFont bold = font();
    bold.setBold(true);
    p.setFont(bold);
    const QString title = tr("Key %1 · %n attempt(s) shown", nullptr, int(m_attempts.size()))
                              .arg(m_store->key(m_attempts.first().storeRow));
    p.drawText(QRect(kMargin, kMargin, width, line), Qt::AlignLeft | Qt::AlignVCenter,
               QFontMetrics(bold).elidedText(title, Qt::ElideMiddle, width));
    p.setFont(font());
    // The legend of the schedule lane: a timeout window, and a retry's due time.
    const int y = kMargin + line + 4;
    p.fillRect(QRect(g.axis + 4, y + 2, 4, line - 4), faded(palette(), 90));
    p.fillRect(QRect(g.axis + 10, y + 2, 4, line - 4), warningColor(palette()));
    int x = g.axis + 20;
    const QString windowText = tr("Hoox's 10 s timeout window (filled: waited out)");
    p.drawText(QRect(x, y, width - x, line), Qt::AlignLeft | Qt::AlignVCenter,
               fontMetrics().elidedText(windowText, Qt::ElideRight, width - x));
    p.setPen(QPen(faded(palette(), 200), 1, Qt::DashLine));
    p.drawLine(g.axis - 6, y + line + line / 2, g.axis + 14, y + line + line / 2);
    p.setPen(palette().color(QPalette::Text));
    p.drawText(QRect(x, y + line, width - x, line), Qt::AlignLeft | Qt::AlignVCenter,
               tr("when Hoox's schedule had the retry due"));
}

// The axis, each attempt's 10 s window beside it, and when each retry was due.
void TimelineView::paintSchedule(QPainter &p, const Geometry &g) const
{
    p.setPen(QPen(faded(palette(), 140), 1));
    p.drawLine(g.axis, m_y.first(), g.axis, m_contentHeight - kMargin);
    for (int i = 0; i < m_attempts.size(); ++i) {
        const TimelineAttempt &a = m_attempts[i];
        const int top = m_y[i];
        const int bottom = yOf(a.atMs + RetrySchedule::kTimeoutMs);
        const bool waited = a.outcome == TimelineAttempt::Outcome::TimedOut;
        p.fillRect(QRect(g.axis + 4 + (i % 3) * 5, top, 4, bottom - top),
                   waited ? warningColor(palette()) : faded(palette(), 60));
    }
    p.setPen(QPen(faded(palette(), 200), 1, Qt::DashLine));
    for (const TimelineAttempt &a : m_attempts) {
        if (a.dueMs >= 0) {
            const int y = yOf(a.dueMs);
            p.drawLine(g.axis - 6, y, g.markCenter + kMark, y);
        }
    }
}

// A shortened gap: a break across the axis, with the real length beside it.
void TimelineView::paintBreaks(QPainter &p, const Geometry &g) const
{
    for (int i = 1; i < m_attempts.size(); ++i) {
        if (!m_shortened[i])
            continue;
        const int y = (m_y[i - 1] + m_y[i]) / 2;
        p.fillRect(QRect(g.axis - 5, y - 3, 10, 6), palette().color(QPalette::Base));
        p.setPen(QPen(palette().color(QPalette::Text), 1));
        p.drawLine(g.axis - 5, y - 1, g.axis + 5, y - 5);
        p.drawLine(g.axis - 5, y + 5, g.axis + 5, y + 1);
        p.drawText(QRect(0, y - fontMetrics().height() / 2, g.timeRight, fontMetrics().height()),
                   Qt::AlignRight | Qt::AlignVCenter, tr("≈ shortened"));
    }
}

void TimelineView::paintAttempt(QPainter &p, const Geometry &g, int index) const
{
    const TimelineAttempt &a = m_attempts[index];
    const int line = fontMetrics().height();
    const int y = m_y[index];
    const QPalette &pal = palette();
    p.setPen(pal.color(QPalette::Text));
    p.drawText(QRect(0, y - line / 2, g.timeRight, line), Qt::AlignRight | Qt::AlignVCenter,
               elapsed(a.atMs));
    const QRectF box(g.markCenter - kMark / 2.0, y - kMark / 2.0, kMark, kMark);
    paintMark(p, a, box);
    if (index == m_current) {
        p.setPen(QPen(pal.color(QPalette::Highlight), hasFocus() ? 3 : 1));
        p.setBrush(Qt::NoBrush);
        p.drawRoundedRect(box.adjusted(-4, -4, 4, 4), 4, 4);
    }
    const int width = viewport()->width() - g.textLeft - kMargin;
    QFont bold = font();
    bold.setBold(true);
    const QString head = tr("#%1 · %2 · %3").arg(a.id).arg(a.markText(), a.gapText());
    QStringList lines{a.why(), a.scheduleText()};
    if (!a.forward.isEmpty())
        lines << tr("app: %1").arg(a.forward);
    p.setFont(bold);
    p.setPen(pal.color(QPalette::Text));
    p.drawText(QRect(g.textLeft, y - line / 2, width, line), Qt::AlignLeft | Qt::AlignVCenter,
               QFontMetrics(bold).elidedText(head, Qt::ElideRight, width));
    p.setFont(font());
    const bool offSchedule =
        a.fit == RetrySchedule::Fit::TooEarly || a.fit == RetrySchedule::Fit::TooLate;
    for (int l = 0; l < lines.size(); ++l) {
        const bool warn = (l == 1 && offSchedule) || (l == 2 && a.forwardSlow);
        p.setPen(warn ? warningColor(pal) : pal.color(QPalette::Text));
        p.drawText(QRect(g.textLeft, y - line / 2 + (l + 1) * line, width, line),
                   Qt::AlignLeft | Qt::AlignVCenter,
                   fontMetrics().elidedText(lines[l], Qt::ElideRight, width));
    }
}

// The answer's shape; an hourglass for a timeout, which no status tells.
void TimelineView::paintMark(QPainter &p, const TimelineAttempt &a, const QRectF &box) const
{
    if (a.outcome != TimelineAttempt::Outcome::TimedOut) {
        AnswerClass::drawShape(&p, a.answerClass, box, palette());
        return;
    }
    p.save();
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(QPen(palette().color(QPalette::Text), 1));
    p.setBrush(warningColor(palette()));
    const QPointF hourglass[] = {box.topLeft(), box.topRight(), box.bottomLeft(),
                                 box.bottomRight()};
    p.drawPolygon(hourglass, 4);
    p.restore();
}

QRect TimelineView::markRect(int index) const
{
    if (index < 0 || index >= m_attempts.size())
        return {};
    const Geometry g = geometry();
    return QRect(g.markCenter - kMark / 2, m_y[index] - kMark / 2 - verticalScrollBar()->value(),
                 kMark, kMark);
}

// The attempt whose mark or words are at `pos`, or -1.
int TimelineView::markAt(const QPoint &pos) const
{
    const Geometry g = geometry();
    const int line = fontMetrics().height();
    const int y = pos.y() + verticalScrollBar()->value();
    for (int i = 0; i < m_attempts.size(); ++i) {
        const QRect row(g.markCenter - kMark, m_y[i] - line, viewport()->width(), 4 * line);
        if (row.contains(pos.x(), y))
            return i;
    }
    return -1;
}

void TimelineView::setCurrentIndex(int index)
{
    if (index < 0 || index >= m_attempts.size())
        return;
    m_current = index;
    setAccessibleDescription(m_attempts[index].toolTip());
    // Scrolls as little as shows the mark with its words, so that the chain above stays in view.
    const int line = fontMetrics().height();
    const int top = m_y[index] - 2 * line;
    const int bottom = m_y[index] + 4 * line;
    QScrollBar *bar = verticalScrollBar();
    if (top < bar->value())
        bar->setValue(top);
    else if (bottom > bar->value() + viewport()->height())
        bar->setValue(bottom - viewport()->height());
    viewport()->update();
}

void TimelineView::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Up:
    case Qt::Key_Left:
        return setCurrentIndex(std::max(0, m_current - 1));
    case Qt::Key_Down:
    case Qt::Key_Right:
        return setCurrentIndex(m_current + 1);
    case Qt::Key_Home:
        return setCurrentIndex(0);
    case Qt::Key_End:
        return setCurrentIndex(int(m_attempts.size()) - 1);
    case Qt::Key_Return:
    case Qt::Key_Enter:
    case Qt::Key_Space:
        if (m_current >= 0)
            emit captureActivated(m_attempts[m_current].storeRow);
        return;
    default:
        QAbstractScrollArea::keyPressEvent(event);
    }
}

void TimelineView::mousePressEvent(QMouseEvent *event)
{
    const int index = markAt(event->position().toPoint());
    if (event->button() != Qt::LeftButton || index < 0)
        return QAbstractScrollArea::mousePressEvent(event);
    setCurrentIndex(index);
    emit captureActivated(m_attempts[index].storeRow);
}

bool TimelineView::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        const auto *help = static_cast<QHelpEvent *>(event);
        const int index = markAt(help->pos());
        if (index >= 0)
            QToolTip::showText(help->globalPos(), m_attempts[index].toolTip(), viewport());
        else
            QToolTip::hideText();
        return true;
    }
    return QAbstractScrollArea::viewportEvent(event);
}

void TimelineView::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    layOut();
}
