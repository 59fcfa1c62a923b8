// The call audio's thread and the mixer's clock without a sound server: AudioThread runs Qt's events
// (queued calls, blocking ones, Qt timers, deferred deletes) beside the descriptors it polls itself, and
// stops; CycleClock's period and cross-thread wakes work the same on that loop and, through
// QSocketNotifier, on a plain QThread's.
#include "audio/AudioThread.h"
#include "audio/CycleClock.h"

#include <QtCore/qelapsedtimer.h>
#include <QtCore/qtimer.h>
#include <QtTest/qsignalspy.h>
#include <QtTest/qtest.h>

#include <atomic>
#include <memory>

#include <sys/eventfd.h>
#include <unistd.h>

namespace {
// Runs `work` on `thread` and waits for it.
void runOn(QThread *thread, const std::function<void()> &work)
{
    QObject context;
    context.moveToThread(thread);
    QMetaObject::invokeMethod(&context, work, Qt::BlockingQueuedConnection);
}

std::unique_ptr<QThread> startThread(bool audioThread)
{
    std::unique_ptr<QThread> thread(audioThread ? new AudioThread : new QThread);
    thread->start();
    return thread;
}

void stopThread(QThread *thread)
{
    if (auto *audio = qobject_cast<AudioThread *>(thread))
        audio->stop();
    else
        thread->quit();
    QVERIFY(thread->wait(5000));
}
} // namespace

class tst_AudioThread : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void runsItsOwnLoop();
    void qtEventsRun();
    void watchedDescriptorRunsItsHandler();
    void handlerMayStopWatchingItself();
    void cycleClockPeriod_data();
    void cycleClockPeriod();
    void cycleClockWakes_data();
    void cycleClockWakes();
    void wakeAfterTheClockIsGone();
};

namespace {
// Qt's dispatcher is GLib's unless QT_NO_GLIB is set (ctest runs this test both ways): then the thread
// runs exec() and its clocks go through QSocketNotifier.
bool glibDispatcher()
{
    return !qEnvironmentVariableIsSet("QT_NO_GLIB");
}
} // namespace

void tst_AudioThread::runsItsOwnLoop()
{
    AudioThread thread;
    thread.start();
    bool current = false;
    runOn(&thread, [&] { current = AudioThread::current() == &thread; });
    QCOMPARE(current, glibDispatcher()); // its own loop with GLib's dispatcher, else exec()
    QVERIFY(!AudioThread::current()); // not on this thread
    thread.stop();
    QVERIFY(thread.wait(5000));
}

void tst_AudioThread::qtEventsRun()
{
    AudioThread thread;
    thread.start();
    // Queued calls, in order; a Qt timer, periodic and single-shot; a deferred delete.
    auto *object = new QObject;
    object->moveToThread(&thread);
    QSignalSpy destroyed(object, &QObject::destroyed);
    std::atomic<int> order {0};
    std::atomic<int> first {0};
    std::atomic<int> second {0};
    QMetaObject::invokeMethod(
        object, [&] { first = ++order; }, Qt::QueuedConnection);
    QMetaObject::invokeMethod(
        object, [&] { second = ++order; }, Qt::QueuedConnection);
    QTRY_COMPARE(second.load(), 2);
    QCOMPARE(first.load(), 1);

    std::atomic<int> ticks {0};
    std::atomic<bool> singleShot {false};
    QTimer *timer = nullptr;
    runOn(&thread, [&] {
        timer = new QTimer(object);
        QObject::connect(timer, &QTimer::timeout, [&] { ++ticks; });
        timer->start(5);
        QTimer::singleShot(20, object, [&] { singleShot = true; });
    });
    QTRY_VERIFY(ticks.load() >= 5);
    QTRY_VERIFY(singleShot.load());

    QMetaObject::invokeMethod(
        object, [object] { object->deleteLater(); }, Qt::QueuedConnection);
    QTRY_COMPARE(destroyed.size(), 1);
    thread.stop();
    QVERIFY(thread.wait(5000));
    QCOMPARE(thread.qtDispatches() > 0, glibDispatcher());
}

void tst_AudioThread::watchedDescriptorRunsItsHandler()
{
    AudioThread thread;
    thread.start();
    const int fd = ::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    std::atomic<int> handled {0};
    std::atomic<bool> onThread {true};
    bool watching = false;
    runOn(&thread, [&] {
        watching = thread.watch(fd, [&] {
            quint64 value = 0;
            QCOMPARE(::read(fd, &value, sizeof value), ssize_t(sizeof value));
            onThread = onThread && QThread::currentThread() == &thread;
            ++handled;
        });
    });
    if (!glibDispatcher()) {
        QVERIFY(!watching); // exec(): nothing is watched by the thread itself
        thread.stop();
        QVERIFY(thread.wait(5000));
        ::close(fd);
        return;
    }
    QVERIFY(watching);
    for (int i = 1; i <= 3; ++i) {
        const quint64 one = 1;
        QCOMPARE(::write(fd, &one, sizeof one), ssize_t(sizeof one));
        QTRY_COMPARE(handled.load(), i);
    }
    QVERIFY(onThread.load());
    QVERIFY(thread.watchedWakeups() >= 3);
    // Not watched any more: a write wakes nobody.
    runOn(&thread, [&] { thread.unwatch(fd); });
    const quint64 one = 1;
    QCOMPARE(::write(fd, &one, sizeof one), ssize_t(sizeof one));
    runOn(&thread, [] {}); // a round trip through the loop
    QCOMPARE(handled.load(), 3);
    thread.stop();
    QVERIFY(thread.wait(5000));
    ::close(fd);
}

