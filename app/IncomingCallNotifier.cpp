#include "IncomingCallNotifier.h"

#include "agent/AgentState.h"
#include "lines/Line.h"
#include "session/CallSession.h"

#include <QtCore/qloggingcategory.h>
#include <QtDBus/qdbusconnection.h>
#include <QtDBus/qdbusinterface.h>
#include <QtDBus/qdbusreply.h>
#include <QtGui/qguiapplication.h>
#include <QtGui/qwindow.h>

Q_LOGGING_CATEGORY(lcNotify, "hookline.ui.notify", QtWarningMsg)

namespace {
const QString Service = QStringLiteral("org.freedesktop.Notifications");
const QString Path = QStringLiteral("/org/freedesktop/Notifications");
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

bool IncomingCallNotifier::serverShowsMarkup()
{
    if (m_markup < 0) {
        QDBusInterface server(Service, Path, Service, QDBusConnection::sessionBus());
        const QDBusReply<QStringList> caps = server.call(QStringLiteral("GetCapabilities"));
        m_markup = caps.isValid() && caps.value().contains(QLatin1String("body-markup")) ? 1 : 0;
    }
    return m_markup == 1;
}

void IncomingCallNotifier::show(CallSession *session)
{
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected()) {
        if (!m_warned)
            qCInfo(lcNotify) << "no session D-Bus: incoming calls are shown in the window only";
        m_warned = true;
        return;
    }
    // Caller id is untrusted: servers that render body markup get it escaped, so it shows literally.
    QString caller = session->remoteName().isEmpty()
        ? session->remoteNumber()
        : session->remoteName() + QLatin1String(" (") + session->remoteNumber() + QLatin1Char(')');
    QString line = session->line() ? session->line()->name() : session->lineId();
    if (serverShowsMarkup()) {
        caller = caller.toHtmlEscaped();
        line = line.toHtmlEscaped();
    }
    QDBusInterface server(Service, Path, Service, bus);
    const QVariantMap hints {{QStringLiteral("urgency"), QVariant::fromValue(uchar(2))},
                             {QStringLiteral("category"), QStringLiteral("call.incoming")}};
    const QDBusReply<uint> reply = server.call(
        QStringLiteral("Notify"), QStringLiteral("Hookline"), uint(0), QStringLiteral("call-start"),
        tr("Incoming call"), tr("%1\non %2").arg(caller, line), // one multi-arg: no placeholder injection
        QStringList(), hints, int(-1));
    if (reply.isValid()) {
        m_shownId = reply.value();
    } else if (!m_warned) {
        m_warned = true;
        qCInfo(lcNotify) << "desktop notifications unavailable:" << reply.error().message();
    }
}

void IncomingCallNotifier::closeShown()
{
    if (!m_shownId)
        return;
    QDBusInterface server(Service, Path, Service, QDBusConnection::sessionBus());
    server.asyncCall(QStringLiteral("CloseNotification"), m_shownId);
    m_shownId = 0;
}
