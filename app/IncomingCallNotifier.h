#pragma once

#include <QtCore/qobject.h>
#include <QtCore/qpointer.h>

class AgentState;
class CallSession;
#include <QtGui/qwindow.h>

// Draws the agent's attention to a call that alerts while the console's window is not focused: the
// window asks for attention (QWindow::alert: the X11 urgency hint) and a desktop notification shows, through
// the freedesktop notification service on the session D-Bus (org.freedesktop.Notifications). Qt 6.4
// has no QML notification API; this keeps QtWidgets (QSystemTrayIcon) out of the console. Without a
// session bus or a notification server it does nothing and says so once in the log.
class IncomingCallNotifier : public QObject
{
    Q_OBJECT

public:
    IncomingCallNotifier(AgentState *agent, QObject *parent = nullptr);
    void setWindow(QWindow *window) { m_window = window; }

private:
    void alertingChanged();
    void show(CallSession *session);
    void closeShown();
    bool serverShowsMarkup();

    AgentState *m_agent;
    QPointer<QWindow> m_window;
    uint m_shownId = 0;
    int m_markup = -1; // unknown until the server is asked
    bool m_warned = false;
};
