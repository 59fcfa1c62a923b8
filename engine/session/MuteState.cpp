#include "MuteState.h"

#include "core/Logging.h"

MuteState::MuteState(QObject *parent)
    : QObject(parent)
{ }

bool MuteState::setMuted(bool muted, Source source)
{
    if (muted == m_muted)
        return false;
    m_muted = muted;
    m_lastSource = source;
    qCDebug(lcAudio) << "mute" << muted << "by" << source;
    Q_EMIT mutedChanged(m_muted, source);
    return true;
}
