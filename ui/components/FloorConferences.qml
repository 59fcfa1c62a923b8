import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Hookline.Engine
import Hookline.Ui

// Every conference on the floor, whichever agent holds it, with each party live.
ColumnLayout {
    id: conferences
    objectName: "floorConferences"
    required property var requests
    spacing: Theme.spacing / 2

    Label {
        text: qsTr("Conferences on the floor (%1)").arg(FloorModel.conferences.length)
        font.bold: true
        color: Theme.text
        Accessible.role: Accessible.Heading
        Accessible.name: text
    }
    Label {
        visible: FloorModel.conferences.length === 0
        text: qsTr("No conferences")
        color: Theme.mutedText
    }
    Repeater {
        model: FloorModel.conferences
        Rectangle {
            id: card
            required property var modelData
            Layout.fillWidth: true
            implicitHeight: column.implicitHeight + Theme.spacing * 2
            color: Theme.surface
            border.color: Theme.border
            radius: Theme.radius
            Accessible.role: Accessible.Grouping
            Accessible.name: qsTr("%1's conference, %n party(ies)", "", modelData.parties.length).arg(modelData.agentName)
            ColumnLayout {
                id: column
                anchors.fill: parent
                anchors.margins: Theme.spacing
                spacing: 2
                PlainLabel {
                    text: qsTr("Held by %1").arg(card.modelData.agentName.length ? card.modelData.agentName : card.modelData.agentId)
                    color: Theme.mutedText
                }
                FloorCallRow {
                    Layout.fillWidth: true
                    session: card.modelData.session
                    requests: conferences.requests
                    coachingShown: false
                }
                Repeater {
                    model: card.modelData.partySessions
                    FloorCallRow {
                        required property var modelData
                        Layout.fillWidth: true
                        session: modelData
                        requests: conferences.requests
                    }
                }
            }
        }
    }
}
