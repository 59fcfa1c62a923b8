#include "MonitorCapture.h"

MonitorCapture::MonitorCapture(QObject *parent)
    : QObject(parent)
{
    // An odd trailing byte (half a sample) is left out of every measurement until its partner comes.
    connect(&m_parec, &QProcess::readyReadStandardOutput, this,
            [this] { m_pcm += m_parec.readAllStandardOutput(); });
}

MonitorCapture::~MonitorCapture()
{
    if (m_parec.state() != QProcess::NotRunning) {
        m_parec.terminate();
        if (!m_parec.waitForFinished(3000))
            m_parec.kill();
        m_parec.waitForFinished(3000);
    }
}

bool MonitorCapture::start(const QString &sinkName, int sampleRate, QString *error)
{
    m_rate = sampleRate;
    m_parec.start(QStringLiteral("parec"),
                  {QStringLiteral("--raw"), QStringLiteral("--device=%1.monitor").arg(sinkName),
                   QStringLiteral("--rate=%1").arg(sampleRate), QStringLiteral("--channels=1"),
                   QStringLiteral("--format=s16le"), QStringLiteral("--latency-msec=20")});
    if (!m_parec.waitForStarted(5000)) {
        *error = QStringLiteral("parec did not start: %1").arg(m_parec.errorString());
        return false;
    }
    return true;
}

QByteArray MonitorCapture::last(int ms) const
{
    const qsizetype bytes = qsizetype(ms) * m_rate / 1000 * 2;
    const qsizetype whole = m_pcm.size() - m_pcm.size() % 2;
    return m_pcm.mid(qMax<qsizetype>(0, whole - bytes), qMin(bytes, whole));
}
