#include "SipBaresipPeer.h"

#include "SipLoopbackPeers.h"
#include "SipWavFile.h"
#include "ToneAnalysis.h"

#include <QtCore/qdeadlinetimer.h>
#include <QtCore/qdir.h>
#include <QtCore/qfile.h>
#include <QtCore/qjsondocument.h>
#include <QtCore/qjsonobject.h>
#include <QtCore/qtextstream.h>
#include <QtCore/qthread.h>

#include <cerrno>
#include <cstring>
#include <utility>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace {

constexpr int ToneRate = 48000; // the source's rate; baresip resamples to the codec's
constexpr double ToneSeconds = 20;

} // namespace

SipBaresipPeer::SipBaresipPeer() = default;

SipBaresipPeer::~SipBaresipPeer()
{
    stop();
}

bool SipBaresipPeer::start(const QString &codec, quint16 sipPort, const QString &user, double toneHz,
                           const QString &dial, QString *error)
{
    if (!m_dir.isValid()) {
        *error = QStringLiteral("no temporary directory");
        return false;
    }
    const QString tone = m_dir.filePath(QStringLiteral("tone.wav"));
    QFile toneFile(tone);
    if (!toneFile.open(QIODevice::WriteOnly)
        || toneFile.write(
               SipWavFile::mono(ToneAnalysis::sine(toneHz, -12.0, ToneRate, ToneSeconds), ToneRate))
            < 0) {
        *error = QStringLiteral("cannot write ") + tone;
        return false;
    }
    toneFile.close();
    // RTP ports: an even range nobody holds now (baresip takes one pair of it).
    const quint16 rtp = SipLoopbackPeers::freeRtpPortPair();
    QFile config(m_dir.filePath(QStringLiteral("config")));
    QFile accounts(m_dir.filePath(QStringLiteral("accounts")));
    if (!rtp || !config.open(QIODevice::WriteOnly) || !accounts.open(QIODevice::WriteOnly)) {
        *error = QStringLiteral("cannot write the baresip configuration");
        return false;
    }
    // net_interface: its SDP and RTP stay on 127.0.0.1 too (else it takes the first interface's address).
    QTextStream(&config) << "poll_method epoll\nnet_interface 127.0.0.1\n"
                         << "sip_listen 127.0.0.1:" << sipPort << "\n"
                         << (m_playAndCapture ? QStringLiteral("audio_source aubridge,hookline\n"
                                                               "audio_player aubridge,hookline\n")
                                              : QStringLiteral("audio_source aufile,") + tone + u'\n')
                         << "audio_alert aufile," << tone
                         << "\n"
                         // The source's and player's side at one fixed rate, mono: baresip resamples.
                         << "ausrc_srate " << ToneRate << "\nausrc_channels 1\n"
                         << "auplay_srate " << ToneRate << "\nauplay_channels 1\n"
                         << "rtp_ports " << rtp << '-' << rtp + 1 << "\n"
                         << "module_path /usr/lib/baresip/modules\n"
                         << "module aufile.so\n"
                         << (m_playAndCapture ? "module aubridge.so\n" : "")
                         << "module g711.so\nmodule g722.so\nmodule opus.so\n"
                         << (m_recording ? "module sndfile.so\n" : "") << "module menu.so\n"
                         << "snd_path " << m_dir.path() << "\n"
                         << "module_app account.so\n";
    if (m_control) {
        m_controlPort = SipLoopbackPeers::freePort();
        QTextStream(&config) << "module_app ctrl_tcp.so\nctrl_tcp_listen 127.0.0.1:" << m_controlPort << "\n";
    }
    const QString ptime = m_packetMs > 0 ? QStringLiteral(";ptime=%1").arg(m_packetMs) : QString();
    if (m_registrar.isEmpty()) {
        // No registration: Kamailio sends numbers starting with 9 to this port (kamailio.cfg.in).
        QTextStream(&accounts) << "<sip:" << user
                               << "@127.0.0.1>;regint=0;answermode=auto;audio_codecs=" << codec << ptime
                               << "\n";
    } else {
        QTextStream(&accounts) << "<sip:" << user << '@' << m_registrar << ">;auth_pass=" << m_password
                               << ";regint=60;answermode=auto;audio_codecs=" << codec << ptime << "\n";
    }
    config.close();
    accounts.close();
    QStringList args {QStringLiteral("-f"), m_dir.path()};
    if (!dial.isEmpty())
        args << QStringLiteral("-e") << QStringLiteral("/dial ") + dial;
    m_process = std::make_unique<QProcess>();
    // Its output (the status line it rewrites many times a second) goes to a file, not through a pipe
    // to this process: a pipe would wake this process's event loop at each line, and bench_sip would count
    // that as the console's CPU.
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    m_process->setStandardOutputFile(m_dir.filePath(QStringLiteral("baresip.log")));
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("HOME"), m_dir.path());
    m_process->setProcessEnvironment(environment);
    m_process->setStandardInputFile(QProcess::nullDevice());
    m_process->start(QStringLiteral("baresip"), args);
    if (!m_process->waitForStarted(5000)) {
        *error = QStringLiteral("baresip did not start (scripts/install-deps.sh installs baresip-core): ")
            + m_process->errorString();
        m_process.reset();
        return false;
    }
    return true;
}

