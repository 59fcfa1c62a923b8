// The QSerialPort binding of the sound-card line against a pseudo-terminal standing in for a USB
// serial adapter: a missing port puts the line out of service with the port named, the line comes
// back when the port appears, goes out of service when it vanishes and recovers on re-plug.
// A Linux pty has no modem-control lines; ring and relay are covered by tst_soundline_line (pin twin)
// and tst_soundline_pulse (QSerialPort on a pty with emulated lines, PtyModemLines).
#include "SoundLineFixture.h"
#include "lines/Line.h"

#include <QtCore/qfile.h>
#include <QtCore/qtemporarydir.h>
#include <QtTest/qtest.h>

#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

namespace {
// A pseudo-terminal whose slave is reachable under a fixed path (a symlink), like /dev/ttyUSB0.
class PlugablePty
{
public:
    explicit PlugablePty(const QString &path)
        : m_path(path)
    { }
    ~PlugablePty() { unplug(); }

    bool plug()
    {
        m_master = posix_openpt(O_RDWR | O_NOCTTY);
        if (m_master < 0 || grantpt(m_master) != 0 || unlockpt(m_master) != 0)
            return false;
        const char *slave = ptsname(m_master);
        return slave && QFile::link(QString::fromLocal8Bit(slave), m_path);
    }
    void unplug()
    {
        QFile::remove(m_path);
        if (m_master >= 0)
            ::close(m_master);
        m_master = -1;
    }

private:
    QString m_path;
    int m_master = -1;
};
} // namespace

class TestSoundLineSerialPty : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void missingThenPluggedThenUnplugged();
};

void TestSoundLineSerialPty::missingThenPluggedThenUnplugged()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString port = dir.filePath(QStringLiteral("ttyLINE0"));
    QVariantMap config {{"id", "pty"},        {"profile", "eu"},       {"serialPort", port},
                        {"replugPollMs", 20}, {"hookRelayPin", "dtr"}, {"ringPin", "ri"}};
    SoundLineFixture f(config, SoundLineFixture::RealSerialPort);
    QTRY_VERIFY(f.line() && f.line()->outOfServiceReason().contains(port));
    QVERIFY(!f.line()->inService());

    PlugablePty pty(port);
    QVERIFY(pty.plug());
    QTRY_VERIFY(f.line()->inService());

    pty.unplug();
    QTRY_VERIFY_WITH_TIMEOUT(!f.line()->inService(), 10000);
    QVERIFY2(f.line()->outOfServiceReason().contains(port), qPrintable(f.line()->outOfServiceReason()));

    QVERIFY(pty.plug());
    QTRY_VERIFY(f.line()->inService());
}

QTEST_GUILESS_MAIN(TestSoundLineSerialPty)
#include "tst_soundline_serial_pty.moc"
