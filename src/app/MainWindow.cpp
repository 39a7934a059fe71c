// SPDX-License-Identifier: MIT
#include "MainWindow.h"

#include "CaptureTableModel.h"
#include "capture/CaptureStore.h"
#include "http/Listener.h"
#include "ui_MainWindow.h"

#include <QHeaderView>
#include <QLabel>
#include <QScrollBar>

MainWindow::MainWindow(CaptureStore *store, Listener *listener, const QString &journalPath,
                       QWidget *parent)
    : QMainWindow(parent)
    , m_ui(std::make_unique<Ui::MainWindow>())
    , m_store(store)
    , m_listener(listener)
    , m_model(new CaptureTableModel(store, this))
    , m_countLabel(new QLabel(this))
    , m_journalPath(journalPath)
{
    m_ui->setupUi(this);
    QTableView *table = m_ui->captureTable;
    table->setModel(m_model);
    // Fixed row heights: measuring rows costs seconds at a hundred thousand captures.
    table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 6);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setStretchLastSection(true);
    m_ui->statusBar->addPermanentWidget(m_countLabel);
    connect(store, &CaptureStore::appended, this, [this, table] {
        const QScrollBar *bar = table->verticalScrollBar();
        if (bar->value() >= bar->maximum() - 1)
            table->scrollToBottom();
        updateStatus();
    });
    connect(store, &CaptureStore::cleared, this, &MainWindow::updateStatus);
    updateStatus();
}

MainWindow::~MainWindow() = default;

void MainWindow::setListenerState(const QString &text)
{
    m_ui->listenerLabel->setText(text);
}

void MainWindow::updateStatus()
{
    m_countLabel->setText(
        tr("%n capture(s) · journal %1", nullptr, int(m_store->size())).arg(m_journalPath));
}
