#include "SoundLineProvider.h"

#include "BufferLineAudioPort.h"
#include "QtMultimediaLineAudioPort.h"
#include "QtSerialControlPort.h"
#include "SoundLineWorker.h"
#include "SoundlineLogging.h"
#include "core/Tapi.h"
#include "providers/LineEventSink.h"

#include <QtCore/qthread.h>

#include <utility>

using namespace Tapi;

SoundLineProvider::PortFactory SoundLineProvider::defaultPorts()
{
    PortFactory ports;
    ports.audio = [](const SoundLineConfig &config) -> LineAudioPort * {
        if (config.captureFile.isEmpty()) {
            if (config.captureDevice.isEmpty())
                return nullptr; // no audio configured: the worker says so
            return new QtMultimediaLineAudioPort(config.captureDevice, config.playbackDevice);
        }
        auto *port = new BufferLineAudioPort(config.captureFile);
        port->setCaptureFile(config.captureFile);
        return port;
    };
    ports.control = [](const SoundLineConfig &config) -> SerialControlPort * {
        return config.hasControlLines() ? new QtSerialControlPort(config) : nullptr;
    };
    return ports;
}

SoundLineProvider::SoundLineProvider(const QList<SoundLineConfig> &lines, const PortFactory &ports,
                                     QObject *parent)
    : QObject(parent)
    , m_configs(lines)
    , m_ports(ports)
{
    qRegisterMetaType<LineCommand>();
    qRegisterMetaType<CallerIdMessage>();
    qRegisterMetaType<LineEvent>();
}

SoundLineProvider::~SoundLineProvider()
{
    stop();
}

LineDescriptor SoundLineProvider::descriptorFor(const SoundLineConfig &config)
{
    LineDescriptor d;
    d.id = lineIdFor(config);
    d.name = config.name;
    d.address = config.number;
    // An analogue loop-start line: one call, no hold/conference/transfer/UUI, and no reject.
    d.caps.canReject = false;
    d.caps.rejectUnavailableReason = rejectUnavailableReason(config);
    d.caps.uuiDropSize = d.caps.uuiAnswerSize = d.caps.uuiMakeCallSize = d.caps.uuiSendSize = 0;
    d.caps.uuiCallInfoSize = 0;
    d.caps.maxConference = 0;
    d.caps.callFeatures = config.canSeize()
        ? (FeatureAnswer | FeatureDrop | FeatureDial | FeatureGenerateDigits | FeatureMonitorDigits)
        : (FeatureDrop | FeatureMonitorDigits);
    d.inService = false;
    d.outOfServiceReason = QStringLiteral("opening the line's devices");
    return d;
}

QString SoundLineProvider::rejectUnavailableReason(const SoundLineConfig &config)
{
    if (!config.canSeize())
        return tr("no hook relay is wired: this line can only watch calls, it rings until the "
                  "caller gives up");
    return tr("an analogue line cannot refuse a call: it rings until the caller gives up "
              "(answer and hang up would connect the caller)");
}

QStringList SoundLineProvider::limitations(const SoundLineConfig &config)
{
    QStringList result;
    result << QStringLiteral("reject: ") + rejectUnavailableReason(config);
    if (!config.canSeize())
        result << QStringLiteral(
            "answer, dial and drop of a connected call need a hook relay (serialPort and "
            "hookRelayPin); this line only monitors: ring, caller ID, tones");
    if (config.ringPin == SoundLineConfig::Pin::None)
        result << QStringLiteral("ring is detected from ring energy in the audio (no RI pin)");
    if (config.loopCurrentPin == SoundLineConfig::Pin::None)
        result << QStringLiteral("far-end hang-up only from the exchange's tones%1 (no loop-current pin)")
                      .arg(config.silenceTimeoutMs > 0 ? QStringLiteral(" or the silence timeout")
                                                       : QString());
    return result;
}

QStringList SoundLineProvider::limitations(const QString &lineId) const
{
    auto it = m_lines.find(lineId);
    return it == m_lines.end() ? QStringList() : limitations(it->config);
}

SoundLineWorker *SoundLineProvider::worker(const QString &lineId) const
{
    auto it = m_lines.find(lineId);
    return it == m_lines.end() ? nullptr : it->worker;
}

void SoundLineProvider::start(LineEventSink *sink)
{
    m_sink = sink;
    for (const SoundLineConfig &config : std::as_const(m_configs)) {
        const QString id = lineIdFor(config);
        Line &line = m_lines[id];
        line.config = config;
        line.worker = new SoundLineWorker(config, m_ports.audio ? m_ports.audio(config) : nullptr,
                                          m_ports.control ? m_ports.control(config) : nullptr);
        line.thread = new QThread(this);
        line.thread->setObjectName(QStringLiteral("soundline ") + config.id);
        line.worker->moveToThread(line.thread);
        connectWorker(line);
        for (const QString &limit : limitations(config))
            qCInfo(lcSoundline).noquote() << id << "cannot:" << limit;
        m_sink->lineAdded(this, descriptorFor(config));
        line.thread->start();
        QMetaObject::invokeMethod(line.worker, &SoundLineWorker::start, Qt::QueuedConnection);
    }
}

