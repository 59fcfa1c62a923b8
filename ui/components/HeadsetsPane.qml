import QtQuick
import QtQuick.Controls
import QtQuick.Controls.impl // IconImage: the icon tinted like the buttons' ones
import QtQuick.Layouts
import Hookline.Engine
import Hookline.Ui

// The headsets the console knows (PhoneBinding.phones): name and status (active, present, gone,
// or not usable with the reason and its fix), the choice of the active one, dismissing one that is
// gone, and whether the active headset's hardware mute lock holds the microphone muted.
ColumnLayout {
    id: pane
    objectName: "headsetsPane"
    property PhoneBinding binding: null
    spacing: Theme.spacing / 2

    function statusOf(phone) {
        if (!phone.present)
            return phone.reason.length ? qsTr("gone: %1").arg(phone.reason) : qsTr("gone (unplugged)")
        if (!phone.usable)
            return qsTr("not usable: %1").arg(phone.reason)
        return binding && binding.activePhoneId === phone.phoneId ? qsTr("active") : qsTr("present")
    }

    Label {
        objectName: "noHeadsetSupport"
        visible: pane.binding === null
        text: qsTr("Headset support is not available: the USB headset plugin was not loaded.")
        color: Theme.mutedText
        wrapMode: Text.WordWrap
        Layout.fillWidth: true
    }
    Label {
        objectName: "noHeadsets"
        visible: pane.binding !== null && pane.binding.phones.length === 0
        text: qsTr("No headset found. Plug in a USB headset and it appears here.")
        color: Theme.mutedText
        wrapMode: Text.WordWrap
        Layout.fillWidth: true
    }

    // The administrator chose the active headset: the choice below is locked.
    PinnedNote { id: lockedNote; setting: ConsoleSettings.activeHeadset }
    ButtonGroup { id: activeChoice }
    Repeater {
        objectName: "headsetRepeater"
        model: pane.binding ? pane.binding.phones : []
        delegate: RowLayout {
            id: row
            required property var modelData
            readonly property bool isActive: pane.binding !== null && pane.binding.activePhoneId === modelData.phoneId
            objectName: "headset_" + modelData.phoneId
            Layout.fillWidth: true
            spacing: Theme.spacing
            RadioButton {
                objectName: "chooseHeadset"
                ButtonGroup.group: activeChoice
                checked: row.isActive
                enabled: row.modelData.present && row.modelData.usable && !ConsoleSettings.activeHeadset.pinned
                Accessible.name: qsTr("Use %1 as the active headset").arg(row.modelData.name)
                Accessible.description: ConsoleSettings.activeHeadset.pinned ? lockedNote.text : ""
                onClicked: pane.binding.chooseActivePhone(row.modelData.phoneId)
            }
            IconImage {
                source: Theme.icon("headset")
                sourceSize: Qt.size(18, 18)
                color: row.modelData.present ? Theme.text : Theme.mutedText
                Accessible.ignored: true
            }
            // Device names come from the device: plain text.
            PlainLabel {
                objectName: "headsetName"
                Layout.preferredWidth: 240
                text: row.modelData.name.length ? row.modelData.name : row.modelData.phoneId
                font.bold: row.isActive
                color: row.modelData.present ? Theme.text : Theme.mutedText
            }
            PlainLabel {
                objectName: "headsetStatus"
                Layout.fillWidth: true
                text: pane.statusOf(row.modelData)
                wrapMode: Text.WordWrap
                elide: Text.ElideNone
                maximumLineCount: 4
                color: !row.modelData.present ? Theme.mutedText : (!row.modelData.usable ? Theme.danger : (row.isActive ? Theme.success : Theme.text))
                Accessible.name: row.modelData.name + ": " + text
            }
            Button {
                objectName: "dismissHeadset"
                visible: !row.modelData.present
                text: qsTr("Dismiss")
                Accessible.name: qsTr("Remove %1 from the list").arg(row.modelData.name)
                onClicked: pane.binding.dismissPhone(row.modelData.phoneId)
            }
        }
    }
    Label {
        objectName: "muteLockStatus"
        visible: pane.binding !== null
        Layout.fillWidth: true
        wrapMode: Text.WordWrap
        text: pane.binding && pane.binding.muteLocked
              ? qsTr("Mute lock: the headset holds the microphone muted. Release the mute lock on the headset (or swing the boom arm down) to unmute.")
              : qsTr("Mute lock: off. The headset's mute button mutes and unmutes like the console's.")
        color: pane.binding && pane.binding.muteLocked ? Theme.alert : Theme.mutedText
        Accessible.role: Accessible.StaticText
        Accessible.name: text
    }
}
