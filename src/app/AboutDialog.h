// SPDX-License-Identifier: MIT
#pragma once

#include <QDialog>

#include <memory>

namespace Ui {
class AboutDialog;
}

// Name, version, what HookScope does and its license.
class AboutDialog : public QDialog {
    Q_OBJECT
public:
    explicit AboutDialog(QWidget *parent = nullptr);
    ~AboutDialog() override;

    // The project version from CMake, the same one `hookscope --version` prints.
    static QString version();

private:
    std::unique_ptr<Ui::AboutDialog> m_ui;
};
