import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Hookline.Engine
import Hookline.Ui
import "Formatting.js" as Fmt

// One agent on the floor: name, team, state and its ticking time, each call with its parties (a
// conference's parties under it), and a state the supervisor can force on the agent's console.
Rectangle {
    id: card
    objectName: "floorAgent"
    required property int index
    required property string agentId
    required property string name
    required property string team
    required property string state
    required property string reason
    required property double stateSinceMs
    required property var calls
    // The same calls as the supervisor's monitor handles (FloorSession), by session id.
    required property var sessions
    // The calls this agent's console coaches as a supervisor: {agentId, agentName, sessionId, mode}.
    required property var coaching
    required property var requests

    readonly property string displayName: name.length ? name : agentId
    readonly property string stateText: state === "NotReady" && reason.length
                                        ? qsTr("%1: %2").arg(Names.agentStateKey(state)).arg(Names.notReadyReason(reason))
                                        : Names.agentStateKey(state)
    readonly property string timeInState: Fmt.duration(Clock.since(stateSinceMs))
    // Coaching is no call of its own: what this supervisor listens to, and who coaches this agent's calls.
    readonly property string coachingText: {
        const parts = []
        for (const c of coaching) {
            const who = UntrustedText.display(c.agentName)
            parts.push(c.mode === "barge" ? qsTr("Barged in on %1's call").arg(who)
                       : c.mode === "whisper" ? qsTr("Whispering to %1").arg(who)
                       : qsTr("Listening to %1").arg(who))
        }
        for (const call of calls)
            for (const c of (call.coaching || [])) {
                // By name (FloorModel's calls: published, or the supervisor's own entry), else by id.
                const who = UntrustedText.display(c.supervisorName ? c.supervisorName : c.supervisorId)
                parts.push(c.mode === "barge" ? qsTr("Supervisor %1 has joined a call").arg(who)
                           : c.mode === "whisper" ? qsTr("Supervisor %1 is whispering").arg(who)
                           : qsTr("Supervisor %1 is listening").arg(who))
            }
        return parts.join(" · ")
    }
    // Calls in the order a supervisor reads them: each call, a conference followed by its parties.
    readonly property var rows: {
        const out = []
        const byId = {}
        for (const s of sessions)
            byId[s.sessionId] = s
        for (const s of sessions) {
            if (s.conference !== 0 && byId[s.conference] !== undefined)
                continue
            out.push(s)
            if (s.isConference)
                for (const m of s.members)
                    if (byId[m] !== undefined)
                        out.push(byId[m])
        }
        return out
    }

    width: ListView.view ? ListView.view.width : implicitWidth
    implicitHeight: column.implicitHeight + Theme.spacing * 2
    color: index % 2 ? Theme.surfaceAlt : Theme.surface
    border.color: Theme.border
    radius: Theme.radius
    Accessible.role: Accessible.Grouping
    Accessible.name: qsTr("%1, %2 for %3, %n call(s)", "", calls.length).arg(displayName).arg(stateText).arg(timeInState)

    function force(stateKey, reasonCode) {
        const what = stateKey === "NotReady" ? qsTr("%1: %2").arg(Names.agentStateKey(stateKey)).arg(Names.notReadyReason(reasonCode))
                                             : Names.agentStateKey(stateKey)
        requests.sent(qsTr("Set %1 to %2").arg(displayName).arg(what), FloorModel.forceState(agentId, stateKey, reasonCode))
    }

    ColumnLayout {
        id: column
        anchors.fill: parent
        anchors.margins: Theme.spacing
        spacing: 4
        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            Rectangle {
                width: 12; height: 12; radius: 6
                color: card.state === "Ready" ? Theme.success : card.state === "WrapUp" ? Theme.alert
                     : card.state === "NotReady" ? Theme.danger : Theme.mutedText
                Accessible.ignored: true
            }
            PlainLabel {
                objectName: "floorAgentName"
                Layout.preferredWidth: 200
                text: card.displayName
                font.bold: true
            }
            PlainLabel {
                Layout.preferredWidth: 100
                text: card.team
                color: Theme.mutedText
            }
            Label {
                objectName: "floorAgentState"
                Layout.preferredWidth: 180
                text: card.stateText
                color: Theme.text
                Accessible.role: Accessible.StaticText
                Accessible.name: qsTr("State: %1").arg(text)
            }
            Label {
                objectName: "floorTimeInState"
                text: card.timeInState
                font.family: "monospace"
                color: Theme.mutedText
                Accessible.role: Accessible.StaticText
                Accessible.name: qsTr("In this state for %1").arg(text)
            }
            Item { Layout.fillWidth: true }
            Button {
                id: forceButton
                objectName: "floorForceState"
                text: qsTr("Force state…")
                Accessible.name: qsTr("Force a state on %1").arg(card.displayName)
                onClicked: forceMenu.open()
                Accessible.onPressAction: forceMenu.open()
                Menu {
                    id: forceMenu
                    y: forceButton.height
                    MenuItem {
                        text: Names.agentStateKey("Ready")
                        Accessible.name: qsTr("Set %1 to %2").arg(card.displayName).arg(text)
                        onTriggered: card.force("Ready", "")
                        Accessible.onPressAction: triggered()
                    }
                    Repeater {
                        model: Names.notReadyReasons
                        MenuItem {
                            required property string modelData
                            text: qsTr("%1: %2").arg(Names.agentStateKey("NotReady")).arg(Names.notReadyReason(modelData))
                            Accessible.name: qsTr("Set %1 to %2").arg(card.displayName).arg(text)
                            onTriggered: card.force("NotReady", modelData)
                            Accessible.onPressAction: triggered()
                        }
                    }
                    MenuItem {
                        text: Names.agentStateKey("Offline")
                        Accessible.name: qsTr("Set %1 to %2").arg(card.displayName).arg(text)
                        onTriggered: card.force("Offline", "")
                        Accessible.onPressAction: triggered()
                    }
                }
            }
        }
        Label {
            objectName: "floorAgentCoaching"
            visible: text.length > 0
            text: card.coachingText
            color: Theme.text
            Accessible.role: Accessible.StaticText
            Accessible.name: text
        }
        Label {
            visible: card.rows.length === 0 && card.coaching.length === 0
            text: qsTr("No calls")
            color: Theme.mutedText
        }
        Repeater {
            model: card.rows
            FloorCallRow {
                required property var modelData
                Layout.fillWidth: true
                session: modelData
                requests: card.requests
            }
        }
    }
}
