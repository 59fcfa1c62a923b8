#pragma once

#include <QtCore/qobject.h>
#include <QtCore/qpointer.h>
#include <QtGui/qwindow.h>

class AgentState;
class CallSession;
class QDBusPendingCallWatcher;

// Draws the agent's attention to a call that alerts while the console's window is not focused: the
// window asks for attention (QWindow::alert: the X11 urgency hint) and a desktop notification shows, through
// the freedesktop notification service on the session D-Bus (org.freedesktop.Notifications). Qt 6.4
// has no QML notification API; this keeps QtWidgets (QSystemTrayIcon) out of the console. Without a
// session bus or a notification server it does nothing and says so once in the log.
// Every D-Bus call is asynchronous: a notification server that hangs never stalls the GUI thread (the offer
// reaches the window at once); a reply that comes after the call stopped alerting closes what it showed.
class IncomingCallNotifier : public QObject
{
    Q_OBJECT

public:
    IncomingCallNotifier(AgentState *agent, QObject *parent = nullptr);
    void setWindow(QWindow *window) { m_window = window; }
    // How long a D-Bus call may take before it counts as failed (D-Bus's default is 25 s).
    static constexpr int CallTimeoutMs = 5000;

Q_SIGNALS:
    // For tests: a Notify call left (nothing waited for it).
    void notifySent();

private:
    void alertingChanged();
    void show(CallSession *session);
    void sendNotify(CallSession *session);
    void notifyFinished(QDBusPendingCallWatcher *watcher);
    void closeShown();
    void close(uint id);
    void unavailable(const QString &why);

    AgentState *m_agent;
    QPointer<QWindow> m_window;
    QPointer<CallSession> m_waitingForCaps; // asked the server's capabilities for this call's notification
    uint m_shownId = 0;
    // The Notify call whose notification is still wanted; others are closed as soon as they show.
    QDBusPendingCallWatcher *m_wanted = nullptr;
    int m_markup = -1; // unknown until the server answers GetCapabilities
    bool m_warned = false;
};
