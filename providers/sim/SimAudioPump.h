#pragma once

#include <QtCore/qelapsedtimer.h>
#include <QtCore/qmutex.h>
#include <QtCore/qobject.h>
#include <QtCore/qthread.h>

#include <memory>
#include <vector>

class QTimer;
class SimFarEndAudio;

// The wall-clock pace of the simulated far ends' audio: a thread of its own (never the GUI thread) wakes
// every 20 ms and moves every far end in a call by the blocks that are due since it joined, so audio
// keeps real time even when a tick comes late. Virtual-time runs do not use it: there the switch moves
// the audio with its clock.
class SimAudioPump : public QObject
{
    Q_OBJECT

public:
    explicit SimAudioPump(QObject *parent = nullptr);
    ~SimAudioPump() override;

    void add(const std::shared_ptr<SimFarEndAudio> &audio);
    void remove(const std::shared_ptr<SimFarEndAudio> &audio);
    int count() const;
    // Ticks run so far, for tests that check the pump moves on its own.
    quint64 ticks() const;
    QThread *pumpThread() { return &m_thread; }
    // The thread the last tick ran on.
    QThread *tickThread() const;

private:
    struct Entry
    {
        std::shared_ptr<SimFarEndAudio> audio;
        qint64 startMs = 0;
        qint64 blocksDone = 0;
    };
    void tick(); // on m_thread

    QThread m_thread;
    QTimer *m_timer = nullptr; // lives on m_thread
    QElapsedTimer m_clock;
    mutable QMutex m_mutex;
    std::vector<Entry> m_entries;
    quint64 m_ticks = 0;
    QThread *m_tickThread = nullptr;
};