bool SipBaresipPeer::waitReady()
{
    if (!waitForOutput("baresip is ready", 5000))
        return false;
    if (!m_control)
        return true;
    // A plain socket, as SipLoopbackPeers uses: QtNetwork is not needed for a loopback connection.
    m_controlFd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
    sockaddr_in address {};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = htons(m_controlPort);
    if (m_controlFd < 0)
        return false;
    if (::connect(m_controlFd, reinterpret_cast<sockaddr *>(&address), sizeof address) == 0)
        return true;
    if (errno != EINPROGRESS)
        return false;
    pollfd wait {m_controlFd, POLLOUT, 0};
    int error = 0;
    socklen_t length = sizeof error;
    return ::poll(&wait, 1, 2000) == 1
        && ::getsockopt(m_controlFd, SOL_SOCKET, SO_ERROR, &error, &length) == 0 && error == 0;
}

bool SipBaresipPeer::waitForOutput(const QByteArray &text, int ms)
{
    QDeadlineTimer deadline(ms);
    while (m_process) {
        readOutput();
        if (m_output.contains(text))
            return true;
        if (m_process->state() == QProcess::NotRunning || deadline.hasExpired())
            return false;
        // The output is a file (no pipe to wait on): looked at again shortly, or when baresip ends.
        m_process->waitForFinished(20);
    }
    return m_output.contains(text);
}

bool SipBaresipPeer::command(const QByteArray &command, const QByteArray &params)
{
    if (m_controlFd < 0)
        return false;
    const QByteArray json = R"({"command":")" + command + R"(","params":")" + params + R"(","token":"t"})";
    const QByteArray netstring = QByteArray::number(json.size()) + ':' + json + ',';
    return ::send(m_controlFd, netstring.constData(), size_t(netstring.size()), MSG_NOSIGNAL)
        == netstring.size();
}

QString SipBaresipPeer::digitsReceived()
{
    char buffer[4096];
    for (ssize_t n; m_controlFd >= 0 && (n = ::recv(m_controlFd, buffer, sizeof buffer, 0)) > 0;)
        m_controlInput.append(buffer, qsizetype(n));
    // Netstrings: <length>:<json>,
    for (;;) {
        const qsizetype colon = m_controlInput.indexOf(':');
        bool ok = false;
        const qsizetype length = colon > 0 ? m_controlInput.left(colon).toLongLong(&ok) : 0;
        if (!ok || m_controlInput.size() < colon + 1 + length + 1)
            break;
        const QJsonObject message = QJsonDocument::fromJson(m_controlInput.mid(colon + 1, length)).object();
        m_controlInput.remove(0, colon + 1 + length + 1);
        if (message.value(QLatin1String("type")) == QLatin1String("CALL_DTMF_START"))
            m_digits += message.value(QLatin1String("param")).toString();
    }
    return m_digits;
}

void SipBaresipPeer::stop()
{
    if (m_controlFd >= 0)
        ::close(std::exchange(m_controlFd, -1));
    if (!m_process || m_process->state() == QProcess::NotRunning)
        return;
    m_process->terminate(); // SIGTERM to its PID: baresip closes its calls and recordings
    if (!m_process->waitForFinished(5000)) {
        m_process->kill();
        m_process->waitForFinished(2000);
    }
}

void SipBaresipPeer::readOutput()
{
    QFile file(m_dir.filePath(QStringLiteral("baresip.log")));
    if (!file.open(QIODevice::ReadOnly) || file.size() <= m_output.size())
        return;
    file.seek(m_output.size());
    m_output += file.readAll();
}

QString SipBaresipPeer::log()
{
    readOutput();
    return QString::fromLocal8Bit(m_output.right(3000));
}

double SipBaresipPeer::cpuSeconds() const
{
    if (!m_process || m_process->state() != QProcess::Running)
        return -1;
    QFile stat(QStringLiteral("/proc/%1/stat").arg(m_process->processId()));
    if (!stat.open(QIODevice::ReadOnly))
        return -1;
    // Fields 14 and 15 (utime, stime, clock ticks) follow the command name in parentheses.
    const QByteArray text = stat.readAll();
    const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 13)
        return -1;
    return double(fields.at(11).toLongLong() + fields.at(12).toLongLong()) / double(sysconf(_SC_CLK_TCK));
}

QByteArray SipBaresipPeer::recording(int *sampleRate, bool sent) const
{
    // sndfile names its dumps dump-<time>-dec.wav (what it heard) and -enc.wav (what it sent).
    const QStringList dumps =
        QDir(m_dir.path())
            .entryList({sent ? QStringLiteral("dump-*-enc.wav") : QStringLiteral("dump-*-dec.wav")},
                       QDir::Files);
    if (dumps.isEmpty())
        return {};
    // Its first channel (a dump has one per channel of the call's audio).
    return SipWavFile::channelOfFile(m_dir.filePath(dumps.front()), 0, sampleRate);
}
