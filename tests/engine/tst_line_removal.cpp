// Lines taken out while the console runs (CallEngine::detachProvider): the line retires at once (no new
// call), stays while a call on it is in progress or a request on it is outstanding, then its provider is
// stopped and the line leaves the engine, in that order; handles on it stay queryable until terminated
// and a line with the same id may come back; the removed Line object is freed once no handle names it
// (at once without one, after the last is terminated otherwise). A provider double announces one line and
// records what the engine asks of it; the test plays the network's side.
#include "core/Tapi.h"
#include "lines/Line.h"
#include "providers/LineEventSink.h"
#include "providers/LineProvider.h"
#include "session/CallEngine.h"
#include "session/CallSession.h"
#include "session/models/SessionModel.h"

#include <QtTest/qabstractitemmodeltester.h>
#include <QtTest/qsignalspy.h>
#include <QtTest/qtest.h>

#include <memory>

using namespace Tapi;

namespace {

// One line, "test/<name>"; completes every request on the next turn unless told to hold them back.
class OneLineProvider : public QObject, public LineProvider
{
    Q_OBJECT

public:
    OneLineProvider(const QString &name, QStringList *log)
        : m_name(name)
        , m_log(log)
    { }

    QString providerId() const override { return QStringLiteral("test"); }
    QString lineId() const { return QStringLiteral("test/") + m_name; }
    void start(LineEventSink *sink) override
    {
        m_sink = sink;
        LineDescriptor line;
        line.id = lineId();
        line.name = m_name;
        line.address = m_name;
        line.caps.canReject = true;
        line.caps.callFeatures = FeatureAnswer | FeatureDrop | FeatureReject | FeatureHold | FeatureUnhold;
        m_sink->lineAdded(this, line);
    }
    void execute(const LineCommand &command) override
    {
        m_log->append(QStringLiteral("%1: command %2").arg(m_name).arg(int(command.kind)));
        if (!command.requestId)
            return;
        if (m_holdBack) {
            m_heldBack.append(command.requestId);
            return;
        }
        QMetaObject::invokeMethod(
            this, [this, id = command.requestId] { m_sink->commandCompleted(id, Success, {}); },
            Qt::QueuedConnection);
    }
    void stop() override
    {
        m_log->append(QStringLiteral("%1: stop").arg(m_name));
        m_sink = nullptr;
    }

    LineEventSink *sink() const { return m_sink; }
    void setHoldBack(bool holdBack) { m_holdBack = holdBack; }
    void completeHeldBack()
    {
        for (int id : std::exchange(m_heldBack, {}))
            m_sink->commandCompleted(id, Success, {});
    }

private:
    QString m_name;
    QStringList *m_log;
    LineEventSink *m_sink = nullptr;
    bool m_holdBack = false;
    QList<int> m_heldBack;
};
} // namespace

class tst_LineRemoval : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void idleLineLeavesOnTheNextTurn_data();
    void idleLineLeavesOnTheNextTurn();
    void lineWithACallLeavesAfterItEnds_data();
    void lineWithACallLeavesAfterItEnds();
    void retiringLineTakesNoNewCall();
    void outstandingRequestHoldsTheLine();
    void sameLineIdComesBack();
    void otherLinesAreUntouched();
    void removedLineIsFreedAfterItsLastHandle_data();
    void removedLineIsFreedAfterItsLastHandle();
    void removedLineWithoutHandlesIsFreedAtOnce();

private:
    // An offered call on `provider`'s line; Connected when `answer`.
    CallSession *offer(OneLineProvider *provider, bool answer);

    std::unique_ptr<CallEngine> m_engine;
    std::unique_ptr<QAbstractItemModelTester> m_modelTester;
    QStringList m_log;
    std::vector<std::unique_ptr<OneLineProvider>> m_providers;
};

