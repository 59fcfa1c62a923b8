#pragma once

#include "providers/LineAudioEndpoint.h"

#include <QtCore/qbytearray.h>
#include <QtCore/qelapsedtimer.h>
#include <QtCore/qobject.h>
#include <QtCore/qtimer.h>

#include <cstdint>
#include <memory>
#include <span>
#include <vector>

class ConsoleSettings;
class QTemporaryDir;

// The provider's side of a call in the audio tests: talks a steady tone into fromLine at the line's pace
// (a wall-clock timer on this thread, as a sound card would) and keeps what the bridge sends to the line.
class ToneFarEnd : public QObject
{
public:
    ToneFarEnd(std::shared_ptr<LineAudioEndpoint> endpoint, double frequencyHz, double levelDbfs);

    LineAudioEndpoint &endpoint() const { return *m_endpoint; }
    // Samples heard in all, what was heard since the last take (int16 PCM), and the last half second.
    std::size_t heardSamples() const { return m_heardTotal; }
    QByteArray takeHeard();
    std::span<const int16_t> recent() const { return m_recent; }

private:
    void tick();

    std::shared_ptr<LineAudioEndpoint> m_endpoint;
    QByteArray m_tone; // one second: whole periods of any whole-Hz tone, so it loops seamlessly
    QTimer m_timer;
    QElapsedTimer m_clock;
    std::size_t m_written = 0;
    std::size_t m_heardTotal = 0;
    QByteArray m_heard;
    std::vector<int16_t> m_recent;
};

// A settings store of the test's own in `dir`, empty; recordings (if any) go to `dir`/recordings.
std::unique_ptr<ConsoleSettings> freshAudioSettings(const QTemporaryDir &dir);

// Lets the audio run for `ms` of wall-clock time, serving events: a measuring window, not a wait for an
// event (the tests wait for events with QTRY/QSignalSpy).
void letAudioRun(int ms);
