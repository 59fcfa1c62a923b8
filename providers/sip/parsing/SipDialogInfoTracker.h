#pragma once

#include "SipDialogInfo.h"

// What a subscriber knows of one address's dialogs from the NOTIFYs of one subscription (RFC 4235
// section 4.1): a full document replaces what was known, a partial one changes the dialogs it names
// (terminated ones go). Versions order the documents: one not newer than the last applied is stale and
// ignored (out of order, or repeated); a partial one that does not follow the last at once (a NOTIFY was
// lost), or comes before any full one, cannot be applied and asks for a resync: the subscriber gets the
// full state again with a new SUBSCRIBE and calls reset().
class SipDialogInfoTracker
{
public:
    enum class Result { Applied, Stale, Resync };

    Result apply(const SipDialogInfo &info);
    // A NOTIFY without a body: the notifier knows of no dialogs (Kamailio's presence server sends one
    // while nothing was published). No dialogs now; the next full document is taken whatever its version.
    void applyEmpty();
    // A new subscription: its versions start over. The dialogs known stay until its first full document.
    void reset() { m_synced = m_versionKnown = false; }
    // Forgets everything (the subscription ended for good).
    void clear();

    bool isSynced() const { return m_synced; }
    quint32 version() const { return m_version; }
    // The dialogs that are not terminated, in the order they were first reported.
    const QList<SipDialogInfo::Dialog> &dialogs() const { return m_dialogs; }
    // The address is in use while any dialog is not terminated (trying, proceeding, early, confirmed).
    bool isBusy() const { return !m_dialogs.isEmpty(); }

    // What a busy lamp shows for the address. Ringing: every live dialog is one not yet confirmed that
    // the address receives (trying, proceeding or early, the address the recipient or the direction not
    // given): a call rings there. Busy: any confirmed dialog, or one the address places itself (its
    // phone dials out). Idle: none. Ringing is in use too (isBusy).
    enum class Activity { Idle, Ringing, Busy };
    Activity activity() const;

private:
    bool m_synced = false;
    bool m_versionKnown = false; // false after an empty NOTIFY: no version to order the next one by
    quint32 m_version = 0;
    QList<SipDialogInfo::Dialog> m_dialogs;
};
