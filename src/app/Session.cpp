// SPDX-License-Identifier: MIT
#include "Session.h"

#include "AppSettings.h"
#include "capture/CaptureStore.h"
#include "capture/Journal.h"
#include "http/Listener.h"
#include "interchange/CaptureImporter.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSettings>

namespace {
const auto kRecentKey = QStringLiteral("session/recent");
constexpr int kRecentCount = 8;
} // namespace

Session::Session(Journal *initial, CaptureStore *store, Listener *listener, QObject *parent)
    : QObject(parent)
    , m_current(initial)
    , m_store(store)
    , m_listener(listener)
{
    remember(initial->path());
}

Session::~Session() = default;

QString Session::path() const
{
    return m_current->path();
}

QStringList Session::recent() const
{
    return QSettings().value(kRecentKey).toStringList();
}

void Session::remember(const QString &path)
{
    QStringList list = recent();
    const QString absolute = QFileInfo(path).absoluteFilePath();
    list.removeAll(absolute);
    list.prepend(absolute);
    QSettings().setValue(kRecentKey, list.mid(0, kRecentCount));
}

bool Session::open(const QString &path, QString *error)
{
    auto journal = std::make_unique<Journal>();
    if (!journal->open(path, error))
        return false;
    CaptureIndex loaded = journal->takeLoaded();
    // The listener lets go of the old journal before it is closed.
    m_listener->setJournal(journal.get(), loaded);
    m_current = journal.get();
    m_owned = std::move(journal);
    const AppSettings settings = AppSettings::load();
    m_store->clear();
    m_store->setJournalPath(m_current->path());
    m_store->appendLoaded(retained(std::move(loaded), settings.maxCaptures, settings.maxAgeDays,
                                   QDateTime::currentMSecsSinceEpoch()));
    remember(path);
    emit opened(path, m_current->warning());
    return true;
}

bool Session::startNew(QString *error)
{
    const QString folder = QFileInfo(Journal::defaultPath()).absolutePath();
    const QString name =
        QStringLiteral("session-%1.hkj")
            .arg(QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss-zzz")));
    return open(QDir(folder).filePath(name), error);
}

bool Session::importFile(const QString &file, QString *report)
{
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly)) {
        *report = tr("Cannot read %1: %2").arg(file, f.errorString());
        return false;
    }
    const ImportResult result = CaptureImporter::parse(f.readAll(), file);
    if (!result.error.isEmpty()) {
        *report = tr("Nothing imported from %1: %2").arg(QFileInfo(file).fileName(), result.error);
        return false;
    }
    m_listener->importRequests(result.requests);
    const QString name = QFileInfo(file).fileName();
    QStringList lines{
        result.requests.size() == 1
            ? tr("1 entry imported from %1").arg(name)
            : tr("%1 entries imported from %2").arg(result.requests.size()).arg(name)};
    for (const ImportProblem &p : result.problems)
        lines << p.message;
    *report = lines.join(u'\n');
    return result.problems.isEmpty();
}

CaptureIndex Session::retained(CaptureIndex &&loaded, int maxCaptures, int maxAgeDays, qint64 nowMs)
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
