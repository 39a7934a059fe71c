// SPDX-License-Identifier: MIT
#pragma once

#include "query/Query.h"

#include <QObject>
#include <QTimer>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QMenu;
class QToolButton;

// The window's filter box: it takes the filter language (query/Query.h), debounced; a syntax
// error is shown under it at its column while the last good filter stays in force. The task and
// status combos and the duplicates and findings checkboxes write terms into the box rather than
// filter on their own, so what is filtered is always one readable line. Saved filters (name →
// expression) sit in a menu beside it, kept in the settings.
class FilterBox : public QObject {
    Q_OBJECT
public:
    struct Widgets {
        QLineEdit *edit;
        QComboBox *task;
        QComboBox *status;
        QCheckBox *duplicates;
        QCheckBox *findings;
        QLabel *error;
        QToolButton *saved;
    };

    FilterBox(const Widgets &widgets, QObject *parent = nullptr);

    // Puts `text` in the box and applies it at once.
    void setText(const QString &text);
    void clear() { setText({}); }
    // Applies what the box holds now, without waiting for the debounce.
    void applyNow();
    // Saved filters, by name (kept in the settings).
    void saveFilter(const QString &name, const QString &expression);
    void removeFilter(const QString &name);
    QMap<QString, QString> savedFilters() const;

signals:
    // A valid filter to apply (the last good one stays until the next).
    void queryChanged(const Query &query);

private:
    struct Choice {
        QString label;
        QString term;
    };
    void fillCombos();
    void writeTerm(const QString &oldTerm, const QString &newTerm);
    void syncControls();
    void showError(const Query &query);
    void fillSavedMenu();
    void askToSave();
    QString termOf(const QComboBox *combo) const;

    Widgets m_w;
    QMenu *m_savedMenu;
    QTimer m_debounce;
    QString m_taskTerm; // what each control last wrote into the box
    QString m_statusTerm;
};
