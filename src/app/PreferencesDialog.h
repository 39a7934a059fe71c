// SPDX-License-Identifier: MIT
#pragma once

#include "session/AppSettings.h"

#include <QDialog>

#include <memory>

namespace Ui {
class PreferencesDialog;
}

// Edits AppSettings. Accepting stores them and emits settingsChanged(), so that the
// window applies them at once instead of after a restart.
class PreferencesDialog : public QDialog {
    Q_OBJECT
public:
    explicit PreferencesDialog(const AppSettings &current, QWidget *parent = nullptr);
    ~PreferencesDialog() override;

    // What the fields hold now.
    AppSettings settings() const;

    void accept() override;

signals:
    void settingsChanged(const AppSettings &settings);

private:
    void showSettings(const AppSettings &s);
    void showLimits(const HttpLimits &l);
    HttpLimits limits() const;
    // The first field that holds an unusable value, with *error saying why; null when none.
    QWidget *invalidField(QString *error) const;
    void updateBindWarning();

    std::unique_ptr<Ui::PreferencesDialog> m_ui;
    AppSettings m_initial; // keeps what the form does not show (content type, "next N")
};
