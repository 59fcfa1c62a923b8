// The runner's part for scenarios with SIP lines (docs/scenario-format.md, "SIP lines"): the wait for
// their registration, the wall-clock pump of a headless run and the calls real phones place to them.
#include "ScenarioRunner.h"

#include "core/Logging.h"
#include "lines/Line.h"
#include "session/CallEngine.h"

#include <QtCore/qtimer.h>

void ScenarioRunner::waitForRegistration()
{
    auto *poll = new QTimer(this);
    poll->setInterval(50);
    connect(poll, &QTimer::timeout, this, [this, poll] {
        QString failure;
        bool registered = true;
        for (const ScenarioSipLine &sip : std::as_const(m_scenario.sipLines)) {
            const Line *line = m_engine->line(m_scenario.engineLineId(sip.id));
            if (line && line->inService())
                continue;
            registered = false;
            if (m_wall.elapsed() >= sip.registerTimeoutMs && failure.isEmpty())
                failure = QStringLiteral("%1: SIP line %2 did not register within %3 ms: %4")
                              .arg(sip.where, m_scenario.engineLineId(sip.id))
                              .arg(sip.registerTimeoutMs)
                              .arg(line ? line->outOfServiceReason()
                                        : QStringLiteral("the SIP provider did not create the line"));
        }
        if (!registered && failure.isEmpty())
            return;
        poll->stop();
        poll->deleteLater();
        if (!failure.isEmpty() && !m_realTime) {
            finish(1, failure);
            return;
        }
        if (!failure.isEmpty())
            qCWarning(lcScenario).noquote() << failure; // the console shows the line out of service
        scheduleSteps();
    });
    poll->start();
}

void ScenarioRunner::pumpWallClock()
{
    if (m_finished)
        return;
    VirtualClock &clock = m_sim->clock();
    if (m_awaited.sinceMs >= 0) {
        const qint64 waited = m_wall.elapsed() - m_awaited.sinceMs;
        if (claimIncoming()) {
            m_pausedMs += waited;
            m_awaited.sinceMs = -1;
        } else if (waited >= m_awaited.step.args.value(QLatin1String("withinMs")).toInteger(10000)) {
            finish(
                1,
                QStringLiteral("%1: expected a call on SIP line %2 within %3 ms, none came")
                    .arg(m_awaited.step.where,
                         m_scenario.engineLineId(m_awaited.step.args.value(QLatin1String("line")).toString()))
                    .arg(m_awaited.step.args.value(QLatin1String("withinMs")).toInteger(10000)));
            return;
        } else {
            m_realTimePump.start(20);
            return;
        }
    }
    // One event at a time: an `incoming` step that has to wait stops the clock before later steps run.
    const qint64 target = m_wall.elapsed() - m_pausedMs;
    while (!m_finished && m_awaited.sinceMs < 0 && clock.hasEvents() && clock.nextEventElapsed() <= target)
        clock.step();
    if (m_finished)
        return;
    if (m_awaited.sinceMs >= 0) {
        m_realTimePump.start(20);
        return;
    }
    clock.advance(qMax<qint64>(0, target - clock.elapsedMs()));
    if (m_stepsLeft == 0 && !clock.hasEvents() && m_engine->pendingRequestCount() == 0) {
        finish(0, QStringLiteral("scenario '%1': every expectation held").arg(m_scenario.name));
        return;
    }
    const qint64 next = clock.hasEvents() ? clock.nextEventElapsed() - target : 50;
    m_realTimePump.start(int(qBound<qint64>(qint64(0), next, qint64(250))));
}

bool ScenarioRunner::claimIncoming()
{
    const QJsonObject &a = m_awaited.step.args;
    QList<QPointer<CallSession>> &calls =
        m_unclaimed[m_scenario.engineLineId(a.value(QLatin1String("line")).toString())];
    while (!calls.isEmpty()) {
        const QPointer<CallSession> session = calls.takeFirst();
        if (session && session->isValid()) {
            m_labels.insert(a.value(QLatin1String("as")).toString(), session);
            return true;
        }
    }
    return false;
}
