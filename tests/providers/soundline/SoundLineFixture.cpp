#include "SoundLineFixture.h"

#include "DetectorSet.h"
#include "LineAudioFile.h"
#include "SoundLineWorker.h"

#include <QtCore/qcoreapplication.h>
#include <QtTest/qtest.h>

SoundLineFixture::SoundLineFixture(const QVariantMap &lineConfig, Control control, Audio audio)
    : m_engine(std::make_unique<CallEngine>(nullptr))
    , m_recorder(std::make_unique<EventRecorder>())
{
    QString error;
    if (!SoundLineConfig::fromVariantMap(lineConfig, &m_config, &error))
        qFatal("bad test line config: %s", qPrintable(error));
    m_recorder->setCategories(EventRecorder::Replies | EventRecorder::States | EventRecorder::Sessions);
    m_recorder->attach(m_engine.get(), nullptr);
    SoundLineProvider::PortFactory ports;
    ports.audio = [this, audio](const SoundLineConfig &config) -> LineAudioPort * {
        if (audio == SoundCard)
            return SoundLineProvider::defaultPorts().audio(config);
        m_audio = new BufferLineAudioPort(config.captureDevice.isEmpty() ? QStringLiteral("twin")
                                                                         : config.captureDevice);
        return m_audio.data();
    };
    ports.control = [this, control](const SoundLineConfig &config) -> SerialControlPort * {
        if (control == NoSerialPort || !config.hasControlLines())
            return nullptr;
        if (control == RealSerialPort)
            return SoundLineProvider::defaultPorts().control(config);
        m_pins = new PinTwinControlPort(config.serialPort, config.hookRelayPin != SoundLineConfig::Pin::None);
        return m_pins.data();
    };
    m_provider = std::make_unique<SoundLineProvider>(QList<SoundLineConfig> {m_config}, ports);
    m_engine->attachProvider(m_provider.get());
}

SoundLineFixture::~SoundLineFixture()
{
    m_provider->stop();
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    m_engine.reset();
    m_provider.reset();
}

Line *SoundLineFixture::line() const
{
    return m_engine->line(lineId());
}

bool SoundLineFixture::feed(const QString &fixture)
{
    QList<int16_t> samples;
    QString error;
    if (!loadLineAudioFile(QStringLiteral(TEST_DATA_DIR "/") + fixture, &samples, &error)) {
        qWarning("%s", qPrintable(error));
        return false;
    }
    feed(samples);
    return true;
}

void SoundLineFixture::feed(const QList<int16_t> &samples)
{
    m_fed += samples.size();
    m_audio->feed(samples);
}

void SoundLineFixture::feedSilence(int ms)
{
    m_fed += qint64(ms) * 8;
    m_audio->feedSilence(ms);
}

CallSession *SoundLineFixture::session() const
{
    const QList<CallSession *> sessions = m_engine->sessionList();
    return sessions.isEmpty() ? nullptr : sessions.last();
}

bool SoundLineFixture::drained()
{
    return QTest::qWaitFor([this] { return m_audio && m_audio->capturedSamples() >= m_fed; }, 10000);
}

QString SoundLineFixture::dialledDigits() const
{
    QString digits;
    // Silence around it, so a digit at the very start or end is framed like on a line.
    const QList<int16_t> played = QList<int16_t>(800, 0) + m_audio->played() + QList<int16_t>(800, 0);
    DetectorSet detectors(*m_config.profile, m_config.callerId, DetectorOptions(),
                          [&](const LineEvent &event) {
                              if (event.kind == LineEvent::Digit)
                                  digits += event.digit;
                          });
    detectors.process(played.constData(), int(played.size()));
    return digits;
}
