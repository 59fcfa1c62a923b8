#pragma once

#include "ToneFarEnd.h"

#include "audio/CallAudioMixer.h"

#include <QtCore/qbytearray.h>
#include <QtCore/qstring.h>

#include <memory>

class AudioDevices;
class CallAudioRouter;
class CallLog;
class CallSession;
class LineAudioEndpoint;
class ConsoleSettings;
class SimFixture;

// Where the call audio tests start: a connected sim call whose voice path is a ToneFarEnd and whose audio
// goes through a CallAudioRouter that keeps a call log. The parts are public because the tests reach into
// each of them (replace the far end, reset the router to close a recording); teardown goes far end,
// router, call log, devices, switch, so nothing outlives what it watches.
class RoutedCall
{
public:
    struct Setup
    {
        ConsoleSettings *settings = nullptr; // outlives the call
        QString callLogPath;
        QByteArray playbackId; // empty: the system default earpiece
        CallAudioMixer::IoFactory io; // null: QtMultimedia devices
        int lineRate = 8000;
        double toneHz = 1000.0;
        double toneDbfs = -6.0;
    };

    // Null with `*why` when a part cannot be set up.
    static std::unique_ptr<RoutedCall> start(const Setup &setup, QString *why);
    ~RoutedCall();

    std::unique_ptr<SimFixture> fx;
    std::unique_ptr<AudioDevices> devices;
    std::unique_ptr<CallLog> log;
    std::unique_ptr<CallAudioRouter> router;
    std::shared_ptr<LineAudioEndpoint> endpoint;
    std::unique_ptr<ToneFarEnd> farEnd;
    CallSession *session = nullptr;

    // Drops and terminates the call; the recording path its call-log row holds, or why there is none.
    QString end();
};
