#include "FloorLoadGenerator.h"

#include "floor/FloorPublisher.h"

#include <QtCore/qcoreapplication.h>
#include <QtCore/qjsondocument.h>

#include <unistd.h>

#include <algorithm>
#include <cstdio>

FloorLoadGenerator::FloorLoadGenerator(const QString &url, int agents, int rate, int seconds, int ttlSeconds)
    : m_rate(rate)
    , m_seconds(seconds)
{
    for (int i = 0; i < agents; ++i) {
        FloorSettings identity;
        identity.agentId = QStringLiteral("agent%1").arg(i, 5, 10, QLatin1Char('0'));
        identity.agentName = QStringLiteral("Agent %1").arg(i);
        identity.team = QStringLiteral("team%1").arg(i % 10);
        m_identities.push_back(identity);
        m_agents.push_back(std::make_unique<AgentState>(nullptr));
        m_agents.back()->requestState(i % 2 ? AgentState::Ready : AgentState::NotReady,
                                      QStringLiteral("bench"));
    }
    FloorSettings settings;
    settings.servers = {url};
    settings.agentId = QStringLiteral("loadgen");
    settings.ttlSeconds = ttlSeconds;
    settings.reconnectWaitMs = 100;
    m_link.start(settings);

    connect(&m_link, &FloorLink::entryWritten, this, [this](const QString &key) {
        // Where a late change was held up: before the server took it, or after.
        if (const auto it = m_writtenAt.constFind(key); it != m_writtenAt.cend()) {
            m_ackMs.push_back((m_clock.nsecsElapsed() - *it) / 1e6);
            m_writtenAt.erase(it);
        }
        if (m_loaded || ++m_acknowledged < int(m_agents.size()))
            return;
        m_loaded = true;
        std::printf("loaded\n");
        std::fflush(stdout);
    });
    m_stdin = std::make_unique<QSocketNotifier>(STDIN_FILENO, QSocketNotifier::Read);
    connect(m_stdin.get(), &QSocketNotifier::activated, this, [this] {
        char buffer[64];
        const ssize_t n = ::read(STDIN_FILENO, buffer, sizeof buffer);
        if (n <= 0) {
            QCoreApplication::exit(1); // the supervisor went away
            return;
        }
        if (QByteArray(buffer, int(n)).contains("go"))
            go();
    });
    m_pump.setTimerType(Qt::PreciseTimer);
    m_pump.setInterval(1);
    connect(&m_pump, &QTimer::timeout, this, &FloorLoadGenerator::tick);
}

void FloorLoadGenerator::start()
{
    for (int i = 0; i < int(m_agents.size()); ++i)
        publish(i);
}

void FloorLoadGenerator::publish(int index)
{
    const FloorSettings &identity = m_identities[size_t(index)];
    m_link.setEntry(FloorPublisher::agentKey(identity.agentId),
                    QJsonDocument(FloorPublisher::agentValue(identity, *m_agents[size_t(index)]))
                        .toJson(QJsonDocument::Compact));
}

void FloorLoadGenerator::go()
{
    if (m_clock.isValid())
        return;
    m_clock.start();
    m_pump.start();
}

void FloorLoadGenerator::tick()
{
    const qint64 elapsed = m_clock.elapsed();
    if (elapsed >= qint64(m_seconds) * 1000) {
        m_pump.stop();
        std::sort(m_ackMs.begin(), m_ackMs.end());
        const auto at = [this](size_t percent) {
            return m_ackMs.empty() ? 0.0
                                   : m_ackMs[std::min(m_ackMs.size() - 1, m_ackMs.size() * percent / 100)];
        };
        std::fprintf(stderr,
                     "floor: generator, write to acknowledgement p50 %.1f ms, p99 %.1f ms, max %.1f ms\n",
                     at(50), at(99), m_ackMs.empty() ? 0.0 : m_ackMs.back());
        std::printf("sent %lld\n", qlonglong(m_sent));
        std::fflush(stdout);
        QCoreApplication::quit();
        return;
    }
    // As many changes as are due by now: the rate holds even when a turn of the loop is late.
    const qint64 due = elapsed * m_rate / 1000;
    while (m_sent < due) {
        const int index = int(m_sent % qint64(m_agents.size()));
        AgentState &agent = *m_agents[size_t(index)];
        agent.requestState(agent.state() == AgentState::Ready ? AgentState::NotReady : AgentState::Ready,
                           QStringLiteral("bench"));
        m_writtenAt.insert(FloorPublisher::agentKey(m_identities[size_t(index)].agentId),
                           m_clock.nsecsElapsed());
        publish(index);
        ++m_sent;
    }
}
