#include "SipDialogInfoTracker.h"

SipDialogInfoTracker::Result SipDialogInfoTracker::apply(const SipDialogInfo &info)
{
    using State = SipDialogInfo::DialogState;
    if (m_synced && m_versionKnown && info.version <= m_version)
        return Result::Stale;
    if (!info.full && (!m_synced || !m_versionKnown || info.version != m_version + 1)) {
        m_synced = m_versionKnown = false; // only a full document helps now
        return Result::Resync;
    }
    if (info.full) {
        m_dialogs.clear();
        for (const SipDialogInfo::Dialog &dialog : info.dialogs) {
            if (dialog.state != State::Terminated)
                m_dialogs.append(dialog);
        }
    } else {
        for (const SipDialogInfo::Dialog &dialog : info.dialogs) {
            const auto known =
                std::find_if(m_dialogs.begin(), m_dialogs.end(),
                             [&](const SipDialogInfo::Dialog &d) { return d.id == dialog.id; });
            if (dialog.state == State::Terminated) {
                if (known != m_dialogs.end())
                    m_dialogs.erase(known);
            } else if (known != m_dialogs.end()) {
                *known = dialog;
            } else if (m_dialogs.size() < SipDialogInfo::MaxDialogs) {
                m_dialogs.append(dialog);
            }
        }
    }
    m_version = info.version;
    m_synced = m_versionKnown = true;
    return Result::Applied;
}

void SipDialogInfoTracker::applyEmpty()
{
    m_dialogs.clear();
    m_synced = true;
    m_versionKnown = false;
}

void SipDialogInfoTracker::clear()
{
    m_synced = m_versionKnown = false;
    m_version = 0;
    m_dialogs.clear();
}

SipDialogInfoTracker::Activity SipDialogInfoTracker::activity() const
{
    if (m_dialogs.isEmpty())
        return Activity::Idle;
    const bool talkingOrDialling =
        std::any_of(m_dialogs.cbegin(), m_dialogs.cend(), [](const SipDialogInfo::Dialog &dialog) {
            return dialog.state == SipDialogInfo::DialogState::Confirmed
                || dialog.direction == SipDialogInfo::Direction::Initiator;
        });
    return talkingOrDialling ? Activity::Busy : Activity::Ringing;
}
