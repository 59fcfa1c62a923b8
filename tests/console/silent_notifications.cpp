// A desktop notification server that takes every request and never answers one: the hung notification
// daemon the console must not wait for. Owns org.freedesktop.Notifications on the session bus, prints
// "ready" once it does and one line per request ("Notify", "GetCapabilities", ...), flushed, so the test
// knows the console really asked.
#include <QtCore/qcoreapplication.h>
#include <QtDBus/qdbusconnection.h>
#include <QtDBus/qdbuserror.h>
#include <QtDBus/qdbusmessage.h>

#include <cstdio>

class SilentNotifications : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.Notifications")

public Q_SLOTS:
    QStringList GetCapabilities(const QDBusMessage &message)
    {
        held(message);
        return {};
    }
    QStringList GetServerInformation(const QDBusMessage &message)
    {
        held(message);
        return {};
    }
    uint Notify(const QString &, uint, const QString &, const QString &, const QString &, const QStringList &,
                const QVariantMap &, int, const QDBusMessage &message)
    {
        held(message);
        return 0;
    }
    void CloseNotification(uint, const QDBusMessage &message) { held(message); }

private:
    static void held(const QDBusMessage &message)
    {
        message.setDelayedReply(true); // and no reply ever follows
        std::printf("%s\n", qPrintable(message.member()));
        std::fflush(stdout);
    }
};

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    SilentNotifications server;
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.registerObject(QStringLiteral("/org/freedesktop/Notifications"), &server,
                            QDBusConnection::ExportAllSlots)
        || !bus.registerService(QStringLiteral("org.freedesktop.Notifications"))) {
        std::fprintf(stderr, "silent_notifications: cannot own org.freedesktop.Notifications: %s\n",
                     qPrintable(bus.lastError().message()));
        return 1;
    }
    std::printf("ready\n");
    std::fflush(stdout);
    return app.exec();
}

#include "silent_notifications.moc"
