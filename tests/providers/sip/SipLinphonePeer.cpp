#include "SipLinphonePeer.h"

#include "SipLoopbackPeers.h"
#include "SipWavFile.h"
#include "ToneAnalysis.h"

#include <QtCore/qdeadlinetimer.h>
#include <QtCore/qdir.h>
#include <QtCore/qfile.h>
#include <QtCore/qtextstream.h>

namespace {
constexpr int ToneRate = 8000;
constexpr double ToneSeconds = 60; // longer than any call of the tests: the player starts it at each call
} // namespace

SipLinphonePeer::SipLinphonePeer() = default;

SipLinphonePeer::~SipLinphonePeer()
{
    stop();
}

bool SipLinphonePeer::start(quint16 sipPort, const QString &user, double toneHz, QString *error)
{
    if (!m_dir.isValid()) {
        *error = QStringLiteral("no temporary directory");
        return false;
    }
    QFile tone(m_dir.filePath(QStringLiteral("tone.wav")));
    if (!tone.open(QIODevice::WriteOnly)
        || tone.write(SipWavFile::mono(ToneAnalysis::sine(toneHz, -12.0, ToneRate, ToneSeconds), ToneRate))
            < 0) {
        *error = QStringLiteral("cannot write ") + tone.fileName();
        return false;
    }
    tone.close();
    // RTP: an even port nobody holds now, and the one above it for RTCP.
    const quint16 rtp = SipLoopbackPeers::freeRtpPortPair();
    // liblinphone keeps its call history here; without the folder it logs an error at start.
    QDir(m_dir.path()).mkpath(QStringLiteral(".local/share/linphone"));
    QFile config(m_dir.filePath(QStringLiteral("linphonerc")));
    if (!rtp || !config.open(QIODevice::WriteOnly)) {
        *error = QStringLiteral("cannot write the linphonec configuration");
        return false;
    }
    // UDP on 127.0.0.1 only (no TCP, TLS or IPv6); the network taken as up from the start (its monitor
    // would wait for a default route); no video.
    QTextStream(&config)
        << "[sip]\nsip_port=" << sipPort << "\nsip_tcp_port=0\nsip_tls_port=0\n"
        << "bind_address=127.0.0.1\nuse_ipv6=0\nauto_net_state_mon=0\n"
        << "guess_hostname=0\ncontact=sip:" << user << "@127.0.0.1\n"
        << "register_only_when_network_is_up=0\ninc_timeout=60\n"
        << (m_proxy.isEmpty() ? "" : "default_proxy=0\n") << "[rtp]\naudio_rtp_port=" << rtp
        << "\nnortp_timeout=60\n"
        << "[video]\nautomatically_initiate=0\nautomatically_accept=0\ncapture=0\ndisplay=0\n";
    if (!m_proxy.isEmpty()) {
        // The outbound proxy (reg_route), without registering.
        QTextStream(&config) << "[proxy_0]\nreg_proxy=<sip:" << m_proxy
                             << ";transport=udp>\nreg_route=<sip:" << m_proxy << ";transport=udp;lr>\n"
                             << "reg_identity=sip:" << user << "@127.0.0.1\nreg_sendregister=0\npublish=0\n";
    }
    config.close();
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("HOME"), m_dir.path());
    // No sound server: its player and recorder are files.
    environment.insert(QStringLiteral("PULSE_SERVER"), m_dir.filePath(QStringLiteral("no-sound-server")));
    m_process->setProcessEnvironment(environment);
    m_process->start(QStringLiteral("linphonec"),
                     {QStringLiteral("-c"), config.fileName(), QStringLiteral("-d"), QStringLiteral("0")});
    if (!m_process->waitForStarted(5000)) {
        *error = QStringLiteral("linphonec did not start (scripts/install-deps.sh installs linphone-cli): ")
            + m_process->errorString();
        m_process.reset();
        return false;
    }
    return command("soundcard use files") && command("play " + tone.fileName().toLocal8Bit())
        && command("record " + m_dir.filePath(QStringLiteral("heard.wav")).toLocal8Bit())
        && command("autoanswer enable");
}

bool SipLinphonePeer::waitReady()
{
    return waitForOutput("Auto answer enabled.", 10000);
}

bool SipLinphonePeer::command(const QByteArray &line)
{
    return m_process && m_process->state() == QProcess::Running
        && m_process->write(line + '\n') == line.size() + 1 && m_process->waitForBytesWritten(2000);
}

bool SipLinphonePeer::waitForOutput(const QByteArray &text, int ms, qsizetype from)
{
    QDeadlineTimer deadline(ms);
    while (m_process) {
        m_output += m_process->readAll();
        if (m_output.indexOf(text, from) >= 0)
            return true;
        if (m_process->state() == QProcess::NotRunning || deadline.hasExpired())
            return false;
        m_process->waitForReadyRead(50);
    }
    return m_output.indexOf(text, from) >= 0;
}

QByteArray SipLinphonePeer::output()
{
    if (m_process)
        m_output += m_process->readAll();
    return m_output;
}

void SipLinphonePeer::stop()
{
    if (!m_process || m_process->state() == QProcess::NotRunning)
        return;
    command("quit"); // ends its calls and closes the record file
    if (!m_process->waitForFinished(5000)) {
        m_process->terminate(); // SIGTERM to its PID
        if (!m_process->waitForFinished(3000)) {
            m_process->kill();
            m_process->waitForFinished(2000);
        }
    }
    m_output += m_process->readAll();
}

QByteArray SipLinphonePeer::recording(int *sampleRate) const
{
    return SipWavFile::channelOfFile(m_dir.filePath(QStringLiteral("heard.wav")), 0, sampleRate);
}
