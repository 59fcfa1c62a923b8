// Prints: press-to-state-change latency (median, p99) from the moment an input report is handed to
// the transport until the session's state changed (off-hook -> CONNECTED, on-hook -> IDLE), and how
// many report descriptors per second the parser reads. Goal: under 1 ms press to state change.
//
//   bench_headset [--iterations N] [--parse-ms MS]

#include "HeadsetTestSupport.h"
#include "ReportDescriptorParser.h"
#include "SimFixture.h"
#include "backend/FakeHidBackend.h"
#include "core/Tapi.h"
#include "device/HeadsetDevice.h"
#include "device/HeadsetManager.h"
#include "devices/PhoneBinding.h"
#include "session/CallSession.h"
#include "transport/FakeHidTransport.h"

#include <QtCore/qcoreapplication.h>
#include <QtCore/qdir.h>
#include <QtCore/qelapsedtimer.h>
#include <QtCore/qtimer.h>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace hookline::hid;

namespace {
struct Figures
{
    double medianUs = 0;
    double p99Us = 0;
    double maxUs = 0;
};

Figures summarize(std::vector<qint64> ns)
{
    std::sort(ns.begin(), ns.end());
    Figures figures;
    if (ns.empty())
        return figures;
    figures.medianUs = ns[ns.size() / 2] / 1000.0;
    figures.p99Us = ns[std::min(ns.size() - 1, (ns.size() * 99) / 100)] / 1000.0;
    figures.maxUs = ns.back() / 1000.0;
    return figures;
}

// Runs the switch's due events and otherwise sleeps in the event loop until the next event (the
// I/O thread's queued report), so the waiting GUI thread does not compete with that thread for a
// core, until `done`; returns the wall time from `start` in nanoseconds, or -1 after 5 s.
template<typename Done>
qint64 waitFor(SimFixture &fx, const QElapsedTimer &start, Done done)
{
    while (!done()) {
        if (fx.sim().clock().runDue() == 0)
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
        if (start.nsecsElapsed() > 5'000'000'000LL)
            return -1;
    }
    return start.nsecsElapsed();
}

int argValue(const QStringList &args, const QString &name, int fallback)
{
    const qsizetype at = args.indexOf(name);
    return at >= 0 && at + 1 < args.size() ? args.at(at + 1).toInt() : fallback;
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int iterations = argValue(args, QStringLiteral("--iterations"), 1000);
    const int parseMs = argValue(args, QStringLiteral("--parse-ms"), 1000);

    SimFixture fx;
    auto *backend = new FakeHidBackend;
    HeadsetManager manager(backend);
    manager.setClock(&fx.sim().clock());
    PhoneBinding binding(&fx.engine());
    binding.attach(&manager);
    const HidDeviceInfo device = fixtureDevice(QStringLiteral("0b0e-0307.bin"));
    const std::shared_ptr<FakeHidTransport> transport = backend->plug(device);
    fx.settle();

    // Wakes a waiting event loop now and then, should a step ever need no Qt event to proceed.
    QTimer watchdog;
    watchdog.start(10);

    const QByteArray offHook = fromHex(QStringLiteral("02 01 00"));
    const QByteArray onHook = fromHex(QStringLiteral("02 00 00"));
    std::vector<qint64> answerNs, dropNs, answerDecodedNs, dropDecodedNs;
    // When the GUI thread had decoded the report (I/O thread + queued signal + decoding).
    qint64 decodedAt = 0;
    QElapsedTimer start;
    QObject::connect(manager.device(device.stableId()), &HeadsetDevice::inputDecoded,
                     [&] { decodedAt = start.nsecsElapsed(); });
    answerNs.reserve(size_t(iterations));
    dropNs.reserve(size_t(iterations));
    for (int i = 0; i < iterations; ++i) {
        CallSession *session = fx.offer(QStringLiteral("alice"));
        if (!session) {
            std::fprintf(stderr, "bench_headset: offer failed at iteration %d\n", i);
            return 1;
        }
        fx.sim().clock().advance(1000); // leave the echo window of the previous call's lamps
        start.start();
        transport->injectInput(offHook);
        const qint64 answered = waitFor(fx, start, [&] { return session->state() == Tapi::Connected; });
        answerDecodedNs.push_back(decodedAt);
        fx.settle();
        fx.sim().clock().advance(1000);
        start.restart();
        transport->injectInput(onHook);
        const qint64 dropped = waitFor(fx, start, [&] { return session->state() == Tapi::Idle; });
        dropDecodedNs.push_back(decodedAt);
        if (answered < 0 || dropped < 0) {
            std::fprintf(stderr, "bench_headset: no state change at iteration %d\n", i);
            return 1;
        }
        answerNs.push_back(answered);
        dropNs.push_back(dropped);
        fx.settle();
        transport->clearWrites();
    }
    const Figures answer = summarize(answerNs);
    const Figures drop = summarize(dropNs);
    std::printf("headset press -> session state change (fake transport, I/O thread, %d presses each)\n",
                iterations);
    std::printf("  off-hook -> CONNECTED: median %.1f us, p99 %.1f us, max %.1f us\n", answer.medianUs,
                answer.p99Us, answer.maxUs);
    std::printf("  on-hook  -> IDLE:      median %.1f us, p99 %.1f us, max %.1f us\n", drop.medianUs,
                drop.p99Us, drop.maxUs);
    const Figures answerDecoded = summarize(answerDecodedNs);
    const Figures dropDecoded = summarize(dropDecodedNs);
    std::printf("  of which transport -> decoded on the GUI thread: off-hook median %.1f us, p99 %.1f us; "
                "on-hook median %.1f us, p99 %.1f us\n",
                answerDecoded.medianUs, answerDecoded.p99Us, dropDecoded.medianUs, dropDecoded.p99Us);
    std::printf("  goal < 1000 us: %s\n", answer.p99Us < 1000 && drop.p99Us < 1000 ? "met (p99)" : "NOT met");

    // Parser throughput over every well-formed fixture, round robin.
    QList<QByteArray> descriptors;
    const QDir dir(QStringLiteral(TEST_DATA_DIR "/hid"));
    for (const QString &name : dir.entryList({QStringLiteral("*.bin")}, QDir::Files, QDir::Name)) {
        QFile file(dir.filePath(name));
        if (!name.startsWith(QLatin1String("malformed")) && file.open(QIODevice::ReadOnly))
            descriptors.append(file.readAll());
    }
    qint64 parsed = 0, bytes = 0, collections = 0;
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < parseMs) {
        for (const QByteArray &descriptor : std::as_const(descriptors)) {
            const DescriptorParseResult result = ReportDescriptorParser::parse(QByteArrayView(descriptor));
            collections += result.collections.size();
            bytes += descriptor.size();
            ++parsed;
        }
    }
    const double seconds = timer.nsecsElapsed() / 1e9;
    std::printf(
        "descriptor parsing: %lld descriptors (%lld fixtures, avg %.0f bytes) in %.2f s = %.0f/s (%lld "
        "telephony collections found)\n",
        parsed, qint64(descriptors.size()), parsed ? double(bytes) / parsed : 0.0, seconds, parsed / seconds,
        collections);
    return 0;
}