void SoundLineProvider::connectWorker(Line &line)
{
    const QString id = lineIdFor(line.config);
    SoundLineWorker *worker = line.worker;
    // Every connection is queued: the worker's thread reports, the engine's thread applies.
    connect(worker, &SoundLineWorker::statusChanged, this, [this, id](bool inService, const QString &reason) {
        if (m_sink)
            m_sink->lineStatusChanged(id, inService, reason);
    });
    connect(worker, &SoundLineWorker::offered, this, [this, id](const CallerIdMessage &callerId) {
        Line &l = m_lines[id];
        if (!m_sink || l.call)
            return;
        CallOffer offer;
        offer.callerNumber = callerId.number;
        offer.callerName = callerId.name;
        offer.callerIdDate = callerId.date;
        offer.numberAbsence = callerId.numberAbsence;
        offer.nameAbsence = callerId.nameAbsence;
        if (offer.callerNumber.isEmpty() && !callerId.numberAbsence.isEmpty())
            qCInfo(lcSoundline) << id << "caller number withheld:" << callerId.numberAbsence;
        offer.calledNumber = l.config.number;
        l.call = m_sink->callOffered(id, offer);
    });
    connect(worker, &SoundLineWorker::callState, this, [this, id](int state, int mode) {
        const CallId call = m_lines.value(id).call;
        if (m_sink && call)
            m_sink->callStateReported(call, state, mode);
    });
    connect(worker, &SoundLineWorker::remoteDisconnected, this, [this, id](int mode) {
        const CallId call = m_lines.value(id).call;
        if (m_sink && call)
            m_sink->remoteDisconnected(call, mode, {});
    });
    connect(worker, &SoundLineWorker::digitReceived, this, [this, id](QChar digit) {
        const CallId call = m_lines.value(id).call;
        if (m_sink && call)
            m_sink->digitReceived(call, digit);
    });
    connect(worker, &SoundLineWorker::commandDone, this, [this, id](int requestId, int error) {
        Line &l = m_lines[id];
        const bool madeCall = requestId && requestId == l.makeCallRequest;
        if (madeCall) {
            l.makeCallRequest = 0;
            if (error)
                l.call = 0; // no call came of it
        }
        if (m_sink && requestId)
            m_sink->commandCompleted(requestId, error, {});
        if (madeCall) {
            // The engine may have acted on the completion (a drop): look the line up again.
            Line &now = m_lines[id];
            if (std::shared_ptr<LineAudioEndpoint> voice = std::exchange(now.pendingVoice, nullptr))
                attachVoice(now, voice);
        }
    });
    connect(worker, &SoundLineWorker::voiceAttached, this,
            [this, id](const std::shared_ptr<LineAudioEndpoint> &endpoint) {
                Line &l = m_lines[id];
                if (l.makeCallRequest)
                    l.pendingVoice = endpoint;
                else
                    attachVoice(l, endpoint);
            });
    // By call id remembered at attach: a drop has already cleared `call` when the worker reports it.
    connect(worker, &SoundLineWorker::voiceDetached, this, [this, id] {
        Line &l = m_lines[id];
        l.pendingVoice.reset();
        if (m_sink && l.voiceCall)
            m_sink->callAudioDetached(l.voiceCall);
        l.voiceCall = 0;
    });
    connect(worker, &SoundLineWorker::lineEvent, this,
            [this, id](const LineEvent &event) { Q_EMIT lineEvent(id, event); });
}

void SoundLineProvider::attachVoice(Line &line, const std::shared_ptr<LineAudioEndpoint> &endpoint)
{
    if (!m_sink || !line.call)
        return;
    line.voiceCall = line.call;
    m_sink->callAudioAttached(line.call, endpoint);
}

void SoundLineProvider::execute(const LineCommand &command)
{
    auto it = m_lines.find(command.lineId);
    if (it == m_lines.end() || !it->worker) {
        if (command.requestId) {
            QMetaObject::invokeMethod(
                this,
                [this, request = command.requestId] {
                    if (m_sink)
                        m_sink->commandCompleted(request, InvalLineHandle, {});
                },
                Qt::QueuedConnection);
        }
        return;
    }
    Line &line = it.value();
    if (command.kind == LineCommand::MakeCall) {
        if (line.call) {
            QMetaObject::invokeMethod(
                this,
                [this, request = command.requestId] {
                    if (m_sink)
                        m_sink->commandCompleted(request, ResourceUnavail, {});
                },
                Qt::QueuedConnection);
            return;
        }
        line.call = command.call;
        line.makeCallRequest = command.requestId;
    }
    if ((command.kind == LineCommand::Release || (command.kind == LineCommand::CloseCall && command.dropCall))
        && command.call == line.call)
        line.call = 0; // the line is free for the next call once the worker has gone on-hook
    QMetaObject::invokeMethod(
        line.worker, [worker = line.worker, command] { worker->execute(command); }, Qt::QueuedConnection);
}

void SoundLineProvider::stop()
{
    for (Line &line : m_lines) {
        if (!line.thread)
            continue;
        // Explicit shutdown order: the devices are released (relay on-hook) before the thread ends.
        QMetaObject::invokeMethod(line.worker, &SoundLineWorker::shutdown, Qt::BlockingQueuedConnection);
        line.thread->quit();
        line.thread->wait();
        delete line.worker;
        line.worker = nullptr;
        delete line.thread;
        line.thread = nullptr;
    }
    m_lines.clear();
    m_sink = nullptr;
}
