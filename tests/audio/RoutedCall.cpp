#include "RoutedCall.h"

#include "SimFixture.h"
#include "audio/AudioDevices.h"
#include "audio/CallAudioRouter.h"
#include "core/Tapi.h"
#include "log/CallLog.h"

#include "providers/LineAudioEndpoint.h"
#include "session/CallSession.h"
#include <QtTest/qsignalspy.h>

std::unique_ptr<RoutedCall> RoutedCall::start(const Setup &setup, QString *why)
{
    auto call = std::make_unique<RoutedCall>();
    call->fx = std::make_unique<SimFixture>();
    call->devices = std::make_unique<AudioDevices>(setup.settings);
    if (!setup.playbackId.isEmpty() && !call->devices->choose(AudioDevices::Playback, setup.playbackId)) {
        *why = QStringLiteral("the earpiece %1 is not there").arg(QString::fromUtf8(setup.playbackId));
        return nullptr;
    }
    call->log = std::make_unique<CallLog>(nullptr);
    if (!call->log->open(setup.callLogPath)) {
        *why = call->log->errorString();
        return nullptr;
    }
    call->log->attach(&call->fx->engine());
    call->router = std::make_unique<CallAudioRouter>(&call->fx->engine(), call->devices.get(), setup.settings,
                                                     setup.io,
                                                     CallAudioMixer::Drive::OwnTimer, nullptr);
    call->session = call->fx->stage(SimFixture::StageConnected);
    if (!call->session) {
        *why = QStringLiteral("the sim call did not connect");
        return nullptr;
    }
    call->endpoint = std::make_shared<LineAudioEndpoint>(setup.lineRate, QStringLiteral("test far end"));
    call->fx->engine().callAudioAttached(call->fx->engine().callIdOf(call->session), call->endpoint);
    call->farEnd = std::make_unique<ToneFarEnd>(call->endpoint, setup.toneHz, setup.toneDbfs);
    return call;
}

RoutedCall::~RoutedCall()
{
    farEnd.reset();
    router.reset();
    log.reset();
    devices.reset();
    fx.reset();
}

QString RoutedCall::end()
{
    QSignalSpy written(log.get(), &CallLog::recordWritten);
    if (fx->completionOf(session->drop(QByteArray())) != Tapi::Success
        || session->terminate() != Tapi::Success)
        return QStringLiteral("the call did not end");
    if (!written.wait(10000))
        return QStringLiteral("the call log wrote no row");
    const QList<CallRecord> rows = log->records();
    return rows.size() == 1 ? rows.first().recordingPath : QStringLiteral("no row");
}
