// The incoming-call notification on a private session bus (ctest runs this under dbus-run-session) with a
// fake org.freedesktop.Notifications in its own thread. A server that never answers must not hold the
// offer up (the GUI thread used to wait 25 s in a synchronous call); one that answers gets the caller
// with its direction controls neutralised and isolated, and its notification closed when the call stops
// alerting.

#include "IncomingCallNotifier.h"
#include "SimFixture.h"
#include "agent/AgentState.h"
#include "session/CallSession.h"

#include <QtCore/qelapsedtimer.h>
#include <QtCore/qmutex.h>
#include <QtCore/qthread.h>
#include <QtDBus/qdbusconnection.h>
#include <QtDBus/qdbusconnectioninterface.h>
#include <QtDBus/qdbusmessage.h>
#include <QtGui/qguiapplication.h>
#include <QtTest/qsignalspy.h>
#include <QtTest/qtest.h>

#include <atomic>

class FakeNotifications : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.Notifications")

public:
    explicit FakeNotifications(bool answers)
        : m_answers(answers)
    { }
    std::atomic<int> calls {0};
    QStringList bodies() const
    {
        QMutexLocker lock(&m_mutex);
        return m_bodies;
    }
    QList<uint> closed() const
    {
        QMutexLocker lock(&m_mutex);
        return m_closed;
    }

public Q_SLOTS:
    QStringList GetCapabilities(const QDBusMessage &message)
    {
        ++calls;
        if (!m_answers)
            message.setDelayedReply(true); // and never replies
        return {QStringLiteral("body")};
    }
    uint Notify(const QString &, uint, const QString &, const QString &, const QString &body,
                const QStringList &, const QVariantMap &, int, const QDBusMessage &message)
    {
        ++calls;
        {
            QMutexLocker lock(&m_mutex);
            m_bodies.append(body);
        }
        if (!m_answers)
            message.setDelayedReply(true);
        return 41 + uint(calls);
    }
    void CloseNotification(uint id)
    {
        QMutexLocker lock(&m_mutex);
        m_closed.append(id);
    }

private:
    const bool m_answers;
    mutable QMutex m_mutex;
    QStringList m_bodies;
    QList<uint> m_closed;
};

class TestIncomingNotifier : public QObject
{
    Q_OBJECT

private:
    // Serves the fake on its own connection and thread until the returned guard goes.
    struct Server
    {
        explicit Server(bool answers)
            : fake(answers)
        {
            thread.start();
            fake.moveToThread(&thread);
            // A connection name of its own: the previous test's connection may still be closing.
            static int serial = 0;
            name = QStringLiteral("fake-notifications-%1").arg(++serial);
            bus = QDBusConnection::connectToBus(QDBusConnection::SessionBus, name);
            ok = bus.registerObject(QStringLiteral("/org/freedesktop/Notifications"), &fake,
                                    QDBusConnection::ExportAllSlots)
                && bus.registerService(QStringLiteral("org.freedesktop.Notifications"));
        }
        ~Server()
        {
            bus.unregisterService(QStringLiteral("org.freedesktop.Notifications"));
            bus.unregisterObject(QStringLiteral("/org/freedesktop/Notifications"));
            QDBusConnection::disconnectFromBus(name);
            thread.quit();
            thread.wait();
        }
        FakeNotifications fake;
        QThread thread;
        QString name;
        QDBusConnection bus {QString()};
        bool ok = false;
    };

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(QDBusConnection::sessionBus().isConnected(), "run under dbus-run-session");
    }

    void hungServerDoesNotHoldTheOffer()
    {
        Server server(false);
        QVERIFY(server.ok);
        SimFixture fx;
        AgentState agent(nullptr);
        agent.attach(&fx.engine());
        agent.requestState(AgentState::Ready, QString());
        IncomingCallNotifier notifier(&agent); // no window: the application is not active offscreen
        QSignalSpy alerting(&agent, &AgentState::alertingSessionChanged);
        for (int call = 0; call < 3; ++call) {
            QElapsedTimer timer;
            timer.start();
            CallSession *offered = fx.offer(QStringLiteral("alice"));
            QVERIFY(offered);
            QCOMPARE(agent.alertingSession(), offered);
            // Offer, alert and notification in far less than a frame's worth of a hung server's 25 s.
            QVERIFY2(timer.elapsed() < 1000, qPrintable(QString::number(timer.elapsed())));
            QTRY_VERIFY(server.fake.calls > 0); // the server was asked (and keeps quiet)
            QCOMPARE(fx.completionOf(offered->reject()), int(Tapi::Success));
        }
        QCOMPARE(alerting.size(), 6);
    }

    void callerIsNeutralisedAndClosedAfterwards()
    {
        Server server(true);
        QVERIFY(server.ok);
        SimFixture fx;
        fx.peer(QStringLiteral("alice"))->name = QStringLiteral("\u202Eevil.exe\u202C");
        AgentState agent(nullptr);
        agent.attach(&fx.engine());
        agent.requestState(AgentState::Ready, QString());
        IncomingCallNotifier notifier(&agent);
        QSignalSpy sent(&notifier, &IncomingCallNotifier::notifySent);
        CallSession *offered = fx.offer(QStringLiteral("alice"));
        QVERIFY(offered);
        QVERIFY(sent.wait(5000));
        QTRY_COMPARE(server.fake.bodies().size(), 1);
        const QString body = server.fake.bodies().constFirst();
        const QString mark(QChar(0xFFFD));
        QVERIFY2(body.startsWith(QChar(0x2068) + mark + QStringLiteral("evil.exe") + mark + QChar(0x2069)),
                 qPrintable(body));
        QVERIFY(!body.contains(QChar(0x202E)));
        QCOMPARE(fx.completionOf(offered->reject()), int(Tapi::Success));
        QTRY_COMPARE(server.fake.closed().size(), 1);
    }
};

int main(int argc, char *argv[])
{
    QGuiApplication app(argc, argv);
    TestIncomingNotifier test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_incoming_notifier.moc"
