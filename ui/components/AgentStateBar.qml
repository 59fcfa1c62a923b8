import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Hookline.Engine
import Hookline.Ui

// The agent's state and the next state (chosen while busy), the wrap-up timer with Extend and Finish,
// and the microphone.
RowLayout {
    id: bar
    spacing: Theme.spacing

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
        Accessible.onPressAction: if (enabled) clicked()
    }
    Button {
        objectName: "finishWrapUpButton"
        visible: AgentState.state === AgentState.WrapUp
        text: qsTr("Finish wrap-up")
        Accessible.name: text
        onClicked: AgentState.finishWrapUp()
        Accessible.onPressAction: if (enabled) clicked()
    }
    Button {
        id: stateButton
        objectName: "agentStateButton"
        text: AgentState.busy ? qsTr("Next state…") : qsTr("Change state…")
        Accessible.name: AgentState.busy ? qsTr("Choose the state after this call") : qsTr("Change the agent state")
        onClicked: stateMenu.open()
        Accessible.onPressAction: if (enabled) clicked()
        Menu {
            id: stateMenu
            y: stateButton.height
            MenuItem {
                text: qsTr("Ready")
                Accessible.name: text
                onTriggered: AgentState.requestState(AgentState.Ready)
                Accessible.onPressAction: if (enabled) triggered()
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
                        Accessible.onPressAction: if (enabled) triggered()
                    }
                }
            }
            MenuItem {
                text: qsTr("Offline")
                Accessible.name: text
                onTriggered: AgentState.requestState(AgentState.Offline)
                Accessible.onPressAction: if (enabled) triggered()
            }
            MenuItem {
                text: qsTr("Keep the current state")
                Accessible.name: text
                enabled: AgentState.hasNextState
                onTriggered: AgentState.clearNextState()
                Accessible.onPressAction: if (enabled) triggered()
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
