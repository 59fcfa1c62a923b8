#include "SippEchoCaller.h"

#include "SipLoopbackPeers.h"

#include <QtCore/qdir.h>
#include <QtCore/qfile.h>
#include <QtCore/qhash.h>

SippEchoCaller::SippEchoCaller() = default;

SippEchoCaller::~SippEchoCaller()
{
    if (m_process && m_process->state() != QProcess::NotRunning) {
        m_process->terminate(); // SIGTERM to its PID
        if (!m_process->waitForFinished(5000)) {
            m_process->kill();
            m_process->waitForFinished(2000);
        }
    }
}

bool SippEchoCaller::start(SipLoopbackPeers &peers, int calls, int rate, int holdMs, int payloadType,
                           const QString &rtpmap, QString *error)
{
    if (!m_dir.isValid()) {
        *error = QStringLiteral("no temporary directory");
        return false;
    }
    // RTP wants an even port; sipp's echo takes port + 2 as well.
    quint16 mediaPort = 0;
    for (int attempt = 0; attempt < 50 && !mediaPort; ++attempt) {
        const quint16 candidate = SipLoopbackPeers::freePort() & ~1;
        if (candidate && !SipLoopbackPeers::udpPortInUse(candidate)
            && !SipLoopbackPeers::udpPortInUse(candidate + 2))
            mediaPort = candidate;
    }
    // The whole run is bounded: the ramp, the calls' hold, and a minute to spare.
    const int timeoutSeconds = calls / std::max(1, rate) + holdMs / 1000 + 60;
    const QStringList args {QStringLiteral("-sf"),
                            QStringLiteral(SIP_BENCH_DIR "/uac_echo_call.xml"),
                            QStringLiteral("-i"),
                            QStringLiteral("127.0.0.1"),
                            QStringLiteral("-mi"),
                            QStringLiteral("127.0.0.1"),
                            QStringLiteral("-mp"),
                            QString::number(mediaPort),
                            QStringLiteral("-p"),
                            QString::number(SipLoopbackPeers::freePort()),
                            QStringLiteral("-s"),
                            QStringLiteral("agent1"),
                            QStringLiteral("127.0.0.1:%1").arg(peers.kamailioPort()),
                            QStringLiteral("-m"),
                            QString::number(calls),
                            QStringLiteral("-l"),
                            QString::number(calls),
                            QStringLiteral("-r"),
                            QString::number(rate),
                            QStringLiteral("-d"),
                            QString::number(holdMs),
                            QStringLiteral("-rtp_echo"),
                            QStringLiteral("-key"),
                            QStringLiteral("pt"),
                            QString::number(payloadType),
                            QStringLiteral("-key"),
                            QStringLiteral("rtpmap"),
                            rtpmap,
                            QStringLiteral("-timeout"),
                            QStringLiteral("%1s").arg(timeoutSeconds),
                            QStringLiteral("-timeout_error"),
                            QStringLiteral("-nostdin"),
                            QStringLiteral("-trace_err"),
                            QStringLiteral("-trace_msg")};
    m_process = std::make_unique<QProcess>();
    m_process->setWorkingDirectory(m_dir.path());
    m_process->setStandardOutputFile(m_dir.filePath(QStringLiteral("sipp.out")));
    m_process->setStandardErrorFile(m_dir.filePath(QStringLiteral("sipp.err")));
    m_process->start(QStringLiteral("sipp"), args);
    if (!m_process->waitForStarted(5000)) {
        *error = QStringLiteral("sipp did not start (scripts/install-deps.sh installs sip-tester): ")
            + m_process->errorString();
        return false;
    }
    return true;
}

bool SippEchoCaller::finish(int ms, QString *output)
{
    if (!m_process)
        return false;
    const bool finished = m_process->state() == QProcess::NotRunning || m_process->waitForFinished(ms);
    if (!finished) {
        m_process->kill();
        m_process->waitForFinished(2000);
    }
    *output = QStringLiteral("sipp exit status %1 code %2\n")
                  .arg(int(m_process->exitStatus()))
                  .arg(m_process->exitCode());
    QFile err(m_dir.filePath(QStringLiteral("sipp.err")));
    if (err.open(QIODevice::ReadOnly))
        *output += QString::fromLocal8Bit(err.readAll().right(2000));
    for (const QString &name : QDir(m_dir.path()).entryList({QStringLiteral("*_errors.log")})) {
        QFile errors(m_dir.filePath(name));
        if (errors.open(QIODevice::ReadOnly))
            *output +=
                QStringLiteral("--- %1\n").arg(name) + QString::fromLocal8Bit(errors.readAll().right(2000));
    }
    return finished && m_process->exitStatus() == QProcess::NormalExit && m_process->exitCode() == 0;
}

QList<double> SippEchoCaller::setupTimesMs() const
{
    // <scenario>_<pid>_messages.log: every message after a line of dashes ending in the time it went or
    // came (hh:mm:ss.micro). sipp's own response-time figures count in its millisecond ticks, too coarse
    // here.
    QHash<QByteArray, double> invited; // Call-ID -> seconds since midnight of the first INVITE sent
    QList<double> times;
    for (const QString &name : QDir(m_dir.path()).entryList({QStringLiteral("*_messages.log")})) {
        QFile file(m_dir.filePath(name));
        if (!file.open(QIODevice::ReadOnly))
            continue;
        double at = -1;
        bool sent = false;
        QByteArray start;
        while (!file.atEnd()) {
            const QByteArray line = file.readLine().trimmed();
            if (line.startsWith("-----")) {
                const QList<QByteArray> clock = line.split('\t').last().split(':');
                at = clock.size() == 3
                    ? clock[0].toDouble() * 3600 + clock[1].toDouble() * 60 + clock[2].toDouble()
                    : -1;
                start.clear();
            } else if (line.contains("message sent")) {
                sent = true;
            } else if (line.contains("message received")) {
                sent = false;
            } else if (start.isEmpty() && !line.isEmpty()) {
                start = line;
            } else if (at >= 0 && line.startsWith("Call-ID:")) {
                const QByteArray callId = line.mid(8).trimmed();
                if (sent && start.startsWith("INVITE ") && !invited.contains(callId))
                    invited.insert(callId, at);
                else if (!sent && start.startsWith("SIP/2.0 200") && invited.contains(callId)) {
                    times.append((at - invited.take(callId)) * 1000.0);
                }
            }
        }
    }
    return times;
}
