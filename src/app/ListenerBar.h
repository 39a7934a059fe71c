// SPDX-License-Identifier: MIT
#pragma once

#include <QHostAddress>
#include <QWidget>

#include <functional>
#include <memory>

namespace Ui {
class ListenerBar;
}
class Listener;
class NgrokWatcher;

// The top of the window: where HookScope listens (start, stop, port, bind), the
// webhook_url to paste into Hoox (found through ngrok or pasted), and the response rule,
// including "fail the next N" and "delay the next N" to make Hoox retry on purpose.
class ListenerBar : public QWidget {
    Q_OBJECT
public:
    ListenerBar(Listener *listener, NgrokWatcher *ngrok, QWidget *parent = nullptr);
    ~ListenerBar() override;

    // Asked before listening on an address other machines can reach; true to go ahead.
    void setConfirmExposure(std::function<bool(const QString &address)> confirm);
    // Starts listening; the state line says where, or why not and what to do.
    bool startListening(const QHostAddress &address, quint16 port);
    void stopListening();
    QString webhookUrl() const;
    // A remembered or pasted URL; ngrok's tunnel replaces its origin when one is found.
    void setWebhookUrl(const QString &url);
    void copyWebhookUrl();
    QString hooxCurl() const;
    QString stateText() const;
    QString ngrokStatus() const;
    const Listener *listener() const { return m_listener; }
    // Fills the answer fields with the rule in force, e.g. after the preferences changed it.
    void showRule();
    // The "next N" counters run down as deliveries arrive: shown anew after each batch.
    void showRuleState();

    // Start or stop, as the button does.
    void toggle();
    // Arms "fail next" or "delay next" with the counts and status in the bar's fields.
    void failNext();
    void delayNext();

signals:
    void listeningChanged(bool listening);
    // Typed, pasted or found through ngrok: the window remembers it.
    void webhookUrlChanged(const QString &url);
    // After Copy or Copy curl, what went to the clipboard in words.
    void copied(const QString &what);
    void ngrokStatusChanged(const QString &status);

private:
    void updateWebhookUrl();
    void applyRule();
    void setState(const QString &text, const QString &brief = {});

    std::unique_ptr<Ui::ListenerBar> m_ui;
    Listener *m_listener;
    NgrokWatcher *m_ngrok;
    std::function<bool(const QString &)> m_confirmExposure;
    QString m_state;
};
