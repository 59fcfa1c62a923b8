#include "SimAudioPump.h"

#include "SimFarEndAudio.h"

#include <QtCore/qtimer.h>

#include <algorithm>

namespace {
// A pump that was starved (a suspended machine, a debugger) does not try to catch up on more than this.
constexpr qint64 MaxCatchUpBlocks = 50;
} // namespace

SimAudioPump::SimAudioPump(QObject *parent)
    : QObject(parent)
{
    m_thread.setObjectName(QStringLiteral("sim audio pump"));
    m_clock.start();
    m_timer = new QTimer;
    m_timer->setTimerType(Qt::PreciseTimer);
    m_timer->setInterval(SimFarEndAudio::BlockMs);
    m_timer->moveToThread(&m_thread);
    connect(
        m_timer, &QTimer::timeout, m_timer, [this] { tick(); }, Qt::DirectConnection);
    connect(&m_thread, &QThread::started, m_timer, qOverload<>(&QTimer::start));
    connect(&m_thread, &QThread::finished, m_timer, &QObject::deleteLater);
    m_thread.start();
}

SimAudioPump::~SimAudioPump()
{
    m_thread.quit();
    m_thread.wait();
}

void SimAudioPump::add(const std::shared_ptr<SimFarEndAudio> &audio)
{
    QMutexLocker lock(&m_mutex);
    m_entries.push_back({audio, m_clock.elapsed(), 0});
}

void SimAudioPump::remove(const std::shared_ptr<SimFarEndAudio> &audio)
{
    QMutexLocker lock(&m_mutex);
    std::erase_if(m_entries, [&](const Entry &entry) { return entry.audio == audio; });
}

int SimAudioPump::count() const
{
    QMutexLocker lock(&m_mutex);
    return int(m_entries.size());
}

quint64 SimAudioPump::ticks() const
{
    QMutexLocker lock(&m_mutex);
    return m_ticks;
}

QThread *SimAudioPump::tickThread() const
{
    QMutexLocker lock(&m_mutex);
    return m_tickThread;
}

void SimAudioPump::tick()
{
    // Work is done under the list's lock: add/remove from the GUI thread wait at most one tick's work,
    // and a removed far end is never advanced afterwards.
    QMutexLocker lock(&m_mutex);
    ++m_ticks;
    m_tickThread = QThread::currentThread();
    const qint64 now = m_clock.elapsed();
    for (Entry &entry : m_entries) {
        const qint64 due = (now - entry.startMs) / SimFarEndAudio::BlockMs - entry.blocksDone;
        if (due <= 0)
            continue;
        const qint64 blocks = std::min(due, MaxCatchUpBlocks);
        entry.audio->advance(blocks);
        entry.blocksDone += due; // skipped blocks stay skipped
    }
}
