#pragma once

#include "BufferLineAudioPort.h"
#include "EventRecorder.h"
#include "PinTwinControlPort.h"
#include "SoundLineProvider.h"
#include "session/CallEngine.h"

#include <QtCore/qpointer.h>

#include <memory>

// The real CallEngine wired to a SoundLineProvider the way the console wires providers, with the
// audio twin standing in for the sound card (or the real QtMultimedia port, for the tests against
// the PulseAudio harness) and, unless asked otherwise, the pin twin for the serial line interface.
// With the twin, audio time only moves when a test feeds audio.
class SoundLineFixture
{
public:
    enum Control { PinTwin, NoSerialPort, RealSerialPort };
    enum Audio { AudioTwin, SoundCard };

    explicit SoundLineFixture(const QVariantMap &lineConfig, Control control = PinTwin,
                              Audio audio = AudioTwin);
    ~SoundLineFixture();

    CallEngine &engine() { return *m_engine; }
    EventRecorder &recorder() { return *m_recorder; }
    SoundLineProvider &provider() { return *m_provider; }
    BufferLineAudioPort *audio() const { return m_audio; } // null with SoundCard
    PinTwinControlPort *pins() const { return m_pins; }
    Line *line() const;
    QString lineId() const { return SoundLineProvider::lineIdFor(m_config); }
    const SoundLineConfig &config() const { return m_config; }

    // Feeds a fixture file (TEST_DATA_DIR) as captured line audio.
    bool feed(const QString &fixture);
    void feed(const QList<int16_t> &samples);
    void feedSilence(int ms);
    // The session on the line, once there is one.
    CallSession *session() const;
    // Waits until every fed sample went through the worker (audio time caught up).
    bool drained();
    // Decodes the DTMF digits played to the line (dialling), with a second spandsp receiver.
    QString dialledDigits() const;

private:
    SoundLineConfig m_config;
    std::unique_ptr<CallEngine> m_engine;
    std::unique_ptr<EventRecorder> m_recorder;
    std::unique_ptr<SoundLineProvider> m_provider;
    QPointer<BufferLineAudioPort> m_audio;
    QPointer<PinTwinControlPort> m_pins;
    qint64 m_fed = 0;
};
