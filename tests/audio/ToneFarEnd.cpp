#include "ToneFarEnd.h"

#include "ToneAnalysis.h"
#include "audio/CallAudioRouter.h"

#include "settings/ConsoleSettings.h"

#include <QtCore/qsettings.h>
#include <QtCore/qtemporarydir.h>
#include <QtTest/qtest.h>

ToneFarEnd::ToneFarEnd(std::shared_ptr<LineAudioEndpoint> endpoint, double frequencyHz, double levelDbfs)
    : m_endpoint(std::move(endpoint))
    , m_tone(ToneAnalysis::sine(frequencyHz, levelDbfs, m_endpoint->sampleRate(), 1.0))
{
    m_timer.setTimerType(Qt::PreciseTimer);
    m_timer.setInterval(10);
    connect(&m_timer, &QTimer::timeout, this, &ToneFarEnd::tick);
    m_clock.start();
    m_timer.start();
}

QByteArray ToneFarEnd::takeHeard()
{
    tick();
    return std::exchange(m_heard, {});
}

void ToneFarEnd::tick()
{
    const int rate = m_endpoint->sampleRate();
    const auto due = std::size_t(m_clock.nsecsElapsed() / 1000 * rate / 1'000'000);
    const auto tone = ToneAnalysis::samplesOf(m_tone);
    while (m_written < due) {
        const std::size_t at = m_written % tone.size();
        const std::size_t count = std::min(due - m_written, tone.size() - at);
        m_endpoint->fromLine.write(tone.subspan(at, count));
        m_written += count;
    }
    std::vector<int16_t> heard(m_endpoint->toLine.available());
    heard.resize(m_endpoint->toLine.read(heard));
    m_heardTotal += heard.size();
    m_heard.append(reinterpret_cast<const char *>(heard.data()), qsizetype(heard.size() * sizeof(int16_t)));
    m_recent.insert(m_recent.end(), heard.begin(), heard.end());
    if (m_recent.size() > std::size_t(rate / 2))
        m_recent.erase(m_recent.begin(), m_recent.end() - rate / 2);
}

std::unique_ptr<ConsoleSettings> freshAudioSettings(const QTemporaryDir &dir)
{
    auto *store = new QSettings(dir.filePath(QStringLiteral("hookline.ini")), QSettings::IniFormat);
    store->clear();
    auto settings = std::make_unique<ConsoleSettings>(store, QString(), nullptr);
    store->setParent(settings.get());
    settings->setValue(SettingsSchema::RecordingFolder, dir.filePath(QStringLiteral("recordings")));
    return settings;
}

void letAudioRun(int ms)
{
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < ms)
        QTest::qWait(10);
}
