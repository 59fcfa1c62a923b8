#include "SimSwitch.h"

#include "SimAudioPump.h"
#include "SimFarEndAudio.h"
#include "core/Logging.h"
#include "core/Tapi.h"
#include "lines/DialString.h"

#include <algorithm>
#include <functional>
#include <utility>
#include <vector>

using namespace Tapi;

namespace {
constexpr qint64 ProceedingDelayMs = 100;
constexpr qint64 AlertingDelayMs = 300;
} // namespace

SimSwitch::SimSwitch(QObject *parent)
    : QObject(parent)
{
    m_clock.setTimeListener([this](qint64 elapsedMs) {
        if (!m_pump)
            advanceAudio(elapsedMs);
    });
}

SimSwitch::~SimSwitch()
{
    m_pump.reset(); // the pump thread stops before the far ends' audio goes
}

void SimSwitch::start(LineEventSink *sink)
{
    m_sink = sink;
    m_stopped = false;
    for (const LineSetup &line : std::as_const(m_lines))
        m_sink->lineAdded(this, line.descriptor);
}

void SimSwitch::stop()
{
    m_stopped = true;
    m_clock.clear();
    m_sink = nullptr;
    updateAudio(); // every voice path ends with the provider
}

void SimSwitch::addLine(const LineSetup &line)
{
    m_lines.append(line);
    if (m_sink)
        m_sink->lineAdded(this, line.descriptor);
}

void SimSwitch::addFarEnd(const SimFarEnd &farEnd)
{
    if (!m_farEnds.contains(farEnd.id))
        m_farEndOrder.append(farEnd.id);
    m_farEnds.insert(farEnd.id, farEnd);
}

SimFarEnd *SimSwitch::farEnd(const QString &id)
{
    auto it = m_farEnds.find(id);
    return it == m_farEnds.end() ? nullptr : &it.value();
}

const SimFarEnd *SimSwitch::farEndByNumber(const QString &number) const
{
    // Numbers match as dialled, whatever their formatting ("+1 555 0103" is "+15550103").
    const QString wanted = DialString::normalized(number);
    for (const SimFarEnd &farEnd : m_farEnds) {
        if (farEnd.number == number || (!wanted.isEmpty() && DialString::normalized(farEnd.number) == wanted))
            return &farEnd;
    }
    return nullptr;
}

const SimSwitch::LineSetup *SimSwitch::lineSetup(const QString &lineId) const
{
    for (const LineSetup &line : m_lines) {
        if (line.descriptor.id == lineId)
            return &line;
    }
    return nullptr;
}

SimSwitch::Connection *SimSwitch::connectionOf(CallId call)
{
    auto it = m_connectionOfCall.find(call);
    if (it == m_connectionOfCall.end())
        return nullptr;
    auto connection = m_connections.find(it.value());
    return connection == m_connections.end() ? nullptr : &connection.value();
}

CallId SimSwitch::callOfFarEnd(const QString &farEndId) const
{
    for (const Connection &connection : m_connections) {
        if (connection.farEnd == farEndId && !connection.appearances.isEmpty())
            return connection.active.isEmpty() ? connection.appearances.first() : connection.active.first();
    }
    return 0;
}

void SimSwitch::setFarEnd(const QString &farEndId, int state, int mode)
{
    SimFarEnd *party = farEnd(farEndId);
    if (!party || (party->state == state && party->mode == mode))
        return;
    party->state = state;
    party->mode = mode;
    Q_EMIT farEndChanged(farEndId, state, mode);
}

void SimSwitch::execute(const LineCommand &command)
{
    if (m_stopped)
        return;
    // Completions never come from inside execute(): they run when the clock next advances.
    m_clock.schedule(m_latency, [this, command] { complete(command); });
}

void SimSwitch::complete(const LineCommand &command)
{
    if (!m_sink)
        return;
    if (m_failNext && command.requestId) {
        const int error = m_failNext;
        m_failNext = 0;
        m_sink->commandCompleted(command.requestId, error, {});
        return;
    }
    apply(command);
}

