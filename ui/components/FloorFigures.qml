import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Hookline.Engine
import Hookline.Ui
import "Formatting.js" as Fmt

// What a supervisor reads at a glance: agents per state, calls in progress, the longest call and the
// longest wait on the floor (the model recomputes them each second).
Flow {
    id: figures
    objectName: "floorFigures"
    spacing: Theme.spacing * 2

    readonly property var perState: FloorModel.agentsPerState
    function count(key) { return perState[key] !== undefined ? perState[key] : 0 }

    Repeater {
        model: ["Ready", "NotReady", "WrapUp", "Offline"]
        Label {
            required property string modelData
            objectName: "agentsIn" + modelData
            text: qsTr("%1: %2").arg(Names.agentStateKey(modelData)).arg(figures.count(modelData))
            color: Theme.text
            Accessible.role: Accessible.StaticText
            Accessible.name: qsTr("Agents %1: %2").arg(Names.agentStateKey(modelData)).arg(figures.count(modelData))
        }
    }
    Label {
        objectName: "callsInProgress"
        text: qsTr("Calls in progress: %1").arg(FloorModel.callsInProgress)
        font.bold: true
        color: Theme.text
        Accessible.role: Accessible.StaticText
        Accessible.name: text
    }
    Label {
        objectName: "longestCall"
        text: qsTr("Longest call: %1").arg(FloorModel.longestCallMs > 0 ? Fmt.duration(FloorModel.longestCallMs) : qsTr("none"))
        color: Theme.text
        Accessible.role: Accessible.StaticText
        Accessible.name: text
    }
    Label {
        objectName: "longestWait"
        text: qsTr("Longest wait: %1").arg(FloorModel.longestWaitMs > 0 ? Fmt.duration(FloorModel.longestWaitMs) : qsTr("none"))
        color: FloorModel.longestWaitMs > 30000 ? Theme.danger : Theme.text
        Accessible.role: Accessible.StaticText
        Accessible.name: text
    }
}
