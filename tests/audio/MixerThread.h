#pragma once

#include "audio/CallAudioMixer.h"

#include <functional>
#include <memory>

class QThread;

// The mixer on a thread of its own, as CallAudioRouter runs it in the console (a test thread's QTest
// waits would pace its timer instead): an AudioThread with its own loop, as in the console, or a plain
// QThread's event loop (the mixer's clock then goes through QSocketNotifier). Its cycles run on its own
// timer; the test reaches it with run().
class MixerThread
{
public:
    explicit MixerThread(CallAudioMixer::IoFactory factory, bool audioThread = true);
    ~MixerThread();
    MixerThread(const MixerThread &) = delete;
    MixerThread &operator=(const MixerThread &) = delete;

    // Runs `work` on the mixer's thread and waits for it.
    void run(const std::function<void()> &work);
    CallAudioMixer *operator->() const { return m_mixer; }
    QThread *thread() const { return m_thread.get(); }

private:
    std::unique_ptr<QThread> m_thread;
    CallAudioMixer *m_mixer = nullptr;
};
