#include "SimFixture.h"

#include "core/Tapi.h"
#include "lines/Line.h"
#include "session/CallSession.h"

#include <QtCore/qcoreapplication.h>
#include <QtCore/qdebug.h>
#include <QtCore/qeventloop.h>
#include <QtTest/qtest.h>

using namespace Tapi;

namespace {
SimFarEnd farEnd(const QString &id, const QString &number, const QString &name, bool busy = false)
{
    SimFarEnd party;
    party.id = id;
    party.number = number;
    party.name = name;
    party.answerAfterMs = -1; // tests decide when a far end answers
    party.busy = busy;
    return party;
}

// The TAPI state each stage leaves session "A" in.
int stageState(SimFixture::Stage stage)
{
    switch (stage) {
    case SimFixture::StageIdle:
        return Idle;
    case SimFixture::StageOffering:
        return Offering;
    case SimFixture::StageAccepted:
        return Accepted;
    case SimFixture::StageDialTone:
        return DialTone;
    case SimFixture::StageDialing:
        return Dialing;
    case SimFixture::StageProceeding:
    case SimFixture::StageProceedingAlerting:
        return Proceeding;
    case SimFixture::StageRingback:
        return Ringback;
    case SimFixture::StageBusy:
        return Busy;
    case SimFixture::StageSpecialInfo:
        return SpecialInfo;
    case SimFixture::StageConnected:
        return Connected;
    case SimFixture::StageOnHold:
        return OnHold;
    case SimFixture::StageDisconnectedBusy:
        return Disconnected;
    case SimFixture::StageUnknown:
        return Unknown;
    }
    return NoState;
}

// A building block that did not get where it should: say why and hand the test a nullptr.
template<typename T>
T *fail(const char *what, const CallSession *session = nullptr)
{
    if (session)
        qWarning("SimFixture: %s (session %d is %s/%s)", what, session->sessionId(),
                 qPrintable(session->stateName()), qPrintable(session->modeName()));
    else
        qWarning("SimFixture: %s", what);
    return nullptr;
}
} // namespace

void caseRow(const char *tag)
{
    QTest::addColumn<QString>("conformanceCase");
    QTest::newRow(tag) << QString::fromLatin1(tag);
}

QStringList withIds(QStringList events, const QList<int> &ids)
{
    for (QString &event : events) {
        for (qsizetype i = 0; i < ids.size(); ++i) {
            const QString key = i == 0 ? QStringLiteral("{id}") : QStringLiteral("{id%1}").arg(i + 1);
            event.replace(key, QString::number(ids.at(i)));
        }
    }
    return events;
}

SimFixture::SimFixture(const LineCapabilities &caps, int externalOwners)
    : m_recorder(std::make_unique<EventRecorder>())
    , m_sim(std::make_unique<SimSwitch>())
    , m_engine(std::make_unique<CallEngine>(nullptr))
{
    m_engine->setClock(&m_sim->clock());
    m_recorder->attach(m_engine.get(), m_sim.get());
    QObject::connect(m_engine.get(), &CallEngine::sessionAdded, m_engine.get(),
                     [this](CallSession *session) { m_added.append(session); });
    QObject::connect(m_engine.get(), &CallEngine::requestCompleted, m_engine.get(),
                     [this](int requestId, int error) { m_completions.insert(requestId, error); });
    m_sim->addFarEnd(farEnd(QStringLiteral("alice"), QStringLiteral("2001"), QStringLiteral("Alice Archer")));
    m_sim->addFarEnd(farEnd(QStringLiteral("bob"), QStringLiteral("2002"), QStringLiteral("Bob Baker")));
    m_sim->addFarEnd(farEnd(QStringLiteral("carol"), QStringLiteral("2003"), QStringLiteral("Carol Cole")));
    m_sim->addFarEnd(farEnd(QStringLiteral("dave"), QStringLiteral("2004"), QStringLiteral("Dave Dunn")));
    m_sim->addFarEnd(farEnd(QStringLiteral("erin"), QStringLiteral("2005"), QStringLiteral("Erin Eve")));
    m_sim->addFarEnd(
        farEnd(QStringLiteral("busy"), QStringLiteral("2099"), QStringLiteral("Busy Line"), true));
    m_engine->attachProvider(m_sim.get());
    m_line = addLine(QString::fromLatin1(DefaultLineId), caps, {}, true, externalOwners);
}

SimFixture::~SimFixture()
{
    // Terminated handles were deleteLater()'d; tests may still hold them (to check that the engine
    // refuses them), so they are only freed here, before the engine that created them goes.
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    m_engine.reset();
    m_sim.reset();
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
}

