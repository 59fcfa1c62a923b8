#pragma once

// What the floor's security tests share: every log message captured (with its category) while they run,
// and a NATS credentials file with a random user seed, whose secrets must never reach the log.
#include "NatsKeyText.h"

#include <QtCore/qfile.h>
#include <QtCore/qloggingcategory.h>
#include <QtCore/qmutex.h>
#include <QtCore/qrandom.h>
#include <QtCore/qstringlist.h>

namespace FloorTest {
// Captures every message (every hookline category on) from construction to destruction; the previous
// handler still gets them.
class LogCapture
{
public:
    LogCapture()
    {
        QMutexLocker lock(&mutex());
        lines().clear();
        previous() = qInstallMessageHandler(&LogCapture::handle);
        QLoggingCategory::setFilterRules(QStringLiteral("hookline.*=true"));
    }
    ~LogCapture()
    {
        qInstallMessageHandler(previous());
        QLoggingCategory::setFilterRules(QString());
    }
    LogCapture(const LogCapture &) = delete;
    LogCapture &operator=(const LogCapture &) = delete;

    // "<category>: <message>", one a line.
    QString text() const
    {
        QMutexLocker lock(&mutex());
        return lines().join(u'\n');
    }
    QStringList messages() const
    {
        QMutexLocker lock(&mutex());
        return lines();
    }

private:
    static QMutex &mutex()
    {
        static QMutex m;
        return m;
    }
    static QStringList &lines()
    {
        static QStringList l;
        return l;
    }
    static QtMessageHandler &previous()
    {
        static QtMessageHandler h = nullptr;
        return h;
    }
    static void handle(QtMsgType type, const QMessageLogContext &context, const QString &message)
    {
        {
            QMutexLocker lock(&mutex());
            lines() << QStringLiteral("%1: %2").arg(QString::fromLatin1(context.category), message);
        }
        if (previous())
            previous()(type, context, message);
    }
};

// A random NATS user seed as nkeys writes it ("SU…").
inline QByteArray userSeed()
{
    QByteArray key;
    for (int i = 0; i < 32; ++i)
        key.append(char(QRandomGenerator::global()->bounded(256)));
    return NatsKeyText::seed(NatsKeyText::UserPrefix, key);
}

// A JWT of no issuer (its header, `marker` and a random number as the claims, a dummy signature): what a
// .creds file holds, for a server that knows no such user.
inline QByteArray fakeJwt(const QByteArray &marker)
{
    return "eyJ0eXAiOiJKV1QiLCJhbGciOiJlZDI1NTE5LW5rZXkifQ." + marker
        + QByteArray::number(QRandomGenerator::global()->generate()) + ".c2lnbmF0dXJl";
}

// A .creds file (a user JWT and seed; no server of the tests knows the user); false when not written.
inline bool writeCreds(const QString &path, const QByteArray &jwt, const QByteArray &seed)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    file.write("-----BEGIN NATS USER JWT-----\n" + jwt
               + "\n------END NATS USER JWT------\n\n"
                 "-----BEGIN USER NKEY SEED-----\n"
               + seed + "\n------END USER NKEY SEED------\n");
    return true;
}
} // namespace FloorTest
