pragma Singleton
import QtQuick
import Hookline.Engine

// Why something cannot be done, in the agent's words: the human sentence for an engine error
// (Tapi.LineError) and the reason a call action is unavailable, from the session's state and features.
QtObject {
    // A short sentence for a negative result or a failed completion.
    function error(code) {
        switch (code) {
        case Tapi.InvalCallState: return qsTr("Not possible in the call's current state.")
        case Tapi.OperationUnavail: return qsTr("This line does not offer that.")
        case Tapi.OperationFailed: return qsTr("The line could not do it.")
        case Tapi.ResourceUnavail: return qsTr("The line is busy with another request; try again.")
        case Tapi.NotOwner: return qsTr("This station only monitors the call.")
        case Tapi.InvalAddress: return qsTr("That number cannot be dialled.")
        case Tapi.UserUserInfoTooBig: return qsTr("The text for the caller's system is too long for this line.")
        case Tapi.ConferenceFull: return qsTr("The conference is full.")
        case Tapi.InvalCallHandle:
        case Tapi.InvalConfCallHandle:
        case Tapi.InvalConsultCallHandle: return qsTr("That call has already ended.")
        case Tapi.InvalLineHandle:
        case Tapi.Uninitialized: return qsTr("The line is not available.")
        case Tapi.InvalParam:
        case Tapi.InvalPointer: return qsTr("The request was not valid.")
        case Tapi.NoMem: return qsTr("Out of memory.")
        }
        return qsTr("The line refused it (error 0x%1).").arg((code >>> 0).toString(16).toUpperCase())
    }

    // "Hold failed: Not possible in the call's current state."
    function failed(action, code) {
        return qsTr("%1 failed: %2").arg(action).arg(error(code))
    }

    // Why `action` (its button text, e.g. "Hold") is not available on `session` now; "" when it is.
    function unavailable(session, feature, action) {
        if (!session)
            return qsTr("Select a call first.")
        if ((session.features & feature) !== 0)
            return ""
        if (session.state === Tapi.Idle || session.state === Tapi.Disconnected)
            return qsTr("The call has ended.")
        if (session.privilege !== Tapi.PrivilegeOwner)
            return qsTr("This station only monitors the call.")
        switch (session.state) {
        case Tapi.Offering:
        case Tapi.Accepted:
            return qsTr("%1 is not available while the call is ringing.").arg(action)
        case Tapi.DialTone:
        case Tapi.Dialing:
        case Tapi.Proceeding:
        case Tapi.Ringback:
            return qsTr("%1 is not available until the other party answers.").arg(action)
        case Tapi.OnHold:
        case Tapi.OnHoldPendConf:
        case Tapi.OnHoldPendTransfer:
            return qsTr("%1 is not available while the call is on hold.").arg(action)
        case Tapi.Conferenced:
            return qsTr("%1 is not available for a party of a conference; use the conference.").arg(action)
        case Tapi.Connected:
            if (session.mode & Tapi.ConnectedInactive)
                return qsTr("%1 is not available: the call is active at another station.").arg(action)
            break
        }
        return qsTr("This line does not offer %1 now.").arg(action)
    }
}
