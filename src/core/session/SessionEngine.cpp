// SPDX-License-Identifier: MIT
#include "SessionEngine.h"

#include "JobRunner.h"
#include "NgrokRecovery.h"
#include "capture/CaptureRecorder.h"
#include "capture/CaptureStore.h"
#include "capture/Journal.h"
#include "capture/JournalLock.h"
#include "capture/JournalReader.h"
#include "delivery/Forwarder.h"
#include "interchange/CaptureImporter.h"
#include "interchange/CaptureWriter.h"
#include "listener/Listener.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QSaveFile>
#include <QThread>

#include <numeric>

// What the job that opens a journal hands to the GUI thread: the locked journal, the recorder
// that numbers on from it, and the summaries the store shows.
struct SessionEngine::Opened {
    std::shared_ptr<Journal> journal;
    std::shared_ptr<CaptureRecorder> recorder;
    CaptureIndex shown;
    QSet<QString> ngrokIds; // recovered from ngrok into this journal
    qsizetype loadedCount = 0;
    QString path;
    QString error;
};

namespace {

// Opens `journal`. The network thread lets go of a journal only once it writes to the next one:
// opening one that this very process left a moment ago waits for that, up to two seconds.
bool openReleased(Journal &journal, const QString &path, QString *error,
                  const JournalReader::Progress &progress)
{
    for (int tries = 0;; ++tries) {
        if (journal.open(path, error, progress))
            return true;
        // No holder found: it let go between the two looks. Another process: that is final.
        const qint64 holder = JournalLock::holderPid(path);
        if (tries == 40 || (holder != 0 && holder != QCoreApplication::applicationPid()))
            return false;
        QThread::msleep(50);
    }
}

// The store rows of `source` (every one when `all`, else `rows`) that were not deleted, in order;
// none without a store.
QList<qsizetype> rowsOf(const CaptureStore::SearchSource *source, const QList<qsizetype> &rows,
                        bool all)
{
    QList<qsizetype> kept(all && source ? qsizetype(source->spans.size()) : 0);
    std::iota(kept.begin(), kept.end(), qsizetype(0));
    if (!all)
        kept = rows;
    if (source && !source->deleted.isEmpty())
        kept.removeIf([source](qsizetype row) { return source->deleted.contains(qint32(row)); });
    return kept;
}

// `c` with the note and star its row had when `source` was taken.
CapturePtr annotated(const CaptureStore::SearchSource &source, qsizetype row, CapturePtr c)
{
    const QString note = source.notes.value(qint32(row));
    const bool star = source.bookmarked.contains(qint32(row));
    if (!c || (note == c->note && star == c->bookmarked))
        return c;
    auto copy = std::make_shared<Capture>(*c);
    copy->note = note;
    copy->bookmarked = star;
    return copy;
}

// The capture at store row `row` of `source`, from memory or read back from `journal`.
CapturePtr readRow(const CaptureStore::SearchSource &source, QFile &journal, qsizetype row,
                   QString *error)
{
    const auto &span = source.spans.at(size_t(row));
    return annotated(source, row,
                     span.offset < 0
                         ? source.resident.value(qint32(row))
                         : JournalReader::readRecord(journal, span.offset, span.size, error));
}

// A file under the home directory as "~/x.har", the way a user would say it.
QString shortPath(const QString &file)
{
    const QString path = QFileInfo(file).absoluteFilePath();
    const QString home = QDir::homePath();
    if (home.size() > 1 && path.startsWith(home + u'/'))
        return QDir::toNativeSeparators(u'~' + path.mid(home.size()));
    return QDir::toNativeSeparators(path);
}
} // namespace

SessionEngine::SessionEngine(QObject *parent)
    : QObject(parent)
    , m_jobs(std::make_unique<JobRunner>())
{
}

SessionEngine::~SessionEngine()
{
    // Jobs first (they read the journal), then the forwarder (it answers what Hoox still waits
    // for, on its own thread), then the listener (its thread writes the journal), then the
    // journal.
    m_jobs.reset();
    m_ngrok.reset();
    if (m_forwarder) {
        m_forwarder->stop();
        Forwarder *forwarder = m_forwarder.release();
        QMetaObject::invokeMethod(
            forwarder, [forwarder] { delete forwarder; }, Qt::BlockingQueuedConnection);
    }
    m_forwardThread.quit();
    m_forwardThread.wait();
    m_listener.reset();
    m_store.reset();
    m_journal.reset();
}

