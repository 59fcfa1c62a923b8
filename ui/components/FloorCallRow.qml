import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Hookline.Engine
import Hookline.Ui
import "Formatting.js" as Fmt

// One call on the floor as its agent's console published it: the party, state, line and running time,
// and what the supervisor can ask the agent's console to do with it: drop it when it is a conference's
// party, drop the whole conference, or end the call (a stuck one is closed). The call is the supervisor's
// FloorSession: a monitor handle (it cannot drop the call itself), so each button sends a request to the
// owning console and the request log shows what came back. While this console coaches the call, the
// button of its mode is checked and says so, the other modes switch to themselves, and Stop hangs up
// this console's line into the call (the same drop as the line's own Drop button).
RowLayout {
    id: row
    objectName: "floorCall"
    // The supervisor's handle onto the call, and where requests are recorded.
    required property FloorSession session
    required property var requests
    readonly property string agentName: session ? session.agentName : ""
    readonly property bool isParty: session !== null && session.isParty
    readonly property bool isConference: session !== null && session.isConference
    readonly property string party: !session ? ""
                                    : isConference ? qsTr("Conference %1").arg(session.sessionId)
                                                   : Names.caller(session.remoteName, session.remoteNumber)
    readonly property int stateCode: session ? session.state : 0
    // Talking time once connected, else time since offered.
    readonly property string duration: !session ? ""
                                       : Fmt.duration(Clock.since(session.connectedMs > 0 ? session.connectedMs : session.offeredMs))
    spacing: Theme.spacing

    Accessible.role: Accessible.Row
    Accessible.name: qsTr("%1, %2, on %3, %4").arg(party).arg(Names.state(stateCode)).arg(session ? session.line : "").arg(duration)

    function dropParty() {
        requests.sent(qsTr("Drop %1 from %2's conference").arg(party).arg(agentName), session.requestDropParty())
    }
    function dropConference() {
        requests.sent(qsTr("Drop %1's conference").arg(agentName), session.requestDropConference())
    }
    // Listen, whisper, barge: the request, then this console's own SIP line calls the agent's console.
    readonly property var coaching: FloorModel.coaching
    readonly property bool canCoach: coaching !== null && coaching.available
    readonly property string coachingReason: coaching ? coaching.unavailableReason : qsTr("This console cannot join calls.")
    // Off where the row is narrow (the conferences across agents): the agent's card has them.
    property bool coachingShown: true
    readonly property bool coachable: coachingShown && !isParty && stateCode === 0x100 // connected
    function coach(mode, description) {
        requests.sent(description, coaching.coach(session.agentId, session.sessionId, mode))
    }
    // The mode this console coaches the call in ("listen", "whisper", "barge"); empty when it does not.
    readonly property string coachingMode: {
        if (!coaching || !session)
            return ""
        for (const c of coaching.coachingNow)
            if (c.agentId === session.agentId && c.sessionId === session.sessionId)
                return c.mode
        return ""
    }
    function stopCoaching() {
        Feedback.request(qsTr("Stop"), coaching.stop(session.agentId, session.sessionId))
    }
    function endCall() {
        requests.sent(qsTr("End %1's call with %2").arg(agentName).arg(party), session.requestEndCall())
    }

    Item { Layout.preferredWidth: row.isParty ? Theme.spacing * 3 : 0 }
    PlainLabel {
        objectName: "floorCallParty"
        Layout.fillWidth: true
        Layout.minimumWidth: Math.min(implicitWidth, 120)
        Layout.preferredWidth: 220
        Layout.maximumWidth: 220
        text: row.party
        font.bold: row.isConference
    }
    PlainLabel {
        objectName: "floorCallState"
        Layout.fillWidth: true
        Layout.minimumWidth: 60
        Layout.preferredWidth: 150
        Layout.maximumWidth: 150
        text: Names.state(row.stateCode)
    }
    PlainLabel {
        Layout.fillWidth: true
        Layout.minimumWidth: 40
        Layout.preferredWidth: 110
        Layout.maximumWidth: 110
        text: row.session ? row.session.line : ""
        color: Theme.mutedText
    }
    Label {
        objectName: "floorCallTime"
        Layout.minimumWidth: implicitWidth
        text: row.duration
        font.family: "monospace"
        color: Theme.mutedText
        Accessible.ignored: true // in the row's name
    }
    Item { Layout.fillWidth: true }
    // The buttons are as wide as their text: at the style's 80 px each, the five a coached call shows
    // (three modes, Stop, End call) left the caller's name a few characters on a 1280 px screen.
    Button {
        objectName: "floorDropParty"
        Layout.preferredWidth: implicitContentWidth + leftPadding + rightPadding + Theme.spacing
        visible: row.isParty
        text: qsTr("Drop party")
        Accessible.name: qsTr("Drop %1 from the conference").arg(row.party)
        onClicked: row.dropParty()
        Accessible.onPressAction: row.dropParty()
    }
    Button {
        objectName: "floorDropConference"
        Layout.preferredWidth: implicitContentWidth + leftPadding + rightPadding + Theme.spacing
        visible: row.isConference
        text: qsTr("Drop conference")
        Accessible.name: qsTr("Drop %1's conference").arg(row.agentName)
        onClicked: row.dropConference()
        Accessible.onPressAction: row.dropConference()
    }
    Repeater {
        model: [
            { mode: "listen", name: qsTr("Listen"), what: qsTr("Listen to %1's call with %2"), now: qsTr("Listening now") },
            { mode: "whisper", name: qsTr("Whisper"), what: qsTr("Whisper to %1 on the call with %2"), now: qsTr("Whispering now") },
            { mode: "barge", name: qsTr("Barge"), what: qsTr("Join %1's call with %2"), now: qsTr("In the call now") }
        ]
        // Unavailable ones stay focusable and give their reason (IconButton): the mode in use, or why this
        // console cannot coach.
        delegate: IconButton {
            required property var modelData
            readonly property bool current: row.coachingMode === modelData.mode
            objectName: "floorCoach_" + modelData.mode
            Layout.preferredWidth: implicitContentWidth + leftPadding + rightPadding + Theme.spacing
            visible: row.coachable
            checked: current
            // Read as checked (the mode in use) by screen readers; not checkable: a press never unchecks it.
            Accessible.checkable: true
            Accessible.checked: current
            // The mode in use is drawn pressed in and bold, not dimmed as a button that cannot act.
            opacity: actionable || current ? 1 : Theme.disabledOpacity
            palette.active.buttonText: actionable || current ? textColor : Theme.disabledText
            palette.inactive.buttonText: actionable || current ? textColor : Theme.disabledText
            font.bold: current
            available: row.canCoach && !current
            disabledReason: current ? modelData.now : row.coachingReason
            text: modelData.name
            Accessible.name: modelData.what.arg(row.agentName).arg(row.party)
            onTriggered: row.coach(modelData.mode, Accessible.name)
        }
    }
    IconButton {
        objectName: "floorStopCoaching"
        Layout.preferredWidth: implicitContentWidth + leftPadding + rightPadding + Theme.spacing
        // Also while the agent holds the call (the modes are not offered then).
        visible: row.coachingShown && !row.isParty && row.coachingMode.length > 0
        text: qsTr("Stop")
        Accessible.name: qsTr("Stop coaching %1's call with %2").arg(row.agentName).arg(row.party)
        onTriggered: row.stopCoaching()
    }
    Button {
        objectName: "floorEndCall"
        Layout.preferredWidth: implicitContentWidth + leftPadding + rightPadding + Theme.spacing
        visible: !row.isParty && !row.isConference
        text: qsTr("End call")
        Accessible.name: qsTr("End %1's call with %2").arg(row.agentName).arg(row.party)
        onClicked: row.endCall()
        Accessible.onPressAction: row.endCall()
    }
}
