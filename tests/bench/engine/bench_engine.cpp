// Engine figures (printed, not asserted): session lifecycles per second with the models observed,
// heap per live session, heap left after many terminated lifecycles, and the drop of a large
// conference. The smoke run (small counts, ctest label "bench") only fails when something is left
// behind after terminate, which is a correctness fault, not a speed figure.
#include "DirectLineProvider.h"
#include "HeapCounter.h"
#include "SimFixture.h"

#include "core/Tapi.h"
#include "session/CallEngine.h"
#include "session/CallSession.h"

#include <QtCore/qabstractitemmodel.h>
#include <QtCore/qcommandlineparser.h>
#include <QtCore/qcoreapplication.h>
#include <QtCore/qelapsedtimer.h>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <memory>

namespace {

struct Options
{
    int lifecycles = 200000;
    int retained = 100000;
    int live = 10000;
    int conference = 1000;
};

// What the console's event loop does between bursts of work: posted events, then deferred deletes.
// CPU time of this thread: the figure that does not depend on what else the machine is running.
class ThreadCpuTimer
{
public:
    void start() { m_start = now(); }
    qint64 nsecsElapsed() const { return now() - m_start; }

private:
    static qint64 now()
    {
        timespec ts {};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
        return qint64(ts.tv_sec) * 1000000000 + ts.tv_nsec;
    }
    qint64 m_start = 0;
};

void flushDeletes()
{
    QCoreApplication::sendPostedEvents();
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
}

// The engine with a direct provider and a stand-in for the views: every model signal is received.
class Rig
{
public:
    Rig()
        : m_engine(nullptr)
        , m_provider(QStringLiteral("bench/line"))
    {
        m_engine.attachProvider(&m_provider);
        QObject::connect(&m_engine, &CallEngine::sessionAdded, [this](CallSession *s) { m_last = s; });
        for (QAbstractItemModel *model : {static_cast<QAbstractItemModel *>(m_engine.sessions()),
                                          static_cast<QAbstractItemModel *>(m_engine.conferences())}) {
            QObject::connect(model, &QAbstractItemModel::rowsInserted, [this] { ++m_modelSignals; });
            QObject::connect(model, &QAbstractItemModel::rowsRemoved, [this] { ++m_modelSignals; });
            QObject::connect(model, &QAbstractItemModel::dataChanged, [this] { ++m_modelSignals; });
        }
    }
    ~Rig() { m_engine.detachProviders(); }

    CallSession *connectedSession()
    {
        m_provider.offer(QStringLiteral("5550100"));
        CallSession *session = m_last;
        session->answer();
        m_provider.flush();
        return session;
    }

    void end(CallSession *session)
    {
        session->drop(QByteArray());
        m_provider.flush();
        session->terminate();
    }

    void lifecycle() { end(connectedSession()); }