bool SessionEngine::open(const SessionOptions &options, QString *error)
{
    m_options = options;
    auto journal = std::make_shared<Journal>();
    if (!journal->open(options.journalPath, error))
        return false;
    if (!options.syncJournal)
        journal->setSync({});
    m_warning = journal->warning();
    CaptureIndex loaded = journal->takeLoaded();
    m_loadedCount = loaded.size();
    build(journal, loaded);
    m_ngrok->setRecovered(NgrokRecovery::recoveredIds(loaded));
    m_journal = std::move(journal);
    if (m_store)
        m_store->appendLoaded(retained(std::move(loaded), options.maxCaptures, options.maxAgeDays,
                                       QDateTime::currentMSecsSinceEpoch()));
    return true;
}

bool SessionEngine::begin(const SessionOptions &options, QString *error)
{
    // Another HookScope's journal is refused now, before any window, so that the user can choose
    // another; the job that reads it takes the lock for good.
    if (QFile probe(options.journalPath);
        probe.open(QIODevice::ReadOnly) &&
        !JournalLock::acquire(probe.handle(), options.journalPath, error))
        return false;
    m_options = options;
    m_openingPath = options.journalPath;
    build(nullptr, {});
    m_listener->waitForJournal();
    m_ngrok->waitForRecovered();
    if (m_store)
        m_store->setOpening(true);
    const quint64 job = openJournal(options.journalPath);
    // Cancelled, the first journal leaves the session without one: said like a failure, so
    // that the window offers a new session instead.
    connect(m_jobs.get(), &JobRunner::finished, this, [this, job](quint64 id, bool canceled) {
        if (id == job && canceled && !m_journal)
            failStart(tr("Opening %1 was cancelled.").arg(m_openingPath));
    });
    return true;
}

// The parts around `journal` (null while it is read: see begin()) and the captures it held.
void SessionEngine::build(const std::shared_ptr<Journal> &journal, const CaptureIndex &loaded)
{
    const QString path = journal ? journal->path() : m_options.journalPath;
    m_listener = journal ? std::make_unique<Listener>(journal, loaded, m_options.limits)
                         : std::make_unique<Listener>(static_cast<Journal *>(nullptr), loaded,
                                                      m_options.limits);
    m_listener->setAccessToken(m_options.token);
    connect(m_listener.get(), &Listener::journalFailed, this, &SessionEngine::journalFailed);
    connect(m_listener.get(), &Listener::answeredLate, this, &SessionEngine::answeredLate);
    m_ngrok = std::make_unique<NgrokRecovery>(m_listener.get());
    connect(m_ngrok.get(), &NgrokRecovery::problem, this, &SessionEngine::ngrokProblem);
    // Forwards are sent, held and timed on a thread of their own: Hoox's answer never waits
    // for a busy window.
    m_forwarder = std::make_unique<Forwarder>(m_listener.get());
    m_forwardThread.setObjectName(QStringLiteral("HookScope forwarder"));
    m_forwarder->moveToThread(&m_forwardThread);
    m_forwardThread.start();
    QString logError;
    if (!m_forwarder->openLog(path, &logError))
        m_warning += (m_warning.isEmpty() ? QString() : QStringLiteral("\n")) + logError;
    if (m_options.keepCaptures) {
        m_store = std::make_unique<CaptureStore>();
        m_store->setJournalPath(path);
        connect(m_listener.get(), &Listener::captured, m_store.get(), &CaptureStore::append);
        connect(m_listener.get(), &Listener::annotated, m_store.get(), &CaptureStore::annotate);
        connect(m_listener.get(), &Listener::answeredLate, m_store.get(),
                &CaptureStore::setLateAnswer);
    }
}

bool SessionEngine::startListening(const QHostAddress &address, quint16 port, QString *error)
{
    return m_listener->start(address, port, error);
}

void SessionEngine::watchNgrok(NgrokWatcher *watcher)
{
    m_ngrok->watch(watcher);
}

AnswerPolicy *SessionEngine::policy() const
{
    return m_listener ? m_listener->policy() : nullptr;
}

QString SessionEngine::journalPath() const
{
    return m_journal ? m_journal->path() : m_openingPath;
}

void SessionEngine::failStart(const QString &error)
{
    if (m_store)
        m_store->setOpening(false);
    emit openFailed(m_openingPath, error);
}

void SessionEngine::setRetention(int maxCaptures, int maxAgeDays)
{
    m_options.maxCaptures = maxCaptures;
    m_options.maxAgeDays = maxAgeDays;
}

void SessionEngine::setJournalSync(bool sync)
{
    m_options.syncJournal = sync;
    if (m_listener)
        m_listener->setJournalSync(sync);
}