void SimSwitch::apply(const LineCommand &command)
{
    CommandOutcome outcome;
    // Far-end consequences are reported after the completion, as a switch would ([D-7] ordering).
    std::vector<std::function<void()>> after;
    auto endLater = [&](CallId call, int mode, const QByteArray &uui) {
        after.push_back([this, call, mode, uui] {
            if (Connection *connection = connectionOf(call))
                endConnection(connection, call, mode, uui);
        });
    };
    auto farEndEndMode = [&](CallId call) {
        const Connection *connection = connectionOf(call);
        const SimFarEnd *party = connection ? farEnd(connection->farEnd) : nullptr;
        return party && party->state == Offering ? int(DisconnectCancelled) : int(DisconnectNormal);
    };

    switch (command.kind) {
    case LineCommand::MakeCall:
        m_lineOfCall.insert(command.call, command.lineId);
        if (!command.digits.isEmpty())
            after.push_back([this, command] { startOutbound(command.call, command.digits, command.uui); });
        else if (!command.uui.isEmpty())
            m_setupUuiOfCall.insert(command.call, command.uui);
        break;
    case LineCommand::Dial:
        if (Connection *connection = connectionOf(command.call)) {
            if (SimFarEnd *party = farEnd(connection->farEnd))
                party->receivedDigits += command.digits;
        } else {
            after.push_back([this, command, uui = m_setupUuiOfCall.take(command.call)] {
                startOutbound(command.call, command.digits, uui);
            });
        }
        break;
    case LineCommand::Answer:
        if (Connection *connection = connectionOf(command.call)) {
            const bool firstAnswer = connection->active.isEmpty();
            if (!connection->active.contains(command.call))
                connection->active.append(command.call);
            const QString party = connection->farEnd;
            if (firstAnswer)
                after.push_back([this, call = command.call] { otherStationAnswered(call); });
            // The answer's UUI reaches the caller with the answer (before it sees CONNECTED).
            if (!command.uui.isEmpty())
                after.push_back([this, party, uui = command.uui] { deliverUui(party, uui); });
            after.push_back([this, party] { setFarEnd(party, Connected, ConnectedActive); });
        }
        if (command.other && command.otherAction == AnswerDrop)
            endLater(command.other, DisconnectNormal, {});
        break;
    case LineCommand::Release:
        m_setupUuiOfCall.remove(command.call);
        releaseAppearance(command.call, command.farEndMode, command.uui, &outcome, true);
        if (!outcome.activeElsewhere)
            endLater(command.call, command.farEndMode, command.uui);
        break;
    case LineCommand::ReleaseConference:
        if (command.other)
            endLater(command.other, farEndEndMode(command.other), {});
        for (CallId member : command.members) {
            if (command.clearParties) {
                endLater(member, DisconnectNormal, {});
            } else {
                // [D-8]: the parties stay connected to each other; this station just leaves.
                after.push_back([this, member] {
                    if (Connection *connection = connectionOf(member)) {
                        for (CallId appearance : std::as_const(connection->appearances))
                            m_connectionOfCall.remove(appearance);
                        m_connections.remove(connection->id);
                    }
                });
            }
        }
        break;
    case LineCommand::Hold:
        if (othersTakePart(command.call)) {
            // [D-15]: no hold of a shared call while other stations take part; nothing changes.
            m_sink->commandCompleted(command.requestId, OperationUnavail, {});
            return;
        }
        break;
    case LineCommand::SetupConference:
    case LineCommand::PrepareAddToConference:
    case LineCommand::SetupTransfer:
    case LineCommand::AddToConference:
    case LineCommand::Reconnect:
        if (command.kind == LineCommand::SetupConference
            || command.kind == LineCommand::PrepareAddToConference
            || command.kind == LineCommand::SetupTransfer)
            m_lineOfCall.insert(command.other, command.lineId);
        break;
    case LineCommand::Unhold:
        if (command.other)
            endLater(command.other, farEndEndMode(command.other), {});
        break;
    case LineCommand::RemoveFromConference: {
        const LineSetup *line = lineSetup(command.lineId);
        if (line && line->descriptor.caps.removeFromConfState == Idle)
            endLater(command.call, DisconnectNormal, {});
        break;
    }
    case LineCommand::CompleteTransfer:
        // The two far ends are now connected to each other; this station is out of both calls.
        for (CallId call : {command.call, command.other}) {
            if (Connection *connection = connectionOf(call)) {
                for (CallId appearance : std::as_const(connection->appearances))
                    m_connectionOfCall.remove(appearance);
                m_connections.remove(connection->id);
            }
        }
        break;
    case LineCommand::BlindTransfer:
        // The far end is handed to the destination and talks on there; this station is out of the call.
        if (Connection *connection = connectionOf(command.call)) {
            if (SimFarEnd *party = farEnd(connection->farEnd))
                party->transferredTo = command.digits;
            for (CallId appearance : std::as_const(connection->appearances))
                m_connectionOfCall.remove(appearance);
            m_connections.remove(connection->id);
        }
        break;
    case LineCommand::SendUserUserInfo:
        if (Connection *connection = connectionOf(command.call)) {
            const QString party = connection->farEnd;
            const QByteArray uui = command.uui;
            after.push_back([this, party, uui] { deliverUui(party, uui); });
        }
        break;
    case LineCommand::CloseCall:
        if (command.dropCall) {
            CommandOutcome ignored;
            releaseAppearance(command.call, command.farEndMode, {}, &ignored, false);
            if (Connection *connection = connectionOf(command.call))
                endConnection(connection, command.call, command.farEndMode, {});
        } else if (Connection *connection = connectionOf(command.call)) {
            // CLOSEDROP = FALSE: the call goes on under external control.
            connection->appearances.removeAll(command.call);
            connection->active.removeAll(command.call);
            m_connectionOfCall.remove(command.call);
        }
        break;
    }
    if (command.requestId)
        m_sink->commandCompleted(command.requestId, Success, outcome);
    for (auto &effect : after) {
        if (!m_sink)
            break;
        effect();
    }
    reportParticipants();
    updateAudio();
}

