#include "FloorSupervisorBench.h"

#include "floor/FloorFilterModel.h"

#include <QtCore/qcoreapplication.h>
#include <QtCore/qdatetime.h>
#include <QtCore/qfile.h>
#include <QtQml/qqmlcomponent.h>
#include <QtQml/qqmlengine.h>
#include <QtQuick/qquickwindow.h>

#include <algorithm>
#include <cstdio>

namespace {
const QByteArray pageQml = R"(
import QtQuick
import QtQuick.Controls
import Hookline.Ui
ApplicationWindow {
    width: 1280
    height: 800
    visible: true
    FloorPage { anchors.fill: parent }
}
)";

// VmRSS of this process, in MB.
double residentMb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toDouble() / 1024.0;
    }
    return 0;
}

struct Spread
{
    double p50 = 0, p95 = 0, p99 = 0, max = 0;
};

Spread spreadOf(std::vector<double> values)
{
    Spread s;
    if (values.empty())
        return s;
    std::sort(values.begin(), values.end());
    const auto at = [&values](int percent) {
        return values[std::min(values.size() - 1, values.size() * size_t(percent) / 100)];
    };
    s.p50 = at(50);
    s.p95 = at(95);
    s.p99 = at(99);
    s.max = values.back();
    return s;
}
} // namespace

FloorSupervisorBench::FloorSupervisorBench(const Options &options)
    : m_options(options)
{
    m_clock.start();
    connect(&m_model, &QAbstractItemModel::dataChanged, this, &FloorSupervisorBench::onDataChanged);
    connect(&m_model, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex &, int first, int last) {
                for (int row = first; row <= last; ++row)
                    m_since.push_back(sinceOf(row));
                checkLoaded();
            });
    // The GUI thread's lateness: how much later than asked a 1 ms timer fires.
    m_tick.setTimerType(Qt::PreciseTimer);
    m_tick.setInterval(1);
    connect(&m_tick, &QTimer::timeout, this, [this] {
        const qint64 now = m_clock.nsecsElapsed();
        if (m_measuring && m_lastTickNs >= 0)
            m_timerLateness.push_back(std::max(0.0, (now - m_lastTickNs) / 1e6 - 1.0));
        m_lastTickNs = now;
    });
    m_deadline.setSingleShot(true);
    connect(&m_deadline, &QTimer::timeout, this, [this] { finish("deadline"); });

    m_generator.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    connect(&m_generator, &QProcess::readyReadStandardOutput, this, &FloorSupervisorBench::onGeneratorOutput);
    connect(&m_generator, &QProcess::finished, this, [this] {
        if (!m_done && m_sent < 0)
            finish("the load generator ended early");
    });
}

FloorSupervisorBench::~FloorSupervisorBench()
{
    m_window.reset();
    m_qml.reset();
    m_link.stop();
    if (m_generator.state() != QProcess::NotRunning) {
        m_generator.closeWriteChannel();
        if (!m_generator.waitForFinished(30000))
            m_generator.kill();
    }
}

qint64 FloorSupervisorBench::sinceOf(int row) const
{
    return m_model.data(m_model.index(row), FloorModel::StateSinceMsRole).toLongLong();
}

bool FloorSupervisorBench::showPage()
{
    FloorLink::setQmlInstance(&m_link);
    FloorModel::setQmlInstance(&m_model);
    AgentState::setQmlInstance(&m_agent); // the page's components read it (this console's own agent)
    ConsoleSettings::setQmlInstance(&m_settings);
    m_qml = std::make_unique<QQmlEngine>();
    m_qml->addImportPath(QStringLiteral("qrc:/qt/qml"));
    QQmlComponent component(m_qml.get());
    component.setData(pageQml, QUrl(QStringLiteral("qrc:/bench_floor/Window.qml")));
    m_window.reset(component.create());
    auto *window = qobject_cast<QQuickWindow *>(m_window.get());
    if (!window) {
        std::fprintf(stderr, "bench_floor: the floor page did not load: %s\n",
                     qPrintable(component.errorString()));
        return false;
    }
    connect(window, &QQuickWindow::frameSwapped, this, [this] {
        const qint64 now = m_clock.nsecsElapsed();
        if (m_measuring && m_lastFrameNs >= 0)
            m_frameIntervals.push_back((now - m_lastFrameNs) / 1e6);
        m_lastFrameNs = now;
    });
    return true;
}