quint64 SessionEngine::openJournal(const QString &path)
{
    // The open journal is locked by this very process: opening it again would be refused as
    // "in use". It is already what the user asked for.
    if (m_journal &&
        QFileInfo(path).absoluteFilePath() == QFileInfo(m_journal->path()).absoluteFilePath()) {
        QMetaObject::invokeMethod(
            this, [this] { emit opened(m_journal->path(), m_warning); }, Qt::QueuedConnection);
        return 0;
    }
    const int maxCaptures = m_options.maxCaptures;
    const int maxAgeDays = m_options.maxAgeDays;
    const bool keep = bool(m_store);
    const bool sync = m_options.syncJournal;
    return m_jobs->start(
        tr("Opening %1").arg(QFileInfo(path).fileName()), this,
        [path, maxCaptures, maxAgeDays, keep, sync](JobControl &control) {
            Opened o;
            o.path = path;
            o.journal = std::make_shared<Journal>();
            const auto progress = [&control](qint64 done, qint64 total) {
                control.setProgress(done, total);
            };
            if (!openReleased(*o.journal, path, &o.error, progress)) {
                o.journal.reset();
                return o;
            }
            if (!sync)
                o.journal->setSync({});
            CaptureIndex loaded = o.journal->takeLoaded();
            o.loadedCount = loaded.size();
            o.recorder = std::make_shared<CaptureRecorder>(o.journal.get());
            o.recorder->restore(loaded);
            o.ngrokIds = NgrokRecovery::recoveredIds(loaded);
            if (keep)
                o.shown = retained(std::move(loaded), maxCaptures, maxAgeDays,
                                   QDateTime::currentMSecsSinceEpoch());
            return o;
        },
        [this](Opened o) { adopt(std::move(o)); });
}

void SessionEngine::adopt(Opened &&o)
{
    if (!o.journal) {
        if (m_journal)
            emit openFailed(o.path, o.error);
        else
            failStart(o.error);
        return;
    }
    m_warning = o.journal->warning();
    m_loadedCount = o.loadedCount;
    m_listener->setJournal(o.journal, std::move(*o.recorder));
    m_ngrok->setRecovered(o.ngrokIds);
    m_journal = std::move(o.journal);
    QString logError;
    if (!m_forwarder->openLog(m_journal->path(), &logError))
        m_warning += (m_warning.isEmpty() ? QString() : QStringLiteral("\n")) + logError;
    if (m_store) {
        m_store->clear();
        m_store->setJournalPath(m_journal->path());
        m_store->appendLoaded(std::move(o.shown));
        m_store->setOpening(false);
    }
    m_openingPath.clear();
    emit opened(m_journal->path(), m_warning);
}

