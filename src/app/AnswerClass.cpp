// SPDX-License-Identifier: MIT
#include "AnswerClass.h"

#include "Tints.h"

#include <QPainter>
#include <QPainterPath>

AnswerClass::Kind AnswerClass::of(quint16 status, bool refused)
{
    if (refused)
        return None;
    if (status >= 200 && status < 300)
        return Success;
    if (status >= 400 && status < 500)
        return ClientError;
    if (status >= 500 && status < 600)
        return ServerError;
    return None;
}

namespace {
Tints::Tone toneOf(AnswerClass::Kind kind)
{
    return kind == AnswerClass::Success       ? Tints::Tone::Success
           : kind == AnswerClass::ClientError ? Tints::Tone::ClientError
                                              : Tints::Tone::ServerError;
}
} // namespace

QColor AnswerClass::color(Kind kind, const QPalette &palette)
{
    if (kind != None)
        return Tints::fill(toneOf(kind), palette);
    // Halfway between text and background: a grey that reads on either.
    const QColor text = palette.color(QPalette::Text);
    const QColor base = palette.color(QPalette::Base);
    return QColor((text.red() + base.red()) / 2, (text.green() + base.green()) / 2,
                  (text.blue() + base.blue()) / 2);
}

QColor AnswerClass::textColor(Kind kind, const QPalette &palette, const QColor &background)
{
    if (kind == None)
        return Tints::readable(palette.color(QPalette::Text), {background});
    return Tints::text(toneOf(kind), palette, {background});
}

QString AnswerClass::label(Kind kind)
{
    switch (kind) {
    case Success:
        return tr("2xx");
    case ClientError:
        return tr("4xx");
    case ServerError:
        return tr("5xx");
    default:
        break;
    }
    return tr("none/refused");
}

void AnswerClass::drawShape(QPainter *painter, Kind kind, const QRectF &box,
                            const QPalette &palette)
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(QPen(palette.color(QPalette::Text), 1));
    painter->setBrush(color(kind, palette));
    switch (kind) {
    case Success:
        painter->drawEllipse(box);
        break;
    case ClientError: {
        QPainterPath triangle;
        triangle.moveTo(box.center().x(), box.top());
        triangle.lineTo(box.bottomRight());
        triangle.lineTo(box.bottomLeft());
        triangle.closeSubpath();
        painter->drawPath(triangle);
        break;
    }
    case ServerError:
        painter->drawRect(box.adjusted(1, 1, -1, -1));
        break;
    default:
        painter->setBrush(Qt::NoBrush);
        painter->setPen(QPen(color(kind, palette), 2));
        painter->drawEllipse(box.adjusted(1, 1, -1, -1));
        break;
    }
    painter->restore();
}
