#pragma once

#include <QtCore/qobject.h>

#include <memory>

class AgentState;
class AudioDevices;
class CallAudioRouter;
class CallEngine;
class DtmfFeedback;
class ConsoleSettings;
class RingtonePlayer;

// The console's audio as one piece: the device roles, the call audio router, the ringtone and the dial
// pad's tones, built over one settings store and torn down in a safe order (the router first, so
// recordings close and devices are released while the sessions still exist). The app, the Qt Quick tests
// and the UI benchmark compose it the same way; registerForQml() hands the singletons to QML.
class ConsoleAudio : public QObject
{
    Q_OBJECT

public:
    // `engine`, `agent` and `settings` outlive this object.
    ConsoleAudio(CallEngine *engine, AgentState *agent, ConsoleSettings *settings, QObject *parent = nullptr);
    ~ConsoleAudio() override;

    AudioDevices *devices() const { return m_devices.get(); }
    CallAudioRouter *router() const { return m_router.get(); }
    RingtonePlayer *ringtone() const { return m_ringtone.get(); }
    DtmfFeedback *dtmf() const { return m_dtmf.get(); }

    // Makes these the instances QML's CallAudioRouter, RingtonePlayer and DtmfFeedback singletons are.
    void registerForQml();

private:
    std::unique_ptr<AudioDevices> m_devices;
    std::unique_ptr<CallAudioRouter> m_router;
    std::unique_ptr<RingtonePlayer> m_ringtone;
    std::unique_ptr<DtmfFeedback> m_dtmf;
};
