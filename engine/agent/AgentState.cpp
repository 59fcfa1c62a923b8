#include "agent/AgentState.h"

#include "core/QmlInstance.h"
#include "core/SettingsWriter.h"

#include "core/Tapi.h"
#include "session/CallEngine.h"
#include "session/CallSession.h"

#include <QtCore/qdatetime.h>
#include <QtCore/qloggingcategory.h>
#include <QtCore/qmetaobject.h>
#include <QtCore/qsettings.h>
#include <QtQml/qjsengine.h>

#include <limits>

Q_LOGGING_CATEGORY(lcAgent, "hookline.engine.agent", QtWarningMsg)

namespace {
const QString StateKey = QStringLiteral("agent/state");
const QString ReasonKey = QStringLiteral("agent/reason");
} // namespace

AgentState::AgentState(QObject *parent)
    : QObject(parent)
    , m_stateSince(QDateTime::currentMSecsSinceEpoch())
{
    m_wrapUpTimer.setSingleShot(true);
    m_wrapUpTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_wrapUpTimer, &QTimer::timeout, this, [this] {
        qCInfo(lcAgent) << "wrap-up time is over";
        finishWrapUp();
    });
}

AgentState::~AgentState() = default;

void AgentState::setQmlInstance(AgentState *agent)
{
    QmlInstance<AgentState>::set(agent);
}

AgentState *AgentState::create(QQmlEngine *, QJSEngine *)
{
    return QmlInstance<AgentState>::get();
}

void AgentState::attach(CallEngine *engine)
{
    if (m_engine)
        disconnect(m_engine, nullptr, this, nullptr);
    m_engine = engine;
    if (!engine)
        return;
    connect(engine, &CallEngine::callsInProgressChanged, this, &AgentState::callsInProgressChanged);
    connect(engine, &CallEngine::sessionStateChanged, this, [this](CallSession *session, int, int state) {
        // A supervisor's coaching leg is no customer's call: it does not lead to wrap-up.
        if (state == Tapi::Connected && !session->isSupervisionLeg())
            m_talked = true;
        updateAlerting();
    });
    // After the handle is detached, so a terminated session is never picked again.
    connect(engine, &CallEngine::sessionTerminated, this, &AgentState::updateAlerting);
    updateDerived();
}

int AgentState::callsInProgress() const
{
    return m_engine ? m_engine->callsInProgress() : 0;
}

bool AgentState::isBusy() const
{
    return m_state == WrapUp || callsInProgress() > 0;
}

bool AgentState::canTakeCalls() const
{
    return m_state == Ready && callsInProgress() == 0;
}

void AgentState::setAutoWrapUp(bool on)
{
    if (m_autoWrapUp == on)
        return;
    m_autoWrapUp = on;
    Q_EMIT autoWrapUpChanged();
}

void AgentState::setWrapUpSeconds(int seconds)
{
    seconds = qMax(0, seconds);
    if (m_wrapUpSeconds == seconds)
        return;
    m_wrapUpSeconds = seconds;
    Q_EMIT wrapUpSecondsChanged();
}

qint64 AgentState::wrapUpRemainingMs() const
{
    if (!wrapUpTimed())
        return -1;
    return qMax<qint64>(0, m_wrapUpDeadline.remainingTime());
}

AgentState::RequestResult AgentState::requestState(State state, const QString &reasonCode)
{
    const QString reason = reasonCode.trimmed();
    if (state == WrapUp || (state == NotReady && reason.isEmpty())) {
        qCWarning(lcAgent) << "refused agent state" << state
                           << "(wrap-up is entered with startWrapUp; not ready "
                           << "needs a reason code)";
        return Refused;
    }
    if (isBusy()) {
        m_hasNext = true;
        m_nextState = state;
        m_nextReason = state == NotReady ? reason : QString();
        Q_EMIT nextStateChanged();
        return Deferred;
    }
    setState(state, state == NotReady ? reason : QString());
    clearNextState();
    return Applied;
}

void AgentState::clearNextState()
{
    if (!m_hasNext)
        return;
    m_hasNext = false;
    m_nextState = Ready;
    m_nextReason.clear();
    Q_EMIT nextStateChanged();
}

bool AgentState::startWrapUp()
{
    if (m_state == WrapUp || m_state == Offline)
        return false;
    m_beforeWrapUp = m_state;
    m_reasonBeforeWrapUp = m_reason;
    if (m_wrapUpSeconds > 0) {
        m_wrapUpDeadline.setRemainingTime(qint64(m_wrapUpSeconds) * 1000, Qt::PreciseTimer);
        m_wrapUpTimer.start(m_wrapUpSeconds * 1000);
    }
    setState(WrapUp, QString());
    Q_EMIT wrapUpDeadlineChanged();
    return true;
}

bool AgentState::extendWrapUp(int seconds)
{
    if (!wrapUpTimed() || seconds <= 0)
        return false;
    const qint64 remaining = m_wrapUpDeadline.remainingTime() + qint64(seconds) * 1000;
    m_wrapUpDeadline.setRemainingTime(remaining, Qt::PreciseTimer);
    m_wrapUpTimer.start(int(qMin<qint64>(remaining, std::numeric_limits<int>::max())));
    Q_EMIT wrapUpDeadlineChanged();
    return true;
}

