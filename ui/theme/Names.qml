pragma Singleton
import QtQuick
import Hookline.Engine

// Human, translated names for the engine's TAPI values. The engine speaks TAPI ("CONNECTED"); the
// agent reads these.
QtObject {
    function state(value) {
        switch (value) {
        case Tapi.Idle: return qsTr("Ended")
        case Tapi.Offering: return qsTr("Incoming")
        case Tapi.Accepted: return qsTr("Accepted")
        case Tapi.DialTone: return qsTr("Dial tone")
        case Tapi.Dialing: return qsTr("Dialing")
        case Tapi.Ringback: return qsTr("Ringing")
        case Tapi.Busy: return qsTr("Busy")
        case Tapi.SpecialInfo: return qsTr("Special information")
        case Tapi.Connected: return qsTr("Connected")
        case Tapi.Proceeding: return qsTr("Proceeding")
        case Tapi.OnHold: return qsTr("On hold")
        case Tapi.Conferenced: return qsTr("In conference")
        case Tapi.OnHoldPendConf: return qsTr("On hold (adding to conference)")
        case Tapi.OnHoldPendTransfer: return qsTr("On hold (transferring)")
        case Tapi.Disconnected: return qsTr("Disconnected")
        case Tapi.Unknown: return qsTr("Unknown")
        }
        return qsTr("Not started")
    }

    // The mode that matters to an agent: whether this station takes part on a bridged line.
    function mode(stateValue, modeValue) {
        if (stateValue === Tapi.Connected && (modeValue & Tapi.ConnectedInactive))
            return qsTr("inactive here")
        if (stateValue === Tapi.Offering && (modeValue & Tapi.OfferingInactive))
            return qsTr("inactive here")
        if (stateValue === Tapi.Connected && (modeValue & Tapi.ConnectedActive))
            return qsTr("active")
        if (stateValue === Tapi.Disconnected)
            return disconnect(modeValue)
        return ""
    }

    // Why a state changed (TAPI 3's event cause), as the event log shows it; nothing for "no cause".
    function cause(value) {
        switch (value) {
        case Tapi.CecNone: return ""
        case Tapi.CecDisconnectNormal: return qsTr("hung up")
        case Tapi.CecDisconnectBusy: return qsTr("busy")
        case Tapi.CecDisconnectBadAddress: return qsTr("bad number")
        case Tapi.CecDisconnectNoAnswer: return qsTr("no answer")
        case Tapi.CecDisconnectCancelled: return qsTr("cancelled")
        case Tapi.CecDisconnectRejected: return qsTr("rejected")
        case Tapi.CecDisconnectFailed: return qsTr("failed")
        case Tapi.CecDisconnectBlocked: return qsTr("blocked")
        }
        return qsTr("other (%1)").arg(value)
    }

    function stateAndMode(stateValue, modeValue) {
        var m = mode(stateValue, modeValue)
        return m.length ? qsTr("%1 (%2)").arg(state(stateValue)).arg(m) : state(stateValue)
    }

    function disconnect(value) {
        switch (value) {
        case 0: return ""
        case Tapi.DisconnectNormal: return qsTr("hung up")
        case Tapi.DisconnectReject: return qsTr("rejected")
        case Tapi.DisconnectPickup: return qsTr("picked up elsewhere")
        case Tapi.DisconnectForwarded: return qsTr("forwarded")
        case Tapi.DisconnectBusy: return qsTr("busy")
        case Tapi.DisconnectNoAnswer: return qsTr("no answer")
        case Tapi.DisconnectBadAddress: return qsTr("bad number")
        case Tapi.DisconnectUnreachable: return qsTr("unreachable")
        case Tapi.DisconnectCongestion: return qsTr("network congestion")
        case Tapi.DisconnectIncompatible: return qsTr("incompatible")
        case Tapi.DisconnectUnavail: return qsTr("unavailable")
        case Tapi.DisconnectCancelled: return qsTr("cancelled")
        case Tapi.DisconnectBlocked: return qsTr("blocked")
        case Tapi.DisconnectDoNotDisturb: return qsTr("do not disturb")
        case Tapi.DisconnectTempFailure: return qsTr("temporary failure")
        case Tapi.DisconnectOutOfOrder: return qsTr("out of order")
        case Tapi.DisconnectNumberChanged: return qsTr("number changed")
        }
        return qsTr("other (%1)").arg(value)
    }

    function agentState(value) {
        switch (value) {
        case AgentState.Ready: return qsTr("Ready")
        case AgentState.NotReady: return qsTr("Not ready")
        case AgentState.WrapUp: return qsTr("Wrap-up")
        case AgentState.Offline: return qsTr("Offline")
        }
        return ""
    }

    // An agent state as the floor publishes it (AgentState's key: "Ready", "NotReady", ...).
    function agentStateKey(key) {
        switch (key) {
        case "Ready": return agentState(AgentState.Ready)
        case "NotReady": return agentState(AgentState.NotReady)
        case "WrapUp": return agentState(AgentState.WrapUp)
        case "Offline": return agentState(AgentState.Offline)
        }
        return key
    }

    // Reason codes for Not ready; the code is stored, the label is shown.
    readonly property var notReadyReasons: ["break", "lunch", "meeting", "training", "coaching", "technical"]
    function notReadyReason(code) {
        switch (code) {
        case "break": return qsTr("Break")
        case "lunch": return qsTr("Lunch")
        case "meeting": return qsTr("Meeting")
        case "training": return qsTr("Training")
        case "coaching": return qsTr("Coaching")
        case "technical": return qsTr("Technical problem")
        }
        return code
    }

    // Dispositions for wrap-up (and drop reasons, which pre-fill the disposition).
    readonly property var dispositions: ["resolved", "sale", "callback", "escalated", "transferred", "wrong-number", "abusive"]
    function disposition(code) {
        switch (code) {
        case "resolved": return qsTr("Resolved")
        case "sale": return qsTr("Sale")
        case "callback": return qsTr("Callback requested")
        case "escalated": return qsTr("Escalated")
        case "transferred": return qsTr("Transferred")
        case "wrong-number": return qsTr("Wrong number")
        case "abusive": return qsTr("Abusive caller")
        }
        return code
    }

    // Untrusted text is joined, never used as a format string (a name may contain "%2"), and shown with its
    // direction controls neutralised (UntrustedText: "‮evil.exe‬" must not read "exe.live").
    function caller(rawName, rawNumber) {
        const name = rawName ? UntrustedText.display(rawName) : ""
        const number = rawNumber ? UntrustedText.display(rawNumber) : ""
        if (name && name.length && number && number.length)
            return name + " (" + number + ")"
        if (name && name.length)
            return name
        if (number && number.length)
            return number
        return qsTr("Unknown caller")
    }

    // A supervisor on a call of this console (FloorCoachingLegs.marks): on the coached call, how the
    // supervisor takes part; on the supervisor's own incoming call, that it is that supervisor's line.
    // The supervisor by the name his console sent, by the floor's id when it sent none (untrusted text,
    // shown neutralised).
    function supervision(mark) {
        if (!mark)
            return ""
        const who = UntrustedText.display(mark.supervisorName || mark.supervisorId || "")
        if (mark.leg)
            return qsTr("Coaching line of supervisor %1").arg(who)
        switch (mark.mode) {
        case "listen": return qsTr("Supervisor %1 is listening").arg(who)
        case "whisper": return qsTr("Supervisor %1 is coaching you (heard by you only)").arg(who)
        case "barge": return qsTr("Supervisor %1 has joined the call").arg(who)
        }
        return ""
    }
}
