// FloorNatsWorker's words for libnats' errors: the last error of the connection or of the library, and why
// servers refused a connection that never came up.
#include "floor/FloorCredentials.h"
#include "floor/FloorLogging.h"
#include "floor/FloorNatsHandles.h"
#include "floor/FloorNatsWorker.h"

#include <QtCore/qcoreapplication.h>
#include <QtCore/qdatetime.h>
#include <QtCore/qregularexpression.h>

#include <nats/nats.h>

QString FloorNatsWorker::lastError(int status) const
{
    const char *text = nullptr;
    if (m_nats->connection && natsConnection_GetLastError(m_nats->connection, &text) != NATS_OK && text
        && *text)
        return QString::fromUtf8(text);
    const char *global = nats_GetLastError(nullptr);
    if (global && *global)
        return QString::fromUtf8(global);
    return QString::fromUtf8(natsStatus_GetText(natsStatus(status)));
}

QString FloorNatsWorker::refusalReason()
{
    if (!m_nats->options)
        return {};
    // The options go to these direct attempts only: no retries, and no callbacks into this worker.
    natsOptions *opts = m_nats->options;
    natsOptions_SetRetryOnFailedConnect(opts, false, nullptr, nullptr);
    natsOptions_SetAllowReconnect(opts, false);
    natsOptions_SetDisconnectedCB(opts, nullptr, nullptr);
    natsOptions_SetReconnectedCB(opts, nullptr, nullptr);
    natsOptions_SetClosedCB(opts, nullptr, nullptr);
    natsOptions_SetErrorHandler(opts, nullptr, nullptr);
    natsStatus s = NATS_OK;
    QString detail;
    // Over TLS a server that turns the console's certificate away hangs up right after the handshake: the
    // console reads no answer (a protocol error), or its next write fails (an I/O error), by timing. A
    // server that really went away is not reached again (no server available).
    for (int attempt = 0; attempt < 3 && (attempt == 0 || (s == NATS_IO_ERROR && usesTls())); ++attempt) {
        natsConnection *probe = nullptr;
        s = natsConnection_Connect(&probe, opts);
        const char *text = nats_GetLastError(nullptr);
        detail = text && *text ? QString::fromUtf8(text) : QString::fromUtf8(natsStatus_GetText(s));
        detail.remove(QRegularExpression(QStringLiteral("^\\([^)]*\\): "))); // libnats' "(conn.c:1905): "
        natsConnection_Destroy(probe);
        qCDebug(lcFloor) << "floor: a direct attempt to connect:" << natsStatus_GetText(s);
    }
    // A server says why no further than "Authorization Violation"; a credentials file tells more (an expired
    // JWT, a seed of another key), or that it looks good (revoked, or an account the server does not trust).
    if (s == NATS_CONNECTION_AUTH_FAILED && !m_settings.credentialsFile.isEmpty()) {
        const FloorCredentials credentials = FloorCredentials::read(m_settings.credentialsFile);
        const QString problem = credentials.problem(QDateTime::currentSecsSinceEpoch());
        return QCoreApplication::translate("FloorLink",
                                           "The server refused this console's credentials (%1): %2")
            .arg(detail, problem.isEmpty() ? credentials.refusedAsValid() : problem);
    }
    if (s == NATS_CONNECTION_AUTH_FAILED || s == NATS_NOT_PERMITTED)
        return QCoreApplication::translate("FloorLink", "The server refused this console's credentials (%1)")
            .arg(detail);
    if (s == NATS_SECURE_CONNECTION_WANTED)
        return QCoreApplication::translate("FloorLink",
                                           "The server does not offer TLS, which this console asks for (%1)")
            .arg(detail);
    // libnats names a server certificate it does not trust by the reason, its depth, subject and issuer.
    if (s == NATS_SSL_ERROR && detail.contains(QLatin1String("depth=")))
        return QCoreApplication::translate("FloorLink",
                                           "The server's certificate is not trusted (%1): check floor/caFile")
            .arg(detail);
    // Any other failed handshake, or a server that hangs up right after it (TLS 1.3: the server checks the
    // client's certificate after the client's side of the handshake is done), turned this console's
    // certificate away, or wanted one.
    if (usesTls()
        && (s == NATS_SSL_ERROR || s == NATS_IO_ERROR
            || (s == NATS_PROTOCOL_ERROR && detail.contains(QLatin1String("PONG")))))
        return QCoreApplication::translate("FloorLink",
                                           "The server did not accept this console over TLS; it may want a "
                                           "client certificate (%1): check floor/certFile and floor/keyFile")
            .arg(detail);
    return {};
}

QString FloorNatsWorker::closedReason()
{
    if (!m_everConnected)
        return refusalReason();
    if (m_settings.credentialsFile.isEmpty())
        return {};
    // A server closes the connection of a user whose JWT expires ("User Authentication Expired") and refuses
    // the reconnects ("Authorization Violation").
    const QString problem =
        FloorCredentials::read(m_settings.credentialsFile).problem(QDateTime::currentSecsSinceEpoch());
    if (problem.isEmpty())
        return {};
    return QCoreApplication::translate("FloorLink", "The server closed the connection (%1): %2")
        .arg(lastError(NATS_CONNECTION_CLOSED), problem);
}

bool FloorNatsWorker::usesTls() const
{
    return m_settings.tls
        || std::any_of(m_settings.servers.cbegin(), m_settings.servers.cend(),
                       [](const QString &server) { return server.startsWith(u"tls://"); });
}
