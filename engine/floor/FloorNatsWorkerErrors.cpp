// FloorNatsWorker's words for libnats' errors: the last error of the connection or of the library, and why
// servers refused a connection that never came up.
#include "floor/FloorNatsHandles.h"
#include "floor/FloorNatsWorker.h"

#include <QtCore/qcoreapplication.h>
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
    // The options go to this one attempt only: no retries, and no callbacks into this worker.
    natsOptions *opts = m_nats->options;
    natsOptions_SetRetryOnFailedConnect(opts, false, nullptr, nullptr);
    natsOptions_SetAllowReconnect(opts, false);
    natsOptions_SetDisconnectedCB(opts, nullptr, nullptr);
    natsOptions_SetReconnectedCB(opts, nullptr, nullptr);
    natsOptions_SetClosedCB(opts, nullptr, nullptr);
    natsOptions_SetErrorHandler(opts, nullptr, nullptr);
    natsConnection *probe = nullptr;
    const natsStatus s = natsConnection_Connect(&probe, opts);
    const char *text = nats_GetLastError(nullptr);
    QString detail = text && *text ? QString::fromUtf8(text) : QString::fromUtf8(natsStatus_GetText(s));
    detail.remove(QRegularExpression(QStringLiteral("^\\([^)]*\\): "))); // libnats' "(conn.c:1905): "
    natsConnection_Destroy(probe);
    if (s == NATS_CONNECTION_AUTH_FAILED || s == NATS_NOT_PERMITTED)
        return QCoreApplication::translate("FloorLink", "The server refused this console's credentials (%1)")
            .arg(detail);
    return {};
}
