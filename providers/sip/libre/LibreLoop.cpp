#include "LibreLoop.h"

#include "LibreHeaders.h"
#include "SipLogging.h"

#include <QtCore/qsemaphore.h>
#include <QtCore/qthread.h>

#include <mutex>

namespace {

int initLibreOnce()
{
    static std::once_flag once;
    static int result = 0;
    std::call_once(once, [] { result = libre_init(); });
    return result;
}

} // namespace

LibreLoop::LibreLoop() = default;

LibreLoop::~LibreLoop()
{
    stop();
}

void LibreLoop::handle(int, void *data, void *)
{
    auto *job = static_cast<std::function<void()> *>(data);
    (*job)();
    delete job;
}

bool LibreLoop::start(QString *error)
{
    if (m_thread)
        return true;
    if (const int err = initLibreOnce()) {
        *error = QStringLiteral("libre_init failed: %1").arg(QString::fromLocal8Bit(strerror(err)));
        return false;
    }
    QSemaphore ready;
    int startError = 0;
    m_thread = QThread::create([this, &ready, &startError] {
        int err = re_thread_init();
        if (!err)
            err = mqueue_alloc(&m_queue, &LibreLoop::handle, this);
        startError = err;
        ready.release();
        if (err)
            return;
        re_main(nullptr);
        m_queue = static_cast<struct mqueue *>(mem_deref(m_queue));
        re_thread_close();
    });
    m_thread->setObjectName(QStringLiteral("libre"));
    m_thread->start();
    ready.acquire();
    if (startError) {
        m_thread->wait();
        delete m_thread;
        m_thread = nullptr;
        *error = QStringLiteral("libre's event loop did not start: %1")
                     .arg(QString::fromLocal8Bit(strerror(startError)));
        return false;
    }
    return true;
}

void LibreLoop::post(std::function<void()> job)
{
    if (!m_thread || !m_queue)
        return;
    auto *heapJob = new std::function<void()>(std::move(job));
    if (mqueue_push(m_queue, 0, heapJob) != 0) {
        qCWarning(lcSip) << "libre queue full: a SIP command was lost";
        delete heapJob;
    }
}

void LibreLoop::stop(std::function<void(std::function<void()>)> shutdown)
{
    if (!m_thread)
        return;
    post([shutdown = std::move(shutdown)] {
        if (shutdown)
            shutdown([] { re_cancel(); });
        else
            re_cancel();
    });
    m_thread->wait();
    delete m_thread;
    m_thread = nullptr;
}