Line *SimFixture::addLine(const QString &id, const LineCapabilities &caps, const QString &bridgeGroup,
                          bool primary, int externalOwners)
{
    SimSwitch::LineSetup setup;
    setup.descriptor.id = id;
    setup.descriptor.name = id;
    setup.descriptor.address = bridgeGroup.isEmpty() ? QStringLiteral("100") : bridgeGroup;
    setup.descriptor.caps = caps;
    setup.descriptor.externalOwners = externalOwners;
    setup.bridgeGroup = bridgeGroup;
    setup.primary = primary;
    m_sim->addLine(setup);
    return m_engine->line(id);
}

QString SimFixture::peerNumber(const QString &farEndId) const
{
    const SimFarEnd *party = m_sim->farEnd(farEndId);
    return party ? party->number : QString();
}

QString SimFixture::peerState(const QString &farEndId)
{
    const SimFarEnd *party = m_sim->farEnd(farEndId);
    if (!party)
        return QStringLiteral("?");
    const QString mode = modeName(party->state, party->mode);
    return stateName(party->state) + (mode.isEmpty() ? QString() : QLatin1Char('/') + mode);
}

void SimFixture::settle()
{
    // Quiet means: nothing due on the virtual clock and a full turn of the event loop that changed
    // nothing, twice in a row (a posted event may post the next one).
    int quietTurns = 0;
    for (int turn = 0; turn < 100000 && quietTurns < 2; ++turn) {
        const int before = m_recorder->count() + int(m_completions.size()) + int(m_added.size());
        QCoreApplication::processEvents(QEventLoop::AllEvents);
        const int ran = m_sim->clock().runDue();
        const int after = m_recorder->count() + int(m_completions.size()) + int(m_added.size());
        quietTurns = (ran == 0 && before == after) ? quietTurns + 1 : 0;
    }
}

bool SimFixture::runUntil(const std::function<bool()> &done, qint64 limitMs)
{
    VirtualClock &clock = m_sim->clock();
    const qint64 end = clock.elapsedMs() + limitMs;
    settle();
    while (!done()) {
        if (!clock.hasEvents() || clock.nextEventElapsed() > end)
            return false;
        clock.step();
        settle();
    }
    return true;
}

QList<CallSession *> SimFixture::sessionsAddedSince(int mark) const
{
    QList<CallSession *> result;
    for (qsizetype i = mark; i < m_added.size(); ++i)
        result.append(m_added.at(i).data());
    return result;
}

int SimFixture::completionOf(int requestId)
{
    settle();
    return m_completions.value(requestId, 1);
}

CallSession *SimFixture::offer(const QString &farEndId, Line *line, const QByteArray &uui)
{
    const int mark = addedMark();
    QString error;
    const QList<CallId> calls = m_sim->offerCall((line ? line : m_line)->lineId(), farEndId, uui, &error);
    settle();
    if (calls.isEmpty())
        return fail<CallSession>(qPrintable(QStringLiteral("offerCall failed: ") + error));
    const QList<CallSession *> added = sessionsAddedSince(mark);
    CallSession *session = added.isEmpty() ? nullptr : added.first();
    if (!session || session->state() != Offering)
        return fail<CallSession>("offered call did not reach OFFERING", session);
    return session;
}

CallSession *SimFixture::answered(const QString &farEndId, Line *line)
{
    CallSession *session = offer(farEndId, line);
    if (!session)
        return nullptr;
    if (completionOf(session->answer()) != Success || session->state() != Connected)
        return fail<CallSession>("answer did not connect", session);
    return session;
}

CallSession *SimFixture::dialOut(const QString &number, Line *line)
{
    const int mark = addedMark();
    const int id = (line ? line : m_line)->makeCall(number);
    if (id <= 0 || completionOf(id) != Success)
        return fail<CallSession>("makeCall failed");
    const QList<CallSession *> added = sessionsAddedSince(mark);
    CallSession *session = added.isEmpty() ? nullptr : added.first();
    const int expected = number.isEmpty() ? DialTone : Dialing;
    if (!session || session->state() != expected)
        return fail<CallSession>("makeCall did not reach DIALTONE/DIALING", session);
    return session;
}

bool SimFixture::connectOutbound(CallSession *session, const QString &farEndId)
{
    if (!runUntil([&] { return session->state() == Ringback; })) {
        fail<CallSession>("outbound call never reached RINGBACK", session);
        return false;
    }
    if (!m_sim->remoteAnswer(farEndId)) {
        fail<CallSession>("far end could not answer", session);
        return false;
    }
    settle();
    if (session->state() != Connected) {
        fail<CallSession>("outbound call did not connect", session);
        return false;
    }
    return true;
}

bool SimFixture::dialAndConnect(CallSession *session, const QString &farEndId)
{
    if (completionOf(session->dial(peerNumber(farEndId))) != Success) {
        fail<CallSession>("dial failed", session);
        return false;
    }
    return connectOutbound(session, farEndId);
}

