import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Hookline.Engine
import Hookline.Ui

// One conference for the supervisor: its parties with live state and mode, drop or remove a party,
// drop the whole conference.
Rectangle {
    id: card
    property CallSession conference: null
    property var members: []
    property bool filtered: false
    signal filterRequested(int conferenceId)

    implicitHeight: column.implicitHeight + Theme.spacing * 2
    color: Theme.surface
    border.color: filtered ? Theme.accent : Theme.border
    radius: Theme.radius
    Accessible.role: Accessible.Grouping
    Accessible.name: qsTr("Conference %1").arg(conference ? conference.sessionId : 0)

    ConfirmDropAll { id: confirmDropAll }

    ColumnLayout {
        id: column
        anchors.fill: parent
        anchors.margins: Theme.spacing
        spacing: 4
        RowLayout {
            Layout.fillWidth: true
            Label {
                text: qsTr("Conference %1").arg(card.conference ? card.conference.sessionId : 0)
                font.bold: true
                color: Theme.text
            }
            PlainLabel {
                objectName: "conferenceState"
                Layout.fillWidth: true
                color: Theme.mutedText
                text: card.conference ? Names.stateAndMode(card.conference.state, card.conference.mode) + " · " + card.conference.lineId : ""
            }
            Button {
                text: qsTr("Events")
                Accessible.name: qsTr("Show this conference's events")
                onClicked: card.filterRequested(card.conference.sessionId)
            }
            IconButton {
                iconName: "drop"
                objectName: "dropConferenceButton"
                text: qsTr("Drop conference")
                available: card.conference !== null && ((card.conference.features & Tapi.FeatureDrop) !== 0)
                disabledReason: Reasons.unavailable(card.conference, Tapi.FeatureDrop, text)
                Accessible.name: text
                onTriggered: confirmDropAll.ask(card.conference, function() {
                    Feedback.request(qsTr("Drop conference"), card.conference.drop())
                })
            }
        }
        Label {
            visible: card.members.length === 0
            text: qsTr("No parties")
            color: Theme.mutedText
        }
        Repeater {
            model: card.members
            RowLayout {
                id: party
                required property CallSession modelData
                Layout.fillWidth: true
                spacing: Theme.spacing
                Accessible.role: Accessible.Row
                Accessible.name: Names.caller(modelData.remoteName, modelData.remoteNumber)
                PlainLabel {
                    objectName: "partyName"
                    Layout.preferredWidth: 240
                    text: Names.caller(party.modelData.remoteName, party.modelData.remoteNumber)
                }
                PlainLabel {
                    objectName: "partyState"
                    Layout.fillWidth: true
                    text: Names.stateAndMode(party.modelData.state, party.modelData.mode)
                }
                IconButton {
                    iconName: "conference"
                    objectName: "removePartyButton"
                    text: qsTr("Remove")
                    available: ((party.modelData.features & Tapi.FeatureRemoveFromConf) !== 0)
                    disabledReason: Reasons.unavailable(party.modelData, Tapi.FeatureRemoveFromConf, text)
                    Accessible.name: qsTr("Remove this party from the conference")
                    onTriggered: Feedback.request(text, party.modelData.removeFromConference())
                }
                IconButton {
                    iconName: "drop"
                    objectName: "dropPartyButton"
                    text: qsTr("Drop")
                    available: ((party.modelData.features & Tapi.FeatureDrop) !== 0)
                    disabledReason: Reasons.unavailable(party.modelData, Tapi.FeatureDrop, text)
                    Accessible.name: qsTr("Drop this party")
                    onTriggered: Feedback.request(text, party.modelData.drop())
                }
            }
        }
    }
}
