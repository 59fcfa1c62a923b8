#include "MixerThread.h"

#include "audio/AudioThread.h"

#include <QtCore/qthread.h>

MixerThread::MixerThread(CallAudioMixer::IoFactory factory, bool audioThread)
    : m_thread(audioThread ? new AudioThread : new QThread)
{
    m_thread->start();
    run([this, factory = std::move(factory)] {
        m_mixer = new CallAudioMixer(factory, CallAudioMixer::Drive::OwnTimer);
        m_mixer->start();
    });
}

MixerThread::~MixerThread()
{
    run([this] {
        m_mixer->shutdown();
        delete m_mixer;
    });
    if (auto *audio = qobject_cast<AudioThread *>(m_thread.get()))
        audio->stop();
    else
        m_thread->quit();
    m_thread->wait();
}

void MixerThread::run(const std::function<void()> &work)
{
    QObject context;
    context.moveToThread(m_thread.get());
    QMetaObject::invokeMethod(&context, work, Qt::BlockingQueuedConnection);
}