bool SimSwitch::othersTakePart(CallId call)
{
    const Connection *connection = connectionOf(call);
    if (!connection)
        return false;
    for (CallId other : connection->active) {
        if (other != call)
            return true;
    }
    return false;
}

void SimSwitch::reportParticipants()
{
    if (!m_sink || !m_reportsParticipants)
        return;
    QHash<CallId, int> now;
    for (const Connection &connection : std::as_const(m_connections)) {
        for (CallId appearance : connection.appearances) {
            const int others =
                int(connection.active.size()) - (connection.active.contains(appearance) ? 1 : 0);
            if (others > 0)
                now.insert(appearance, others);
        }
    }
    const QHash<CallId, int> before = std::exchange(m_reportedOthers, now);
    for (auto it = before.cbegin(); it != before.cend(); ++it) {
        if (!now.contains(it.key()) && m_connectionOfCall.contains(it.key()))
            m_sink->callParticipantsChanged(it.key(), 0);
    }
    for (auto it = now.cbegin(); it != now.cend(); ++it) {
        if (before.value(it.key()) != it.value())
            m_sink->callParticipantsChanged(it.key(), it.value());
    }
}

void SimSwitch::otherStationAnswered(CallId answered)
{
    // [D-16]: the other appearances of a call offered at several stations follow the answer: a shared
    // address keeps them as inactive appearances (they can join), the others lose the call.
    Connection *connection = connectionOf(answered);
    if (!connection || !m_sink)
        return;
    const QList<CallId> appearances = connection->appearances;
    for (CallId appearance : appearances) {
        if (appearance == answered || connection->active.contains(appearance))
            continue;
        const LineSetup *line = lineSetup(m_lineOfCall.value(appearance));
        if (line && line->descriptor.caps.addressSharing == SharingBridgedShared) {
            m_sink->callStateReported(appearance, Connected, ConnectedInactive);
        } else {
            connection->appearances.removeAll(appearance);
            m_connectionOfCall.remove(appearance);
            m_sink->callCleared(appearance);
        }
    }
}

