#include "IncomingCallNotifier.h"

#include "agent/AgentState.h"
#include "core/UntrustedText.h"
#include "lines/Line.h"
#include "session/CallSession.h"

#include <QtCore/qloggingcategory.h>
#include <QtDBus/qdbusconnection.h>
#include <QtDBus/qdbusmessage.h>
#include <QtDBus/qdbuspendingcall.h>
#include <QtDBus/qdbuspendingreply.h>
#include <QtGui/qguiapplication.h>
#include <QtGui/qwindow.h>

Q_LOGGING_CATEGORY(lcNotify, "hookline.ui.notify", QtWarningMsg)

namespace {
const QString Service = QStringLiteral("org.freedesktop.Notifications");
const QString Path = QStringLiteral("/org/freedesktop/Notifications");

QDBusMessage serverCall(const QString &method)
{
    return QDBusMessage::createMethodCall(Service, Path, Service, method);
}
} // namespace

IncomingCallNotifier::IncomingCallNotifier(AgentState *agent, QObject *parent)
    : QObject(parent)
    , m_agent(agent)
{
    connect(agent, &AgentState::alertingSessionChanged, this, &IncomingCallNotifier::alertingChanged);
}

void IncomingCallNotifier::alertingChanged()
{
    closeShown();
    CallSession *session = m_agent->alertingSession();
    const bool focused =
        m_window ? m_window->isActive() : QGuiApplication::applicationState() == Qt::ApplicationActive;
    if (session && !focused) {
        // The window manager marks the window (urgency hint on X11, a blinking task bar entry) until
        // the agent looks at it; 0 keeps it until the window is activated.
        if (m_window)
            m_window->alert(0);
        show(session);
    }
}

void IncomingCallNotifier::unavailable(const QString &why)
{
    if (!m_warned)
        qCInfo(lcNotify).noquote() << "desktop notifications unavailable:" << why;
    m_warned = true;
}

void IncomingCallNotifier::show(CallSession *session)
{
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected()) {
        unavailable(QStringLiteral("no session D-Bus; incoming calls are shown in the window only"));
        return;
    }
    if (m_markup >= 0) {
        sendNotify(session);
        return;
    }
    // Whether the server renders body markup decides the escaping: asked once, the answer comes later.
    const bool asked = !m_waitingForCaps.isNull();
    m_waitingForCaps = session;
    if (asked)
        return;
    auto *watcher = new QDBusPendingCallWatcher(
        bus.asyncCall(serverCall(QStringLiteral("GetCapabilities")), CallTimeoutMs), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this](QDBusPendingCallWatcher *call) {
        call->deleteLater();
        const QDBusPendingReply<QStringList> caps = *call;
        m_markup = caps.isValid() && caps.value().contains(QLatin1String("body-markup")) ? 1 : 0;
        CallSession *waiting = m_waitingForCaps;
        m_waitingForCaps.clear();
        if (caps.isError()) {
            m_markup = -1; // ask again with the next call
            unavailable(caps.error().message());
            return;
        }
        if (waiting && waiting == m_agent->alertingSession())
            sendNotify(waiting);
    });
}

void IncomingCallNotifier::sendNotify(CallSession *session)
{
    // Caller id is untrusted: direction controls neutralised and isolated (UntrustedText); servers that
    // render body markup get it escaped too, so it shows literally.
    const QString name = UntrustedText::forDisplay(session->remoteName());
    const QString number = UntrustedText::forDisplay(session->remoteNumber());
    QString caller = name.isEmpty() ? number : name + QLatin1String(" (") + number + QLatin1Char(')');
    QString line = UntrustedText::forDisplay(session->line() ? session->line()->name() : session->lineId());
    if (m_markup == 1) {
        caller = caller.toHtmlEscaped();
        line = line.toHtmlEscaped();
    }
    const QVariantMap hints {{QStringLiteral("urgency"), QVariant::fromValue(uchar(2))},
                             {QStringLiteral("category"), QStringLiteral("call.incoming")}};
    QDBusMessage notify = serverCall(QStringLiteral("Notify"));
    notify << QStringLiteral("Hookline") << uint(0) << QStringLiteral("call-start") << tr("Incoming call")
           << tr("%1\non %2").arg(caller, line) // one multi-arg: no placeholder injection
           << QStringList() << hints << int(-1);
    auto *watcher =
        new QDBusPendingCallWatcher(QDBusConnection::sessionBus().asyncCall(notify, CallTimeoutMs), this);
    m_wanted = watcher;
    connect(watcher, &QDBusPendingCallWatcher::finished, this, &IncomingCallNotifier::notifyFinished);
    Q_EMIT notifySent();
}

void IncomingCallNotifier::notifyFinished(QDBusPendingCallWatcher *watcher)
{
    watcher->deleteLater();
    const bool wanted = watcher == m_wanted;
    if (wanted)
        m_wanted = nullptr;
    const QDBusPendingReply<uint> reply = *watcher;
    if (reply.isError()) {
        unavailable(reply.error().message());
        return;
    }
    if (wanted)
        m_shownId = reply.value();
    else
        close(reply.value()); // the call stopped alerting while the server took its time
}

void IncomingCallNotifier::closeShown()
{
    m_waitingForCaps.clear();
    m_wanted = nullptr;
    close(m_shownId);
    m_shownId = 0;
}

void IncomingCallNotifier::close(uint id)
{
    if (!id)
        return;
    QDBusMessage close = serverCall(QStringLiteral("CloseNotification"));
    close << id;
    QDBusConnection::sessionBus().asyncCall(close, CallTimeoutMs);
}