int FloorSupervisorBench::run()
{
    if (m_options.gui) {
        if (!showPage())
            return 1;
    } else {
        m_filter = std::make_unique<FloorFilterModel>();
        m_filter->setSourceModel(&m_model);
        m_model.watch();
    }
    FloorSettings settings;
    settings.servers = {m_options.url};
    settings.agentId = QStringLiteral("supervisor");
    settings.ttlSeconds = m_options.ttlSeconds;
    settings.reconnectWaitMs = 100;
    m_link.start(settings);

    std::printf("floor: %d agents, %d changes/s for %d s, %s\n", m_options.agents, m_options.rate,
                m_options.seconds, m_options.gui ? "floor page shown" : "no window (--no-gui)");
    m_startMs = m_clock.elapsed();
    m_generator.start(QCoreApplication::applicationFilePath(),
                      {QStringLiteral("--generate"), m_options.url, QStringLiteral("--agents"),
                       QString::number(m_options.agents), QStringLiteral("--rate"),
                       QString::number(m_options.rate), QStringLiteral("--seconds"),
                       QString::number(m_options.seconds), QStringLiteral("--ttl"),
                       QString::number(m_options.ttlSeconds)});
    m_tick.start();
    // Loading, the run, and the stragglers: whatever is not done by then is reported as broken.
    m_deadline.start(120000 + m_options.seconds * 1000);
    QCoreApplication::exec();
    return m_exitCode;
}

void FloorSupervisorBench::onGeneratorOutput()
{
    m_generatorOutput += m_generator.readAllStandardOutput();
    qsizetype end;
    while ((end = m_generatorOutput.indexOf('\n')) >= 0) {
        const QByteArray line = m_generatorOutput.left(end).trimmed();
        m_generatorOutput.remove(0, end + 1);
        if (line == "loaded") {
            m_generatorLoaded = true;
            checkLoaded();
        } else if (line.startsWith("sent ")) {
            m_sent = line.mid(5).toLongLong();
            // The last changes are still on their way: wait for them (at most 5 s).
            m_deadline.start(5000);
            if (qint64(m_latencies.size()) >= m_sent)
                finish("complete");
        }
    }
}

void FloorSupervisorBench::checkLoaded()
{
    if (m_loaded || !m_generatorLoaded || m_model.count() < m_options.agents)
        return;
    m_loaded = true;
    m_loadMs = m_clock.elapsed() - m_startMs;
    m_rssLoadedMb = residentMb();
    std::printf("floor: %d agents on the model %lld ms after the generator started; resident %.1f MB\n",
                m_model.count(), qlonglong(m_loadMs), m_rssLoadedMb);
    std::fflush(stdout);
    m_measuring = true;
    m_lastFrameNs = -1; // frames before the run (idle gaps) are not counted
    m_lastTickNs = -1;
    m_generator.write("go\n");
}

void FloorSupervisorBench::onDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (int row = topLeft.row(); row <= bottomRight.row(); ++row) {
        const qint64 since = sinceOf(row);
        if (size_t(row) >= m_since.size() || since == m_since[size_t(row)])
            continue; // a refresh or a call's change: not a new state
        m_since[size_t(row)] = since;
        if (m_measuring)
            m_latencies.push_back(double(now - since));
    }
    if (m_sent >= 0 && qint64(m_latencies.size()) >= m_sent)
        finish("complete");
}

void FloorSupervisorBench::finish(const char *why)
{
    if (m_done)
        return;
    m_done = true;
    m_measuring = false;
    m_tick.stop();
    m_deadline.stop();
    const double rssAfter = residentMb();
    if (!m_loaded) {
        std::fprintf(stderr, "bench_floor: %s before all agents were loaded (%d of %d on the model)\n", why,
                     m_model.count(), m_options.agents);
        m_exitCode = 1;
        QCoreApplication::exit(1);
        return;
    }
    const Spread latency = spreadOf(m_latencies);
    std::printf("floor: %lld changes sent, %lld seen on the model (%s)\n", qlonglong(m_sent),
                qlonglong(m_latencies.size()), why);
    std::printf("floor: latency agent -> model p50 %.0f ms, p95 %.0f ms, p99 %.0f ms, max %.0f ms\n",
                latency.p50, latency.p95, latency.p99, latency.max);
    std::printf("floor: resident %.1f MB loaded, %.1f MB after the run\n", m_rssLoadedMb, rssAfter);
    const Spread lateness = spreadOf(m_timerLateness);
    std::printf("floor: GUI thread, a 1 ms timer late by p50 %.1f ms, p99 %.1f ms, max %.1f ms (%zu ticks)\n",
                lateness.p50, lateness.p99, lateness.max, m_timerLateness.size());
    if (m_options.gui) {
        const Spread frames = spreadOf(m_frameIntervals);
        std::printf("floor: %zu frames; interval p50 %.1f ms, p99 %.1f ms, max %.1f ms\n",
                    m_frameIntervals.size(), frames.p50, frames.p99, frames.max);
    }
    std::fflush(stdout);
    // Broken: nothing came through (figures that merely miss a goal are for the reader).
    m_exitCode = m_sent > 0 && !m_latencies.empty() ? 0 : 1;
    QCoreApplication::exit(m_exitCode);
}