bool AgentState::finishWrapUp()
{
    if (m_state != WrapUp)
        return false;
    m_wrapUpTimer.stop();
    m_talked = false;
    State next = m_beforeWrapUp;
    QString reason = m_reasonBeforeWrapUp;
    if (m_hasNext) {
        next = m_nextState;
        reason = m_nextReason;
    }
    if (callsInProgress() > 0 && m_hasNext) {
        // A new call started during wrap-up: the chosen state waits for it to end.
        setState(m_beforeWrapUp, m_reasonBeforeWrapUp);
    } else {
        setState(next, reason);
        clearNextState();
    }
    Q_EMIT wrapUpDeadlineChanged();
    return true;
}

bool AgentState::mayAlert(CallSession *session) const
{
    if (!session || !session->isValid() || !canTakeCalls())
        return false;
    return session->state() == Tapi::Offering && session->direction() == Tapi::Inbound
        && session->privilege() == Tapi::PrivilegeOwner && !(session->mode() & Tapi::OfferingInactive);
}

AgentState::State AgentState::lastingState() const
{
    if (m_hasNext)
        return m_nextState;
    return m_state == WrapUp ? m_beforeWrapUp : m_state;
}

QString AgentState::lastingReasonCode() const
{
    if (m_hasNext)
        return m_nextReason;
    return m_state == WrapUp ? m_reasonBeforeWrapUp : m_reason;
}

void AgentState::persistIn(const QString &stateFile, QSettings *earlier)
{
    delete m_settingsWriter; // nothing is written while the stored state is applied
    m_settingsWriter = nullptr;
    const QMetaEnum states = QMetaEnum::fromType<State>();
    bool ok = false;
    {
        const QSettings file(stateFile, QSettings::IniFormat);
        const QSettings &source = file.contains(StateKey) || !earlier ? file : *earlier;
        m_storedState = source.value(StateKey).toString();
        m_storedReason = source.value(ReasonKey).toString();
    }
    const QByteArray stored = m_storedState.toLatin1();
    int state = stored.isEmpty() ? -1 : states.keyToValue(stored.constData(), &ok);
    if (!ok || state == WrapUp || (state == NotReady && m_storedReason.trimmed().isEmpty())) {
        if (!stored.isEmpty())
            qCWarning(lcAgent) << "ignored the stored agent state" << stored << m_storedReason;
        state = Ready;
    }
    requestState(State(state), m_storedReason);
    if (stateFile.isEmpty())
        return;
    m_settingsWriter = new SettingsWriter(stateFile, QSettings::IniFormat, this);
    connect(this, &AgentState::stateChanged, this, &AgentState::store, Qt::UniqueConnection);
    connect(this, &AgentState::nextStateChanged, this, &AgentState::store, Qt::UniqueConnection);
    // Nothing is written here: a start leaves the files as they are; the state is stored when the agent
    // changes it.
}

void AgentState::store()
{
    if (!m_settingsWriter)
        return;
    const State state = lastingState();
    const QString name = QString::fromLatin1(QMetaEnum::fromType<State>().valueToKey(state));
    const QString reason = state == NotReady ? lastingReasonCode() : QString();
    // Calls and wrap-up change the state but not the lasting one: write only what differs.
    if (m_storedState == name && m_storedReason == reason)
        return;
    m_storedState = name;
    m_storedReason = reason;
    m_settingsWriter->setValue(StateKey, name);
    m_settingsWriter->setValue(ReasonKey, reason);
}

void AgentState::setState(State state, const QString &reason)
{
    if (m_state == state && m_reason == reason)
        return;
    const State previous = m_state;
    m_state = state;
    m_reason = reason;
    m_stateSince = QDateTime::currentMSecsSinceEpoch();
    qCInfo(lcAgent) << "agent state" << previous << "->" << state << reason;
    Q_EMIT stateChanged(state, previous);
    updateDerived();
}

void AgentState::callsInProgressChanged()
{
    if (callsInProgress() == 0 && m_state != WrapUp) {
        if (m_talked && m_autoWrapUp && m_state != Offline) {
            startWrapUp();
        } else if (m_hasNext) {
            const State next = m_nextState;
            const QString reason = m_nextReason;
            clearNextState();
            setState(next, reason);
        }
        m_talked = false;
    }
    updateDerived();
}

void AgentState::updateDerived()
{
    const bool busy = isBusy();
    if (busy != m_lastBusy) {
        m_lastBusy = busy;
        Q_EMIT busyChanged();
    }
    const bool calls = onCall();
    if (calls != (m_onCallSince > 0)) {
        m_onCallSince = calls ? QDateTime::currentMSecsSinceEpoch() : 0;
        Q_EMIT onCallChanged();
    }
    const bool canTake = canTakeCalls();
    if (canTake != m_lastCanTake) {
        m_lastCanTake = canTake;
        Q_EMIT canTakeCallsChanged();
    }
    updateAlerting();
}

void AgentState::updateAlerting()
{
    // One pass over the sessions in C++ at each change (200 calls: microseconds); QML hears only when
    // the ringing set changes.
    QList<CallSession *> ringing;
    if (m_engine && canTakeCalls()) {
        for (CallSession *session : m_engine->sessionList()) {
            if (mayAlert(session))
                ringing.append(session);
        }
    }
    // Keep the banner on the call it shows while that one may still alert.
    CallSession *alerting = m_alerting && ringing.contains(m_alerting) ? m_alerting.data()
        : ringing.isEmpty()                                            ? nullptr
                                                                       : ringing.constFirst();
    const bool ringingChanged = ringing != m_ringing;
    m_ringing = ringing;
    if (alerting != m_alerting) {
        m_alerting = alerting;
        Q_EMIT alertingSessionChanged();
    }
    if (ringingChanged)
        Q_EMIT ringingSessionsChanged();
}