QString SessionEngine::newSessionPath()
{
    const QString folder = QFileInfo(Journal::defaultPath()).absolutePath();
    const QString name =
        QStringLiteral("session-%1.hkj")
            .arg(QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss-zzz")));
    return QDir(folder).filePath(name);
}

quint64 SessionEngine::startNewSession()
{
    return openJournal(newSessionPath());
}

quint64 SessionEngine::importFile(const QString &file)
{
    struct Read {
        ImportResult result;
        QString error;
    };
    return m_jobs->start(
        tr("Importing %1").arg(QFileInfo(file).fileName()), this,
        [file](JobControl &control) {
            Read r;
            QFile f(file);
            if (!f.open(QIODevice::ReadOnly)) {
                r.error = tr("Cannot read %1: %2").arg(file, f.errorString());
                return r;
            }
            control.setProgress(0, f.size());
            r.result = CaptureImporter::parse(f.readAll(), file);
            control.setProgress(f.size(), f.size());
            return r;
        },
        [this, file](Read r) {
            const QString name = QFileInfo(file).fileName();
            if (!r.error.isEmpty() || !r.result.error.isEmpty()) {
                emit imported(file,
                              r.error.isEmpty()
                                  ? tr("Nothing imported from %1: %2").arg(name, r.result.error)
                                  : r.error,
                              false);
                return;
            }
            // Recorded on the network thread, numbered after the journal's last capture.
            m_listener->importRequests(r.result.requests);
            const qsizetype n = r.result.requests.size();
            QStringList lines{n == 1 ? tr("1 entry imported from %1").arg(name)
                                     : tr("%1 entries imported from %2").arg(n).arg(name)};
            for (const ImportProblem &p : std::as_const(r.result.problems))
                lines << p.message;
            emit imported(file, lines.join(u'\n'), r.result.problems.isEmpty());
        });
}

quint64 SessionEngine::exportCaptures(const QString &file, Interchange::Format format,
                                      const QList<qsizetype> &storeRows, bool all)
{
    struct Written {
        qsizetype count = 0;
        QString error;
    };
    // A snapshot of where each capture is: the job reads them back while rows keep arriving.
    std::shared_ptr<const CaptureStore::SearchSource> source =
        m_store ? m_store->searchSource() : nullptr;
    const QList<qsizetype> rows = rowsOf(source.get(), storeRows, all);
    return m_jobs->start(
        tr("Exporting to %1").arg(QFileInfo(file).fileName()), this,
        [file, format, rows, source](JobControl &control) {
            Written w;
            if (!source) {
                w.error = tr("Nothing to export: this session keeps no captures in view.");
                return w;
            }
            QSaveFile out(file);
            QFile journal(source->journalPath);
            if (!out.open(QIODevice::WriteOnly)) {
                w.error = tr("Cannot write %1: %2").arg(file, out.errorString());
                return w;
            }
            if (!source->journalPath.isEmpty() && !journal.open(QIODevice::ReadOnly)) {
                w.error = tr("Cannot read the journal %1: %2")
                              .arg(source->journalPath, journal.errorString());
                return w;
            }
            // One capture at a time: a million are never in memory together.
            CaptureWriter writer(&out, format);
            bool ok = writer.begin();
            for (qsizetype i = 0; ok && i < rows.size(); ++i) {
                if (control.isCanceled()) {
                    out.cancelWriting();
                    return w;
                }
                CapturePtr c = readRow(*source, journal, rows.at(i), &w.error);
                if (!c) {
                    out.cancelWriting();
                    return w;
                }
                ok = writer.write(*c);
                if ((i & 255) == 0)
                    control.setProgress(i, rows.size());
            }
            if (!ok || !writer.finish() || !out.commit()) {
                w.error = tr("Cannot write %1: %2").arg(file, out.errorString());
                return w;
            }
            w.count = rows.size();
            return w;
        },
        [this, file](Written w) {
            if (!w.error.isEmpty()) {
                emit exported(file, w.error, false);
                return;
            }
            const QString where = shortPath(file);
            emit exported(file,
                          w.count == 1 ? tr("Exported 1 capture to %1").arg(where)
                                       : tr("Exported %1 captures to %2")
                                             .arg(QLocale().toString(qlonglong(w.count)), where),
                          true);
        });
}

quint64 SessionEngine::readCaptures(const QList<qsizetype> &storeRows, bool all,
                                    std::function<bool(const Capture &)> keep,
                                    std::function<void(QList<CapturePtr>, QString)> done)
{
    struct Read {
        QList<CapturePtr> captures;
        QString error;
    };
    std::shared_ptr<const CaptureStore::SearchSource> source =
        m_store ? m_store->searchSource() : nullptr;
    const QList<qsizetype> rows = rowsOf(source.get(), storeRows, all);
    return m_jobs->start(
        tr("Reading %n capture(s)", nullptr, int(rows.size())), this,
        [rows, source, keep = std::move(keep)](JobControl &control) {
            Read r;
            if (!source)
                return r;
            QFile journal(source->journalPath);
            if (!source->journalPath.isEmpty() && !journal.open(QIODevice::ReadOnly)) {
                r.error = tr("Cannot read the journal %1: %2")
                              .arg(source->journalPath, journal.errorString());
                return r;
            }
            for (qsizetype i = 0; i < rows.size() && !control.isCanceled(); ++i) {
                CapturePtr c = readRow(*source, journal, rows.at(i), &r.error);
                if (!c)
                    return r;
                if (!keep || keep(*c))
                    r.captures.append(std::move(c));
                if ((i & 255) == 0)
                    control.setProgress(i, rows.size());
            }
            return r;
        },
        [done = std::move(done)](Read r) { done(std::move(r.captures), r.error); });
}

void SessionEngine::annotate(const Annotations &annotations)
{
    if (m_listener && !annotations.isEmpty())
        m_listener->annotate(annotations);
}

CaptureIndex SessionEngine::retained(CaptureIndex &&loaded, int maxCaptures, int maxAgeDays,
                                     qint64 nowMs)
{
    qsizetype first = 0;
    if (maxCaptures > 0 && loaded.size() > maxCaptures)
        first = loaded.size() - maxCaptures;
    if (maxAgeDays > 0) {
        const qint64 oldest = nowMs - qint64(maxAgeDays) * 86'400'000;
        while (first < loaded.size() && loaded.row(first).receivedAtMs < oldest)
            ++first;
    }
    return first == 0 ? std::move(loaded) : loaded.tail(first);
}