void tst_AudioThread::handlerMayStopWatchingItself()
{
    if (!glibDispatcher())
        QSKIP("exec(): the thread watches no descriptor itself");
    AudioThread thread;
    thread.start();
    const int a = ::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    const int b = ::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    std::atomic<int> aRuns {0};
    std::atomic<int> bRuns {0};
    runOn(&thread, [&] {
        // a's handler ends both watches; b, ready in the same wake-up, is not called after that.
        thread.watch(a, [&] {
            ++aRuns;
            thread.unwatch(a);
            thread.unwatch(b);
        });
        thread.watch(b, [&] { ++bRuns; });
        const quint64 one = 1;
        QCOMPARE(::write(a, &one, sizeof one), ssize_t(sizeof one));
        QCOMPARE(::write(b, &one, sizeof one), ssize_t(sizeof one));
    });
    QTRY_COMPARE(aRuns.load(), 1);
    runOn(&thread, [] {});
    QCOMPARE(aRuns.load(), 1);
    QCOMPARE(bRuns.load(), 0);
    thread.stop();
    QVERIFY(thread.wait(5000));
    ::close(a);
    ::close(b);
}

void tst_AudioThread::cycleClockPeriod_data()
{
    QTest::addColumn<bool>("audioThread");
    QTest::newRow("AudioThread's own loop") << true;
    QTest::newRow("a QThread's event loop (QSocketNotifier)") << false;
}

void tst_AudioThread::cycleClockPeriod()
{
    QFETCH(bool, audioThread);
    const std::unique_ptr<QThread> thread = startThread(audioThread);
    std::atomic<int> timerFired {0};
    std::atomic<int> woken {0};
    std::unique_ptr<CycleClock> clock;
    runOn(thread.get(), [&] {
        clock = std::make_unique<CycleClock>(
            [&](CycleClock::Fired fired) { ++(fired == CycleClock::Fired::Timer ? timerFired : woken); });
        QVERIFY(clock->isValid());
        QCOMPARE(clock->polledByAudioThread(), audioThread && glibDispatcher());
        QVERIFY(!clock->isActive());
        clock->start(10);
    });
    // A 10 ms period: 10 firings take 90 ms at least (and come at all).
    QElapsedTimer elapsed;
    elapsed.start();
    QTRY_VERIFY(timerFired.load() >= 10);
    QVERIFY2(elapsed.elapsed() >= 85, qPrintable(QString::number(elapsed.elapsed())));
    QCOMPARE(woken.load(), 0);
    // Stopped: it fires no more while a second clock on the same thread fires five times (50 ms).
    std::atomic<int> otherFired {0};
    std::unique_ptr<CycleClock> other;
    int fired = 0;
    runOn(thread.get(), [&] {
        clock->stop();
        QVERIFY(!clock->isActive());
        fired = timerFired.load();
        other = std::make_unique<CycleClock>([&](CycleClock::Fired) { ++otherFired; });
        other->start(10);
    });
    QTRY_VERIFY(otherFired.load() >= 5);
    QCOMPARE(timerFired.load(), fired);
    // Started again with another period.
    runOn(thread.get(), [&] {
        clock->start(20);
        QCOMPARE(clock->interval(), 20);
    });
    QTRY_VERIFY(timerFired.load() >= fired + 3);
    runOn(thread.get(), [&] {
        clock.reset();
        other.reset();
    });
    stopThread(thread.get());
}

void tst_AudioThread::cycleClockWakes_data()
{
    cycleClockPeriod_data();
}

void tst_AudioThread::cycleClockWakes()
{
    QFETCH(bool, audioThread);
    const std::unique_ptr<QThread> thread = startThread(audioThread);
    std::atomic<int> woken {0};
    std::unique_ptr<CycleClock> clock;
    runOn(thread.get(), [&] {
        clock = std::make_unique<CycleClock>([&](CycleClock::Fired fired) {
            if (fired == CycleClock::Fired::Woken)
                ++woken;
        });
    });
    const std::shared_ptr<CycleClock::Waker> waker = clock->waker();
    for (int i = 1; i <= 3; ++i) {
        waker->wake();
        QTRY_COMPARE(woken.load(), i);
    }
    // Wakes given while the clock's thread is busy coalesce into one.
    runOn(thread.get(), [&] {
        waker->wake();
        waker->wake();
        waker->wake();
    });
    QTRY_COMPARE(woken.load(), 4);
    runOn(thread.get(), [] {});
    QCOMPARE(woken.load(), 4);
    runOn(thread.get(), [&] { clock.reset(); });
    stopThread(thread.get());
}

void tst_AudioThread::wakeAfterTheClockIsGone()
{
    // A provider's thread may wake the mixer while it shuts down: the waker outlives the clock.
    AudioThread thread;
    thread.start();
    std::shared_ptr<CycleClock::Waker> waker;
    runOn(&thread, [&] {
        CycleClock clock([](CycleClock::Fired) { QFAIL("a clock that is gone fired"); });
        waker = clock.waker();
    });
    waker->wake();
    waker->wake();
    runOn(&thread, [] {});
    thread.stop();
    QVERIFY(thread.wait(5000));
}

QTEST_GUILESS_MAIN(tst_AudioThread)
#include "tst_audio_thread.moc"