void SimSwitch::releaseAppearance(CallId call, int farEndMode, const QByteArray &uui, CommandOutcome *outcome,
                                  bool deferFarEnd)
{
    Q_UNUSED(uui);
    Q_UNUSED(deferFarEnd);
    Connection *connection = connectionOf(call);
    if (!connection)
        return;
    const bool wasActive = connection->active.removeAll(call) > 0;
    const LineSetup *line = lineSetup(m_lineOfCall.value(call));
    const bool bridged = line && line->descriptor.caps.isBridged();
    if (bridged && wasActive && !connection->active.isEmpty()) {
        outcome->activeElsewhere = true; // stays an (inactive) appearance of the live call
        return;
    }
    if (farEndMode == 0 && connection->appearances.size() > 1) {
        // [D-9]: a non-alerting station releases only its own appearance.
        connection->appearances.removeAll(call);
        m_connectionOfCall.remove(call);
    }
}

void SimSwitch::endConnection(Connection *connection, CallId except, int farEndMode, const QByteArray &uui)
{
    const QList<CallId> appearances = connection->appearances;
    const QString party = connection->farEnd;
    const int id = connection->id;
    for (CallId appearance : appearances)
        m_connectionOfCall.remove(appearance);
    m_connections.remove(id);
    for (CallId appearance : appearances) {
        if (appearance != except && m_sink)
            m_sink->callCleared(appearance);
    }
    SimFarEnd *p = farEnd(party);
    if (!p || p->state == Idle || p->state == Disconnected || farEndMode == 0)
        return;
    if (!uui.isEmpty()) {
        p->receivedUui.append(uui);
        Q_EMIT farEndReceivedUserUserInfo(party, uui);
    }
    setFarEnd(party, Disconnected, farEndMode);
}

void SimSwitch::deliverUui(const QString &farEndId, const QByteArray &uui)
{
    if (SimFarEnd *p = farEnd(farEndId)) {
        p->receivedUui.append(uui);
        Q_EMIT farEndReceivedUserUserInfo(farEndId, uui);
    }
}

void SimSwitch::startOutbound(CallId call, const QString &number, const QByteArray &uui)
{
    if (!m_sink)
        return;
    QString partyId;
    if (const SimFarEnd *known = farEndByNumber(number)) {
        partyId = known->id;
    } else {
        SimFarEnd anonymous;
        anonymous.id = number;
        anonymous.number = number;
        addFarEnd(anonymous);
        partyId = number;
    }
    SimFarEnd *party = farEnd(partyId);
    party->state = Idle;
    party->mode = 0;
    Connection connection;
    connection.id = m_nextConnection++;
    connection.farEnd = partyId;
    connection.appearances.append(call);
    m_connections.insert(connection.id, connection);
    m_connectionOfCall.insert(call, connection.id);
    m_sink->callStateReported(call, Dialing, 0);
    const int connectionId = connection.id;
    auto stillOurs = [this, call, connectionId] {
        return m_connectionOfCall.value(call) == connectionId;
    };
    m_clock.schedule(ProceedingDelayMs, [this, call, stillOurs] {
        if (stillOurs() && m_sink)
            m_sink->callStateReported(call, Proceeding, 0);
    });
    m_clock.schedule(AlertingDelayMs, [this, call, partyId, stillOurs, uui] {
        if (!stillOurs() || !m_sink)
            return;
        SimFarEnd *p = farEnd(partyId);
        if (p->busy) {
            m_sink->callStateReported(call, Busy, BusyStation);
            return;
        }
        // The set-up's UUI is there when the far end is offered the call.
        if (!uui.isEmpty())
            deliverUui(partyId, uui);
        setFarEnd(partyId, Offering, OfferingActive);
        m_sink->callStateReported(call, Ringback, 0);
        updateAudio(); // early media, when the far end has some
        if (p->answerAfterMs >= 0) {
            m_clock.schedule(p->answerAfterMs, [this, partyId, stillOurs] {
                if (stillOurs())
                    remoteAnswer(partyId);
            });
        }
    });
}