CallSession *SimFixture::stage(Stage stage, QString *farEndId)
{
    const bool inbound = stage == StageIdle || stage == StageOffering || stage == StageAccepted
        || stage == StageConnected || stage == StageOnHold || stage == StageDisconnectedBusy
        || stage == StageUnknown;
    QString party = inbound ? QStringLiteral("alice") : QStringLiteral("bob");
    CallSession *a = nullptr;
    switch (stage) {
    case StageIdle:
        a = answered(party);
        if (a && (completionOf(a->drop(QByteArray())) != Success || a->state() != Idle))
            return fail<CallSession>("drop did not reach IDLE", a);
        break;
    case StageOffering:
        a = offer(party);
        break;
    case StageAccepted:
        a = offer(party);
        if (a) {
            m_sim->reportState(m_engine->callIdOf(a), Accepted, 0);
            settle();
        }
        break;
    case StageDialTone:
        a = dialOut(QString());
        break;
    case StageDialing:
        a = dialOut(peerNumber(party));
        break;
    case StageProceeding:
        a = dialOut(peerNumber(party));
        if (a && !runUntil([a] { return a->state() == Proceeding; }))
            return fail<CallSession>("never reached PROCEEDING", a);
        break;
    case StageProceedingAlerting:
        a = dialOut(peerNumber(party));
        if (a && !runUntil([a] { return a->state() == Ringback; }))
            return fail<CallSession>("never reached RINGBACK", a);
        if (a) {
            m_sim->reportState(m_engine->callIdOf(a), Proceeding, 0);
            settle();
        }
        break;
    case StageRingback:
        a = dialOut(peerNumber(party));
        if (a && !runUntil([a] { return a->state() == Ringback; }))
            return fail<CallSession>("never reached RINGBACK", a);
        break;
    case StageBusy:
        party = QStringLiteral("busy");
        a = dialOut(peerNumber(party));
        if (a && !runUntil([a] { return a->state() == Busy; }))
            return fail<CallSession>("never reached BUSY", a);
        break;
    case StageSpecialInfo:
        a = dialOut(peerNumber(party));
        if (a) {
            m_sim->reportState(m_engine->callIdOf(a), SpecialInfo, SpecialInfoNoCircuit);
            settle();
        }
        break;
    case StageConnected:
        a = answered(party);
        break;
    case StageOnHold:
        a = answered(party);
        if (a && completionOf(a->hold()) != Success)
            return fail<CallSession>("hold failed", a);
        break;
    case StageDisconnectedBusy:
        a = answered(party);
        if (a) {
            m_sim->remoteHangup(party, DisconnectBusy);
            settle();
        }
        break;
    case StageUnknown:
        a = answered(party);
        if (a) {
            m_sim->reportState(m_engine->callIdOf(a), Unknown, 0);
            settle();
        }
        break;
    }
    if (!a)
        return nullptr;
    if (a->state() != stageState(stage))
        return fail<CallSession>("stage not reached", a);
    m_recorder->name(a, QStringLiteral("A"));
    m_recorder->clear();
    if (farEndId)
        *farEndId = party;
    return a;
}

SimFixture::Conference SimFixture::conference(const QStringList &farEndIds)
{
    Conference result;
    if (farEndIds.size() < 2) {
        fail<CallSession>("a conference needs two far ends");
        return result;
    }
    CallSession *first = answered(farEndIds.first());
    if (!first)
        return result;
    int mark = addedMark();
    if (completionOf(first->setupConference()) != Success || first->state() != Conferenced) {
        fail<CallSession>("setupConference failed", first);
        return result;
    }
    CallSession *parent = first->conferenceParent();
    CallSession *consult = nullptr;
    for (CallSession *added : sessionsAddedSince(mark)) {
        if (added != parent)
            consult = added;
    }
    if (!parent || !consult) {
        fail<CallSession>("setupConference created no parent or consult");
        return result;
    }
    QList<CallSession *> members {first};
    for (qsizetype i = 1; i < farEndIds.size(); ++i) {
        if (i > 1) {
            mark = addedMark();
            if (completionOf(parent->prepareAddToConference()) != Success) {
                fail<CallSession>("prepareAddToConference failed", parent);
                return result;
            }
            const QList<CallSession *> added = sessionsAddedSince(mark);
            consult = added.isEmpty() ? nullptr : added.first();
            if (!consult) {
                fail<CallSession>("prepareAddToConference created no consult");
                return result;
            }
        }
        if (!dialAndConnect(consult, farEndIds.at(i)))
            return result;
        if (completionOf(parent->addToConference(consult)) != Success || consult->state() != Conferenced
            || parent->state() != Connected) {
            fail<CallSession>("addToConference failed", consult);
            return result;
        }
        members.append(consult);
    }
    result.parent = parent;
    result.members = members;
    m_recorder->clear();
    return result;
}
