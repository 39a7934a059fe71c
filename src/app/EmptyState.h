// SPDX-License-Identifier: MIT
#pragma once

#include <QHostAddress>
#include <QWidget>

class CaptureStore;
class ListenerBar;
class QStatusBar;
class QComboBox;
class QTableView;
class QLabel;
class QNetworkAccessManager;
class QPushButton;

// What an empty session shows in the table's place: the steps to a first delivery (the
// ngrok command to run, the webhook_url to paste into Hoox once ngrok is seen), and a button
// that posts a sample Hoox delivery to the listener itself, so that a newcomer sees a real
// row, its findings and its payload before Hoox sends anything.
class EmptyState : public QWidget {
    Q_OBJECT
public:
    explicit EmptyState(QWidget *parent = nullptr);

    // Takes the place of `table` (in its splitter) while `store` holds no capture, and gives
    // it back when one arrives (the sample's row selected). Shows where `bar` listens and
    // its webhook_url; a sample that could not be sent is said in `status`.
    void standIn(QTableView *table, const CaptureStore *store, ListenerBar *bar,
                 QStatusBar *status);
    // Where the listener is; a null address when it is not listening.
    void setListening(const QHostAddress &address, quint16 port);
    void setWebhookUrl(const QString &url, const QString &ngrokStatus);
    // Posts the chosen template the way Hoox would; the outcome comes back through sent().
    void sendSample();

signals:
    void copyWebhookUrlRequested();
    // HTTP status of the sample's answer, or 0 with the error in words.
    void sent(int status, const QString &error);

private:
    void follow(ListenerBar *bar);

    QLabel *m_commandLabel;
    QPushButton *m_copyCommand;
    QLabel *m_urlLabel;
    QPushButton *m_copyUrl;
    QComboBox *m_template;
    QPushButton *m_send;
    QLabel *m_sendState;
    QNetworkAccessManager *m_network;
    QHostAddress m_address;
    quint16 m_port = 0;
    bool m_sampleSent = false;
};