void tst_LineRemoval::init()
{
    m_log.clear();
    m_engine = std::make_unique<CallEngine>(nullptr);
    m_modelTester = std::make_unique<QAbstractItemModelTester>(
        m_engine->sessions(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    connect(m_engine.get(), &CallEngine::sessionStateChanged, this,
            [this](CallSession *session, CallState, CallState state) {
                m_log.append(QStringLiteral("%1: %2").arg(session->lineId(), stateName(state)));
            });
    connect(m_engine.get(), &CallEngine::lineRemoved, this,
            [this](Line *line) { m_log.append(QStringLiteral("removed %1").arg(line->lineId())); });
    connect(m_engine.get(), &CallEngine::linesChanged, this,
            [this] { m_log.append(QStringLiteral("lines")); });
    connect(m_engine.get(), &CallEngine::providerDetached, this, [this](LineProvider *provider) {
        m_log.append(QStringLiteral("detached %1").arg(static_cast<OneLineProvider *>(provider)->lineId()));
    });
    for (const char *name : {"a", "b"}) {
        m_providers.push_back(std::make_unique<OneLineProvider>(QString::fromLatin1(name), &m_log));
        m_engine->attachProvider(m_providers.back().get());
    }
    m_log.clear();
}

void tst_LineRemoval::cleanup()
{
    m_modelTester.reset();
    m_engine.reset();
    m_providers.clear();
}

CallSession *tst_LineRemoval::offer(OneLineProvider *provider, bool answer)
{
    QSignalSpy added(m_engine.get(), &CallEngine::sessionAdded);
    CallOffer offer;
    offer.callerNumber = QStringLiteral("5550100");
    const CallId id = provider->sink()->callOffered(provider->lineId(), offer);
    if (!id || added.count() != 1)
        return nullptr;
    auto *session = added.at(0).at(0).value<CallSession *>();
    if (answer) {
        if (session->answer() <= 0)
            return nullptr;
        if (!QTest::qWaitFor([&] { return session->state() == Connected; }, 5000))
            return nullptr;
    }
    return session;
}

void tst_LineRemoval::idleLineLeavesOnTheNextTurn_data()
{
    QTest::addColumn<QString>("history"); // what the line saw before: nothing, or a call kept or terminated
    QTest::newRow("never used") << "none";
    QTest::newRow("ended call, handle kept") << "kept";
    QTest::newRow("ended call, terminated") << "terminated";
}

void tst_LineRemoval::idleLineLeavesOnTheNextTurn()
{
    QFETCH(QString, history);
    OneLineProvider *a = m_providers.front().get();
    QPointer<Line> line = m_engine->line(a->lineId());
    QVERIFY(line);
    QPointer<CallSession> session;
    if (history != QLatin1String("none")) {
        session = offer(a, true);
        QVERIFY(session);
        a->sink()->remoteDisconnected(m_engine->callIdOf(session), DisconnectNormal, {});
        QVERIFY(session->drop(QByteArray()) > 0);
        QTRY_COMPARE(session->state(), int(Idle));
        if (history == QLatin1String("terminated"))
            QCOMPARE(session->terminate(), 0);
    }
    m_log.clear();
    QSignalSpy retiring(line, &Line::retiringChanged);
    QSignalSpy canMakeCalls(line, &Line::canMakeCallsChanged);
    m_engine->detachProvider(a);
    // At once: retiring, no new call; still listed until the engine's next turn.
    QCOMPARE(retiring.count(), 1);
    QVERIFY(canMakeCalls.count() >= 1);
    QVERIFY(line->isRetiring());
    QVERIFY(!line->canMakeCalls());
    QVERIFY(m_engine->isDetaching(a));
    QVERIFY(m_engine->lines().contains(line));
    QVERIFY(m_log.isEmpty());
    QTRY_COMPARE(m_log, (QStringList {"a: stop", "removed test/a", "lines", "detached test/a"}));
    QVERIFY(!m_engine->lines().contains(line));
    QCOMPARE(m_engine->line(a->lineId()), nullptr);
    QVERIFY(!m_engine->isDetaching(a));
    if (history == QLatin1String("kept")) {
        // TAPI: a dropped session stays queryable until terminated, its line with it (closed, without a
        // provider).
        QVERIFY(session);
        QVERIFY(line);
        QCOMPARE(session->line(), line.data());
        QVERIFY(!line->isOpen());
        QCOMPARE(line->provider(), nullptr);
        QCOMPARE(line->providerId(), QStringLiteral("test"));
        QCOMPARE(session->state(), int(Idle));
        QCOMPARE(session->lineId(), QStringLiteral("test/a"));
        QCOMPARE(session->remoteNumber(), QStringLiteral("5550100"));
        QCOMPARE(session->terminate(), 0);
    }
    // Nothing names the line any more: it is freed (removedLineIsFreedAfterItsLastHandle has the order).
    QTRY_VERIFY(!line);
    QTRY_VERIFY(!session);
    QCOMPARE(m_engine->sessionCount(), 0);
}

void tst_LineRemoval::lineWithACallLeavesAfterItEnds_data()
{
    QTest::addColumn<bool>("answered");
    QTest::addColumn<QString>("ending"); // the agent drops it, or the far end hangs up and the agent drops
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("offered, agent rejects")
        << false << "agent" << QStringList {"a: command 3",   "test/a: IDLE", "a: stop",
                                            "removed test/a", "lines",        "detached test/a"};
    QTest::newRow("connected, agent drops")
        << true << "agent" << QStringList {"a: command 3",   "test/a: IDLE", "a: stop",
                                           "removed test/a", "lines",        "detached test/a"};
    QTest::newRow("connected, far end hangs up")
        << true << "far end"
        << QStringList {"test/a: DISCONNECTED", "a: command 3", "test/a: IDLE",   "a: stop",
                        "removed test/a",       "lines",        "detached test/a"};
}

void tst_LineRemoval::lineWithACallLeavesAfterItEnds()
{
    QFETCH(bool, answered);
    QFETCH(QString, ending);
    QFETCH(QStringList, expected);
    OneLineProvider *a = m_providers.front().get();
    Line *line = m_engine->line(a->lineId());
    CallSession *session = offer(a, answered);
    QVERIFY(session);
    const int state = session->state();
    m_log.clear();
    m_engine->detachProvider(a);
    // The call goes on: the line stays (retiring) however long it takes.
    QTest::qWait(50);
    QVERIFY(m_log.isEmpty());
    QVERIFY(m_engine->lines().contains(line));
    QCOMPARE(session->state(), state);
    if (answered) {
        QVERIFY(session->hasFeature(FeatureHold)); // the call keeps what it can do
        QVERIFY(session->hold() > 0);
        QTRY_COMPARE(session->state(), int(OnHold));
        QVERIFY(session->unhold() > 0);
        QTRY_COMPARE(session->state(), int(Connected));
        m_log.clear();
    }
    if (ending == QLatin1String("far end")) {
        a->sink()->remoteDisconnected(m_engine->callIdOf(session), DisconnectNormal, {});
        QCOMPARE(session->state(), int(Disconnected));
        QTest::qWait(50);
        QVERIFY(m_engine->lines().contains(line)); // DISCONNECTED is not the end of the call here
    }
    QVERIFY(answered ? session->drop(QByteArray()) > 0 : session->reject() > 0);
    QTRY_COMPARE(m_log, expected);
    // The handle is still there and says what it was; its row in the session model too.
    QCOMPARE(session->state(), int(Idle));
    QCOMPARE(session->lineId(), QStringLiteral("test/a"));
    QCOMPARE(m_engine->sessions()->rowCount(), 1);
    QCOMPARE(m_engine->sessionCount(), 1);
    QCOMPARE(session->terminate(), 0);
    QCOMPARE(m_engine->sessionCount(), 0);
}

void tst_LineRemoval::retiringLineTakesNoNewCall()
{
    OneLineProvider *a = m_providers.front().get();
    Line *line = m_engine->line(a->lineId());
    CallSession *session = offer(a, true); // keeps the line
    QVERIFY(session);
    m_engine->detachProvider(a);
    QSignalSpy added(m_engine.get(), &CallEngine::sessionAdded);
    CallOffer offer;
    offer.callerNumber = QStringLiteral("5550101");
    QCOMPARE(a->sink()->callOffered(a->lineId(), offer), CallId(0));
    QCOMPARE(a->sink()->callOriginated(a->lineId(), QStringLiteral("200")), CallId(0));
    QCOMPARE(line->makeCall(QStringLiteral("200"), QByteArray()), int(ResourceUnavail));
    QCOMPARE(added.count(), 0);
    // The other line takes calls as before.
    Line *other = m_engine->line(m_providers.back()->lineId());
    QVERIFY(other->canMakeCalls());
    QVERIFY(other->makeCall(QStringLiteral("200"), QByteArray()) > 0);
}

void tst_LineRemoval::outstandingRequestHoldsTheLine()
{
    OneLineProvider *a = m_providers.front().get();
    CallSession *session = offer(a, true);
    QVERIFY(session);
    a->setHoldBack(true);
    const int drop = session->drop(QByteArray());
    QVERIFY(drop > 0);
    m_engine->detachProvider(a);
    // The provider says the call is gone but has not answered the drop yet: the line waits for it.
    a->sink()->callStateReported(m_engine->callIdOf(session), Idle, 0);
    QTest::qWait(50);
    QVERIFY(m_engine->line(a->lineId()));
    QSignalSpy completed(m_engine.get(), &CallEngine::requestCompleted);
    m_log.clear();
    a->completeHeldBack();
    QCOMPARE(completed.count(), 1);
    QCOMPARE(completed.at(0).at(0).toInt(), drop);
    QTRY_COMPARE(m_log, (QStringList {"a: stop", "removed test/a", "lines", "detached test/a"}));
}

void tst_LineRemoval::sameLineIdComesBack()
{
    OneLineProvider *a = m_providers.front().get();
    Line *old = m_engine->line(a->lineId());
    CallSession *session = offer(a, true);
    QVERIFY(session);
    m_engine->detachProvider(a);
    QVERIFY(session->drop(QByteArray()) > 0);
    QSignalSpy detached(m_engine.get(), &CallEngine::providerDetached);
    QVERIFY(detached.wait(5000));
    // The account comes back (changed in the settings): a new line object under the same id.
    auto again = std::make_unique<OneLineProvider>(QStringLiteral("a"), &m_log);
    QSignalSpy added(m_engine.get(), &CallEngine::lineAddedSignal);
    m_engine->attachProvider(again.get());
    QCOMPARE(added.count(), 1);
    Line *fresh = m_engine->line(again->lineId());
    QVERIFY(fresh);
    QVERIFY(fresh != old);
    QVERIFY(fresh->isOpen() && !fresh->isRetiring());
    QCOMPARE(m_engine->lines().size(), 2);
    QCOMPARE(session->line(), old); // the old handle still names the line it was on
    CallSession *next = offer(again.get(), true);
    QVERIFY(next);
    QCOMPARE(next->line(), fresh);
    m_modelTester.reset();
    m_engine.reset(); // stops `again` before it goes
}

void tst_LineRemoval::otherLinesAreUntouched()
{
    OneLineProvider *b = m_providers.back().get();
    CallSession *onB = offer(b, true);
    QVERIFY(onB);
    m_log.clear();
    m_engine->detachProvider(m_providers.front().get());
    QTRY_COMPARE(m_log, (QStringList {"a: stop", "removed test/a", "lines", "detached test/a"}));
    QCOMPARE(onB->state(), int(Connected));
    QCOMPARE(m_engine->lines().size(), 1);
    QVERIFY(m_engine->line(b->lineId())->canMakeCalls());
}

void tst_LineRemoval::removedLineIsFreedAfterItsLastHandle_data()
{
    QTest::addColumn<QString>("removal"); // while the call is up (the line waits), or after it ended
    QTest::addColumn<int>("handles"); // handles kept on the line's calls when it is removed
    QTest::newRow("removed with a call up, one handle") << "call up" << 1;
    QTest::newRow("removed after the call, one handle") << "after" << 1;
    QTest::newRow("removed after the call, two calls") << "after" << 2;
    QTest::newRow("removed after the call, a second handle") << "second handle" << 2;
}

void tst_LineRemoval::removedLineIsFreedAfterItsLastHandle()
{
    QFETCH(QString, removal);
    QFETCH(int, handles);
    OneLineProvider *a = m_providers.front().get();
    QPointer<Line> line = m_engine->line(a->lineId());
    auto endCall = [&](CallSession *session) {
        a->sink()->remoteDisconnected(m_engine->callIdOf(session), DisconnectNormal, {});
        return session->drop(QByteArray()) > 0
            && QTest::qWaitFor([&] { return session->state() == Idle; }, 5000);
    };
    QList<QPointer<CallSession>> sessions;
    CallSession *first = offer(a, true);
    QVERIFY(first);
    sessions << first;
    if (removal == QLatin1String("second handle")) {
        sessions << first->openHandle(PrivilegeMonitor);
    } else if (handles == 2) {
        QVERIFY(endCall(first));
        sessions << offer(a, true);
    }
    QCOMPARE(sessions.size(), handles);
    QVERIFY(sessions.back());
    CallSession *live = removal == QLatin1String("second handle") ? first : sessions.back().data();
    if (removal != QLatin1String("call up"))
        QVERIFY(endCall(live));
    QSignalSpy detached(m_engine.get(), &CallEngine::providerDetached);
    m_engine->detachProvider(a);
    if (removal == QLatin1String("call up")) {
        QTest::qWait(50);
        QVERIFY(m_engine->lines().contains(line));
        QVERIFY(endCall(live));
    }
    QVERIFY(detached.count() == 1 || detached.wait(5000));
    QVERIFY(!m_engine->lines().contains(line));
    QSignalSpy destroyed(line.data(), &QObject::destroyed);
    m_log.clear();
    QStringList expected;
    for (const QPointer<CallSession> &session : std::as_const(sessions)) {
        const int id = session->sessionId();
        connect(session, &CallSession::terminated, this,
                [this, id] { m_log << QStringLiteral("terminated %1").arg(id); });
        connect(session, &QObject::destroyed, this,
                [this, id] { m_log << QStringLiteral("freed %1").arg(id); });
        expected << QStringLiteral("terminated %1").arg(id) << QStringLiteral("freed %1").arg(id);
    }
    connect(line, &QObject::destroyed, this, [this] { m_log << QStringLiteral("line freed"); });
    expected << QStringLiteral("line freed");
    // Removed, yet every handle still names it and answers: nothing frees it while one is left, whatever
    // the event loop does.
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    QCoreApplication::processEvents();
    QVERIFY(line);
    QVERIFY(!line->isOpen());
    for (qsizetype i = 0; i < sessions.size(); ++i) {
        CallSession *session = sessions.at(i);
        QCOMPARE(session->line(), line.data());
        QCOMPARE(session->line()->name(), QStringLiteral("a"));
        QCOMPARE(session->lineId(), QStringLiteral("test/a"));
        QCOMPARE(session->address(), QStringLiteral("a"));
        QCOMPARE(session->state(), int(Idle));
        QCOMPARE(session->remoteNumber(), QStringLiteral("5550100"));
        QCOMPARE(session->terminate(), 0);
        if (i + 1 < sessions.size()) {
            // A handle is left: the terminated one goes, the line stays.
            QTRY_VERIFY(!sessions.at(i));
            QVERIFY(line);
            QCOMPARE(sessions.at(i + 1)->line(), line.data());
        }
    }
    // The last handle is freed first (its batch was posted first), then the line, once.
    QTRY_COMPARE(destroyed.count(), 1);
    QCOMPARE(m_log, expected);
    QVERIFY(!line);
    QCOMPARE(m_engine->sessionCount(), 0);
    QCOMPARE(m_engine->callRecordCount(), 0);
}

void tst_LineRemoval::removedLineWithoutHandlesIsFreedAtOnce()
{
    OneLineProvider *a = m_providers.front().get();
    QPointer<Line> line = m_engine->line(a->lineId());
    QSignalSpy destroyed(line.data(), &QObject::destroyed);
    QStringList *log = &m_log;
    // A slot handed the line by lineRemoved may use it until the loop turns.
    connect(m_engine.get(), &CallEngine::lineRemoved, this,
            [log](Line *removed) { *log << QStringLiteral("still %1").arg(removed->name()); });
    connect(line, &QObject::destroyed, this, [log] { *log << QStringLiteral("line freed"); });
    m_log.clear();
    m_engine->detachProvider(a);
    QTRY_COMPARE(destroyed.count(), 1);
    QCOMPARE(
        m_log,
        (QStringList {"a: stop", "removed test/a", "still a", "lines", "detached test/a", "line freed"}));
    QVERIFY(!line);
    QVERIFY(m_engine->line(m_providers.back()->lineId())); // the other line stays
}

QTEST_GUILESS_MAIN(tst_LineRemoval)
#include "tst_line_removal.moc"
