// SPDX-License-Identifier: MIT
#pragma once

#include <QColor>
#include <QCoreApplication>
#include <QPalette>
#include <QString>

class QPainter;
class QRectF;

// The classes of answer the pictures of a session colour by: what HookScope answered a delivery,
// or that it answered nothing Hoox counted. Each has a colour, a word and a shape, so that the
// colour is never the only cue. The colours derive from the palette (Tints): deep on a light
// one, pale on a dark one; "none" is drawn from the palette itself.
class AnswerClass {
    Q_DECLARE_TR_FUNCTIONS(AnswerClass)
public:
    enum Kind : quint8 { Success, ClientError, ServerError, None, KindCount };

    // 2xx, 4xx, 5xx; anything else (no answer, a refusal for want of the token, 1xx or 3xx)
    // is None: Hoox retries it all the same.
    static Kind of(quint16 status, bool refused);
    // The fill of the class's shapes and bars.
    static QColor color(Kind kind, const QPalette &palette);
    // The class's words (a status code) on `background`: the palette's Text for None.
    static QColor textColor(Kind kind, const QPalette &palette, const QColor &background);
    // "2xx", "4xx", "5xx", "none/refused".
    static QString label(Kind kind);
    // A disc, a triangle, a square or a ring, filled with the class's colour, in `box`.
    static void drawShape(QPainter *painter, Kind kind, const QRectF &box, const QPalette &palette);
};
