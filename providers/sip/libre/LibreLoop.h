#pragma once

#include <QtCore/qstring.h>

#include <functional>

class QThread;
struct mqueue;

// libre's event loop (re_main) on a thread of its own. Everything that touches libre runs there: other
// threads hand work in with post() (libre's mqueue, a pipe the loop polls). libre_init() runs once per
// process; each loop thread has its own libre state (re_thread_init), so loops can come and go.
class LibreLoop
{
public:
    LibreLoop();
    ~LibreLoop();

    // Starts the thread; returns false with *error if libre cannot start.
    bool start(QString *error);
    bool isRunning() const { return m_thread != nullptr; }
    // Runs `job` on the loop thread, after every job posted before it.
    void post(std::function<void()> job);
    // Runs `shutdown` last on the loop thread, which calls the function it is given once it is done;
    // then the loop ends. Waits for the thread.
    void stop(std::function<void(std::function<void()>)> shutdown = {});

private:
    static void handle(int id, void *data, void *arg);

    QThread *m_thread = nullptr;
    struct mqueue *m_queue = nullptr;
};
