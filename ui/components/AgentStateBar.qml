import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Hookline.Engine
import Hookline.Ui
import "Formatting.js" as Fmt

// The agent's state and the next state (chosen while busy), "On call" while a call is in progress, the
// time in the state (or on the calls), the wrap-up timer with Extend and Finish, and the microphone.
// Two shortcuts change the state: Ready at once, and the state menu for the keyboard.
RowLayout {
    id: bar
    objectName: "agentStateBar"
    spacing: Theme.spacing

    property var shortcuts: ConsoleSettings.shortcutSequences // { ready: ..., stateMenu: ... }: the settings'
    function openStateMenu() {
        stateMenu.open()
        stateMenu.currentIndex = 0
        stateMenu.forceActiveFocus(Qt.ShortcutFocusReason)
    }
    function requestReady() {
        const result = AgentState.requestState(AgentState.Ready)
        if (result === AgentState.Deferred)
            Feedback.show(qsTr("Ready after this call."))
        return result
    }
    Shortcut {
        objectName: "readyShortcut"
        sequence: bar.shortcuts.ready || ""
        context: Qt.ApplicationShortcut
        onActivated: bar.requestReady()
    }
    Shortcut {
        objectName: "stateMenuShortcut"
        sequence: bar.shortcuts.stateMenu || ""
        context: Qt.ApplicationShortcut
        onActivated: bar.openStateMenu()
    }

    property int tick: 0
    Timer { interval: 500; running: AgentState.wrapUpTimed; repeat: true; onTriggered: bar.tick++ }

    Rectangle {
        width: 12; height: 12; radius: 6
        color: AgentState.state === AgentState.Ready ? Theme.success
             : AgentState.state === AgentState.WrapUp ? Theme.alert
             : AgentState.state === AgentState.NotReady ? Theme.danger : Theme.mutedText
    }
    Label {
        objectName: "agentStateLabel"
        text: AgentState.state === AgentState.NotReady
              ? qsTr("%1: %2").arg(Names.agentState(AgentState.state)).arg(Names.notReadyReason(AgentState.reasonCode))
              : Names.agentState(AgentState.state)
        font.bold: true
        color: Theme.text
        Accessible.role: Accessible.StaticText
        Accessible.name: qsTr("Agent state: %1").arg(text)
    }
    Label {
        objectName: "onCallLabel"
        visible: AgentState.onCall
        text: qsTr("On call")
        font.bold: true
        color: Theme.accent
        Accessible.role: Accessible.StaticText
        Accessible.name: text
    }
    // Time on the current calls while on a call, otherwise in the agent state; one tick with the call times.
    Label {
        objectName: "timeInState"
        font.family: "monospace"
        color: Theme.mutedText
        text: Fmt.duration(Clock.since(AgentState.onCall ? AgentState.onCallSinceMs : AgentState.stateSinceMs))
        Accessible.role: Accessible.StaticText
        Accessible.name: AgentState.onCall ? qsTr("On call for %1").arg(text) : qsTr("In this state for %1").arg(text)
    }
    Label {
        objectName: "wrapUpRemaining"
        visible: AgentState.wrapUpTimed
        text: { bar.tick; return qsTr("%n s left", "", Math.ceil(AgentState.wrapUpRemainingMs / 1000)) }
        color: Theme.alert
    }
    Button {
        objectName: "extendWrapUpButton"
        visible: AgentState.wrapUpTimed
        text: qsTr("+30 s")
        Accessible.name: qsTr("Extend wrap-up by 30 seconds")
        onClicked: AgentState.extendWrapUp(30)
    }
    Button {
        objectName: "finishWrapUpButton"
        visible: AgentState.state === AgentState.WrapUp
        text: qsTr("Finish wrap-up")
        Accessible.name: text
        onClicked: AgentState.finishWrapUp()
    }
    Button {
        id: stateButton
        objectName: "agentStateButton"
        text: AgentState.busy ? qsTr("Next state…") : qsTr("Change state…")
        Accessible.name: AgentState.busy ? qsTr("Choose the state after this call") : qsTr("Change the agent state")
        onClicked: stateMenu.open()
        Menu {
            id: stateMenu
            y: stateButton.height
            MenuItem {
                objectName: "readyMenuItem"
                text: qsTr("Ready")
                Accessible.name: text
                onTriggered: AgentState.requestState(AgentState.Ready)
            }
            Menu {
                title: qsTr("Not ready")
                Repeater {
                    model: Names.notReadyReasons
                    MenuItem {
                        required property string modelData
                        text: Names.notReadyReason(modelData)
                        Accessible.name: qsTr("Not ready: %1").arg(text)
                        onTriggered: AgentState.requestState(AgentState.NotReady, modelData)
                    }
                }
            }
            MenuItem {
                text: qsTr("Offline")
                Accessible.name: text
                onTriggered: AgentState.requestState(AgentState.Offline)
            }
            MenuItem {
                text: qsTr("Keep the current state")
                Accessible.name: text
                enabled: AgentState.hasNextState
                onTriggered: AgentState.clearNextState()
            }
        }
    }
    Label {
        objectName: "nextStateLabel"
        visible: AgentState.hasNextState
        text: qsTr("then: %1").arg(AgentState.nextState === AgentState.NotReady
                                   ? Names.notReadyReason(AgentState.nextReasonCode) : Names.agentState(AgentState.nextState))
        color: Theme.mutedText
    }
    Label {
        visible: CallEngine.mute.muted
        text: qsTr("Microphone muted")
        color: Theme.danger
        font.bold: true
    }
}
