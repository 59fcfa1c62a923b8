#include "audio/ConsoleAudio.h"

#include "audio/AudioDevices.h"
#include "audio/CallAudioRouter.h"
#include "audio/DtmfFeedback.h"
#include "audio/RingtonePlayer.h"

ConsoleAudio::ConsoleAudio(CallEngine *engine, AgentState *agent, ConsoleSettings *settings, QObject *parent)
    : QObject(parent)
    , m_devices(std::make_unique<AudioDevices>(settings))
    , m_router(std::make_unique<CallAudioRouter>(engine, m_devices.get(), settings, nullptr,
                                                 CallAudioMixer::Drive::OwnTimer, nullptr))
    , m_ringtone(std::make_unique<RingtonePlayer>(m_devices.get(), settings, nullptr))
    , m_dtmf(std::make_unique<DtmfFeedback>(m_devices.get(), nullptr))
{
    m_ringtone->attach(agent);
}

ConsoleAudio::~ConsoleAudio()
{
    // Recordings closed and devices released while the sessions still exist; local sounds stop before
    // the devices they play on go.
    m_router.reset();
    m_dtmf.reset();
    m_ringtone.reset();
    m_devices.reset();
}

void ConsoleAudio::registerForQml()
{
    CallAudioRouter::setQmlInstance(m_router.get());
    RingtonePlayer::setQmlInstance(m_ringtone.get());
    DtmfFeedback::setQmlInstance(m_dtmf.get());
}