QList<CallId> SimSwitch::offerCall(const QString &lineId, const QString &farEndId, const QByteArray &uui,
                                   QString *error)
{
    QList<CallId> calls;
    const LineSetup *line = lineSetup(lineId);
    SimFarEnd *party = farEnd(farEndId);
    if (!line || !party || !m_sink) {
        if (error)
            *error = !line ? QStringLiteral("unknown line '%1'").arg(lineId)
                           : QStringLiteral("unknown far end '%1'").arg(farEndId);
        return calls;
    }
    // A bridged address alerts at the primary station and appears inactive at the others [OM].
    QList<const LineSetup *> stations {line};
    if (!line->bridgeGroup.isEmpty()) {
        stations.clear();
        for (const LineSetup &other : std::as_const(m_lines)) {
            if (other.bridgeGroup == line->bridgeGroup)
                stations.append(&other);
        }
    }
    Connection connection;
    connection.id = m_nextConnection++;
    connection.farEnd = farEndId;
    m_connections.insert(connection.id, connection);
    for (const LineSetup *station : std::as_const(stations)) {
        CallOffer offer;
        offer.callerNumber = party->number;
        offer.callerName = party->name;
        offer.calledNumber = line->descriptor.address;
        offer.uui = uui;
        offer.offeringMode =
            (station->bridgeGroup.isEmpty() || station->primary) ? OfferingActive : OfferingInactive;
        const CallId call = m_sink->callOffered(station->descriptor.id, offer);
        if (call == 0)
            continue; // monitored address or closed line: no appearance
        m_connections[connection.id].appearances.append(call);
        m_connectionOfCall.insert(call, connection.id);
        m_lineOfCall.insert(call, station->descriptor.id);
        calls.append(call);
    }
    setFarEnd(farEndId, Ringback);
    return calls;
}

bool SimSwitch::remoteAnswer(const QString &farEndId, QString *error)
{
    for (Connection &connection : m_connections) {
        if (connection.farEnd != farEndId || connection.appearances.isEmpty())
            continue;
        SimFarEnd *party = farEnd(farEndId);
        if (!party || party->state != Offering)
            break;
        setFarEnd(farEndId, Connected, ConnectedActive);
        const CallId call = connection.appearances.first();
        if (!connection.active.contains(call))
            connection.active.append(call);
        m_sink->callStateReported(call, Connected, ConnectedActive);
        reportParticipants();
        updateAudio();
        return true;
    }
    if (error)
        *error = QStringLiteral("far end '%1' has no call alerting it").arg(farEndId);
    return false;
}

bool SimSwitch::remoteHangup(const QString &farEndId, int disconnectMode, const QByteArray &uui,
                             QString *error)
{
    for (auto it = m_connections.begin(); it != m_connections.end(); ++it) {
        if (it->farEnd != farEndId)
            continue;
        const QList<CallId> appearances = it->appearances;
        for (CallId appearance : appearances)
            m_connectionOfCall.remove(appearance);
        m_connections.erase(it);
        setFarEnd(farEndId, Idle);
        updateAudio(); // the far end's voice stops before its hang-up is reported
        for (CallId appearance : appearances) {
            if (m_sink)
                m_sink->remoteDisconnected(appearance, disconnectMode ? disconnectMode : DisconnectNormal,
                                           uui);
        }
        return true;
    }
    if (error)
        *error = QStringLiteral("far end '%1' is in no call").arg(farEndId);
    return false;
}

bool SimSwitch::remoteUserUserInfo(const QString &farEndId, const QByteArray &uui, QString *error)
{
    const CallId call = callOfFarEnd(farEndId);
    if (!call || !m_sink) {
        if (error)
            *error = QStringLiteral("far end '%1' is in no call").arg(farEndId);
        return false;
    }
    for (CallId appearance : connectionOf(call)->appearances)
        m_sink->userUserInfoReceived(appearance, uui);
    return true;
}

bool SimSwitch::remoteDigits(const QString &farEndId, const QString &digits, QString *error)
{
    const CallId call = callOfFarEnd(farEndId);
    if (!call || !m_sink) {
        if (error)
            *error = QStringLiteral("far end '%1' is in no call").arg(farEndId);
        return false;
    }
    for (QChar digit : digits)
        m_sink->digitReceived(call, digit);
    return true;
}

void SimSwitch::reportState(CallId call, int state, int mode)
{
    if (m_sink)
        m_sink->callStateReported(call, state, mode);
}

void SimSwitch::setLineInService(const QString &lineId, bool inService, const QString &reason)
{
    if (m_sink)
        m_sink->lineStatusChanged(lineId, inService, reason);
}

void SimSwitch::closeLine(const QString &lineId)
{
    if (m_sink)
        m_sink->lineClosed(lineId);
}
