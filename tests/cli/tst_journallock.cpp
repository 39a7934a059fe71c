// SPDX-License-Identifier: MIT
// One journal, one writer: a second HookScope on a journal in use is refused with a message that
// names the first, and every delivery the first answered 200 is in the journal afterwards.
#include "HeadlessProcess.h"
#include "capture/Journal.h"
#include "capture/JournalLock.h"
#include "capture/JournalReader.h"
#include "helpers/HooxDelivery.h"

#include <QProcess>
#include <QSet>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

class tst_JournalLock : public QObject {
    Q_OBJECT
private slots:
    void secondProcessIsRefusedAndNothingIsLost();
    void secondJournalInOneProcessIsRefused();
    void lockGoesWithAKilledProcess();
};

void tst_JournalLock::secondProcessIsRefusedAndNothingIsLost()
{
    QTemporaryDir dir;
    const QString journal = dir.filePath(QStringLiteral("shared.hkj"));
    QProcess first;
    const quint16 port = startHeadless(first, journal);
    QVERIFY(port != 0);
    QSet<QByteArray> answered;
    for (const QByteArray id : {"run_1", "run_2"}) {
        QCOMPARE(deliverHoox(port, id), 200);
        answered.insert(id);
    }

    // The second HookScope, started by habit on another port: refused, and it says by whom.
    const HookScopeRun second =
        runHookScope({QStringLiteral("listen"), QStringLiteral("--port"), QStringLiteral("0"),
                      QStringLiteral("--journal"), journal});
    QCOMPARE(second.exitCode, 1);
    const QByteArray holder = "process " + QByteArray::number(first.processId());
    QVERIFY2(second.err.contains("in use by another HookScope"), second.err.constData());
    QVERIFY2(second.err.contains(holder), second.err.constData());
    QVERIFY2(second.err.contains("--journal"), second.err.constData());

    // import writes too: refused the same way. export only reads: it works meanwhile.
    const QString har = QStringLiteral(HOOKSCOPE_SOURCE_DIR "/tests/data/chrome-devtools.har");
    const HookScopeRun import =
        runHookScope({QStringLiteral("import"), har, QStringLiteral("--journal"), journal});
    QCOMPARE(import.exitCode, 1);
    QVERIFY2(import.err.contains("in use by another HookScope"), import.err.constData());
    const HookScopeRun exported =
        runHookScope({QStringLiteral("export"), QStringLiteral("--journal"), journal,
                      QStringLiteral("--format"), QStringLiteral("jsonl")});
    QCOMPARE(exported.exitCode, 0);
    QCOMPARE(exported.out.count('\n'), 2);

    for (const QByteArray id : {"run_3", "run_4"}) {
        QCOMPARE(deliverHoox(port, id), 200);
        answered.insert(id);
    }
    ::kill(pid_t(first.processId()), SIGTERM);
    QVERIFY(first.waitForFinished(10'000));

    const JournalReadResult read = JournalReader::read(journal);
    QVERIFY2(read.error.isEmpty() && read.warning.isEmpty(), qPrintable(read.error + read.warning));
    QCOMPARE(read.captures.size(), answered.size());
    QSet<QByteArray> kept;
    for (qsizetype i = 0; i < read.captures.size(); ++i) {
        QCOMPARE(read.captures.at(i)->id, quint64(i + 1)); // no id written twice
        kept.insert(read.captures.at(i)->hoox.key.toUtf8());
    }
    QCOMPARE(kept, answered);
}

void tst_JournalLock::secondJournalInOneProcessIsRefused()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("j.hkj"));
    Journal a;
    QString error;
    QVERIFY2(a.open(path, &error), qPrintable(error));
    QVERIFY(JournalLock::isHeldElsewhere(path));
    Journal b;
    QVERIFY(!b.open(path, &error));
    QVERIFY2(error.contains(QStringLiteral("in use by another HookScope")), qPrintable(error));
    QVERIFY(!b.isOpen());
    a.close();
    QVERIFY(!JournalLock::isHeldElsewhere(path));
    QVERIFY2(b.open(path, &error), qPrintable(error));
}

// The kernel drops a flock() with the last descriptor: a crashed HookScope leaves no lock.
void tst_JournalLock::lockGoesWithAKilledProcess()
{
    QTemporaryDir dir;
    const QString journal = dir.filePath(QStringLiteral("killed.hkj"));
    QProcess first;
    QVERIFY(startHeadless(first, journal) != 0);
    QVERIFY(JournalLock::isHeldElsewhere(journal));
    first.kill();
    QVERIFY(first.waitForFinished(10'000));
    QVERIFY(!JournalLock::isHeldElsewhere(journal));
    QProcess again;
    QVERIFY(startHeadless(again, journal) != 0);
    ::kill(pid_t(again.processId()), SIGTERM);
    QVERIFY(again.waitForFinished(10'000));
}

QTEST_GUILESS_MAIN(tst_JournalLock)
#include "tst_journallock.moc"