    bool clean() const
    {
        return m_engine.sessionCount() == 0 && m_engine.callRecordCount() == 0
            && m_engine.pendingRequestCount() == 0 && m_engine.sessions()->rowCount() == 0;
    }
    CallEngine &engine() { return m_engine; }
    qint64 modelSignals() const { return m_modelSignals; }

private:
    CallEngine m_engine;
    DirectLineProvider m_provider;
    CallSession *m_last = nullptr;
    qint64 m_modelSignals = 0;
};

bool lifecycleRate(const Options &options)
{
    Rig rig;
    for (int i = 0; i < 1000; ++i)
        rig.lifecycle();
    flushDeletes();
    const qint64 signalsBefore = rig.modelSignals();
    QElapsedTimer timer;
    ThreadCpuTimer cpu;
    timer.start();
    cpu.start();
    for (int i = 1; i <= options.lifecycles; ++i) {
        rig.lifecycle();
        if (i % 1000 == 0)
            flushDeletes(); // the event loop's share of the work, inside the timing
    }
    flushDeletes();
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    const double cpuSeconds = double(cpu.nsecsElapsed()) / 1e9;
    std::printf(
        "lifecycles (offer, answer, drop, terminate; models observed): %d in %.3f s = %.0f per second "
        "(%.0f per CPU second), %.2f us each, %.1f model signals each\n",
        options.lifecycles, seconds, options.lifecycles / seconds, options.lifecycles / cpuSeconds,
        seconds * 1e6 / options.lifecycles, double(rig.modelSignals() - signalsBefore) / options.lifecycles);
    return rig.clean();
}

bool retainedAfterTerminate(const Options &options)
{
    Rig rig;
    for (int i = 0; i < 1000; ++i)
        rig.lifecycle();
    flushDeletes();
    const std::size_t heapBefore = HeapCounter::bytesInUse();
    const std::size_t rssBefore = HeapCounter::residentBytes();
    for (int i = 1; i <= options.retained; ++i) {
        rig.lifecycle();
        if (i % 1000 == 0)
            flushDeletes();
    }
    flushDeletes();
    const long long heapDelta = (long long)HeapCounter::bytesInUse() - (long long)heapBefore;
    const long long rssDelta = (long long)HeapCounter::residentBytes() - (long long)rssBefore;
    std::printf(
        "after %d terminated lifecycles: heap %+lld bytes, resident %+lld KB; sessions %d, call records %d, "
        "pending requests %d\n",
        options.retained, heapDelta, rssDelta / 1024, rig.engine().sessionCount(),
        rig.engine().callRecordCount(), rig.engine().pendingRequestCount());
    return rig.clean();
}

bool memoryPerLiveSession(const Options &options)
{
    Rig rig;
    rig.lifecycle(); // first-use allocations of the engine and models are not per session
    flushDeletes();
    QList<CallSession *> sessions;
    sessions.reserve(options.live); // the benchmark's own list is not the engine's cost
    const std::size_t heapBefore = HeapCounter::bytesInUse();
    for (int i = 0; i < options.live; ++i)
        sessions << rig.connectedSession();
    const std::size_t heapAfter = HeapCounter::bytesInUse();
    std::printf("live connected sessions: %d, heap %.0f bytes per session (handle, call record, model row)\n",
                options.live, double(heapAfter - heapBefore) / options.live);
    for (CallSession *session : std::as_const(sessions))
        rig.end(session);
    flushDeletes();
    return rig.clean();
}

bool conferenceDrop(const Options &options)
{
    LineCapabilities caps;
    caps.maxConference = options.conference + 1;
    SimFixture fx(caps);
    fx.recorder().setCategories({});
    QStringList parties;
    for (int i = 0; i < options.conference; ++i) {
        SimFarEnd party;
        party.id = QStringLiteral("p%1").arg(i);
        party.number = QString::number(30000 + i);
        party.name = QStringLiteral("Party %1").arg(i);
        party.answerAfterMs = -1;
        fx.sim().addFarEnd(party);
        parties << party.id;
    }
    QElapsedTimer build;
    build.start();
    const SimFixture::Conference conference = fx.conference(parties);
    if (!conference.parent || conference.members.size() != options.conference) {
        std::fprintf(stderr, "bench: could not build a conference of %d parties\n", options.conference);
        return false;
    }
    const double buildSeconds = double(build.nsecsElapsed()) / 1e9;

    const int expectedIdle = options.conference + 1; // every party and the parent
    int idle = 0;
    qint64 completedAt = -1;
    qint64 lastIdleAt = -1;
    QElapsedTimer timer;
    ThreadCpuTimer cpu;
    QObject::connect(&fx.engine(), &CallEngine::requestCompleted,
                     [&] { completedAt = timer.nsecsElapsed(); });
    QObject::connect(&fx.engine(), &CallEngine::sessionStateChanged, [&](CallSession *, int, int state) {
        if (state == Tapi::Idle && ++idle == expectedIdle)
            lastIdleAt = timer.nsecsElapsed();
    });
    timer.start();
    cpu.start();
    const int id = conference.parent->drop(QByteArray());
    const qint64 issuedAt = timer.nsecsElapsed();
    fx.settle();
    const qint64 cpuNs = cpu.nsecsElapsed();
    if (id <= 0 || idle != expectedIdle || completedAt < 0) {
        std::fprintf(stderr, "bench: the conference drop did not idle every party (%d of %d)\n", idle,
                     expectedIdle);
        return false;
    }
    std::printf(
        "conference of %d parties (built in %.2f s): drop() returned in %.3f ms; completion to last party "
        "IDLE %.3f ms (engine cascade); drop() to last party IDLE %.3f ms (with the simulated switch; %.3f "
        "ms of CPU to settle)\n",
        options.conference, buildSeconds, issuedAt / 1e6, (lastIdleAt - completedAt) / 1e6, lastIdleAt / 1e6,
        cpuNs / 1e6);
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Hookline engine benchmark: prints figures."));
    parser.addHelpOption();
    const QCommandLineOption lifecycles(QStringLiteral("lifecycles"), QStringLiteral("Timed lifecycles."),
                                        QStringLiteral("n"), QStringLiteral("200000"));
    const QCommandLineOption retained(QStringLiteral("retained"),
                                      QStringLiteral("Lifecycles before the heap check."),
                                      QStringLiteral("n"), QStringLiteral("100000"));
    const QCommandLineOption live(QStringLiteral("live"),
                                  QStringLiteral("Live sessions for the memory figure."), QStringLiteral("n"),
                                  QStringLiteral("10000"));
    const QCommandLineOption conference(QStringLiteral("conference"), QStringLiteral("Conference parties."),
                                        QStringLiteral("n"), QStringLiteral("1000"));
    parser.addOptions({lifecycles, retained, live, conference});
    parser.process(app);
    Options options;
    options.lifecycles = std::max(1, parser.value(lifecycles).toInt());
    options.retained = std::max(1, parser.value(retained).toInt());
    options.live = std::max(1, parser.value(live).toInt());
    options.conference = std::max(2, parser.value(conference).toInt());

    bool ok = lifecycleRate(options);
    ok = retainedAfterTerminate(options) && ok;
    ok = memoryPerLiveSession(options) && ok;
    ok = conferenceDrop(options) && ok;
    if (!ok)
        std::fprintf(stderr, "bench: the engine kept sessions, calls or requests after terminate\n");
    return ok ? 0 : 1;
}
