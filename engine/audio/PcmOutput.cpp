#include "audio/PcmOutput.h"

#include "audio/PcmOutputWorker.h"

PcmOutput::PcmOutput(const QString &threadName, QObject *parent)
    : QObject(parent)
    , m_worker(new PcmOutputWorker)
{
    m_thread.setObjectName(threadName);
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &PcmOutputWorker::started, this, &PcmOutput::started, Qt::QueuedConnection);
    connect(m_worker, &PcmOutputWorker::stopped, this, &PcmOutput::stopped, Qt::QueuedConnection);
    connect(m_worker, &PcmOutputWorker::failed, this, &PcmOutput::failed, Qt::QueuedConnection);
    m_thread.start();
}

PcmOutput::~PcmOutput()
{
    QMetaObject::invokeMethod(m_worker, &PcmOutputWorker::stop, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

void PcmOutput::play(const QAudioDevice &device, Render render, bool loop)
{
    QMetaObject::invokeMethod(
        m_worker,
        [worker = m_worker, device, render = std::move(render), loop] { worker->play(device, render, loop); },
        Qt::QueuedConnection);
}

void PcmOutput::stop()
{
    QMetaObject::invokeMethod(m_worker, &PcmOutputWorker::stop, Qt::QueuedConnection);
}
