// SPDX-License-Identifier: MIT
#include "Templates.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QRandomGenerator>

using namespace Qt::StringLiterals;

namespace {

const QString kDir = u":/templates"_s;
const QString kSuffix = u".json"_s;

QByteArray randomHex(int digits)
{
    QByteArray hex;
    while (hex.size() < digits)
        hex +=
            QByteArray::number(QRandomGenerator::global()->generate(), 16).rightJustified(8, '0');
    return hex.left(digits);
}

} // namespace

QStringList Templates::names()
{
    QStringList out;
    const QStringList files = QDir(kDir).entryList({u"*"_s + kSuffix}, QDir::Files, QDir::Name);
    for (const QString &file : files)
        out.append(file.chopped(kSuffix.size()));
    return out;
}

bool Templates::contains(const QString &name)
{
    return !name.contains(u'/') && QFile::exists(kDir + u'/' + name + kSuffix);
}

QByteArray Templates::source(const QString &name)
{
    if (!contains(name))
        return {};
    QFile file(kDir + u'/' + name + kSuffix);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

QString Templates::freshJobId()
{
    return u"run_"_s + QString::fromLatin1(randomHex(20));
}

QByteArray Templates::render(const QString &name)
{
    QByteArray text = source(name);
    const QByteArray now =
        QDateTime::currentDateTimeUtc().toString(Qt::ISODate).toLatin1(); // 2024-01-15T10:30:00Z
    text.replace("{{job_id}}", freshJobId().toLatin1());
    text.replace("{{video_id}}", QByteArray("video_" + randomHex(16)));
    text.replace("{{avatar_id}}", QByteArray("avatar_" + randomHex(16)));
    text.replace("{{look_id}}", QByteArray("look_" + randomHex(16)));
    text.replace("{{now}}", now);
    return text;
}
