import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Hookline.Engine
import Hookline.Ui

// The addresses this console monitors (a SIP account's monitored addresses, watched through dialog-info)
// as a compact busy lamp field under the calls: one lamp per address, green idle, amber and flashing while
// a call rings there, red busy (on a call, or dialling out), grey unknown while the console is not
// subscribed. The tooltip and the screen reader's description say what the state means, or why the
// address is not watched. Updates live; hidden when nothing is monitored.
ColumnLayout {
    id: panel
    objectName: "monitoredAddresses"
    spacing: Theme.spacing / 4
    visible: addresses.count > 0

    MonitoredAddressModel {
        id: addresses
        engine: CallEngine
    }

    // Amber, readable on either theme: a ringing lamp is neither free (green) nor on a call (red).
    readonly property color ringingColour: Theme.dark ? "#ffb74d" : "#a35c00"

    function stateText(status) {
        switch (status) {
        case MonitoredAddressModel.Idle: return qsTr("idle")
        case MonitoredAddressModel.Ringing: return qsTr("ringing")
        case MonitoredAddressModel.Busy: return qsTr("busy")
        }
        return qsTr("unknown")
    }
    function lampColour(status) {
        switch (status) {
        case MonitoredAddressModel.Idle: return Theme.success
        case MonitoredAddressModel.Ringing: return panel.ringingColour
        case MonitoredAddressModel.Busy: return Theme.danger
        }
        return Theme.mutedText
    }
    // What the state means (tooltip and screen readers); unknown: the provider's reason, if it gave one.
    function explanation(status, name, reason) {
        switch (status) {
        case MonitoredAddressModel.Idle: return qsTr("No call at %1.").arg(name)
        case MonitoredAddressModel.Ringing: return qsTr("A call is ringing at %1.").arg(name)
        case MonitoredAddressModel.Busy: return qsTr("%1 is on a call.").arg(name)
        }
        return reason
    }

    Label {
        text: qsTr("Monitored (%1)").arg(addresses.count)
        font.bold: true
        color: Theme.text
        Accessible.role: Accessible.Heading
        Accessible.name: text
    }
    Flow {
        Layout.fillWidth: true
        spacing: Theme.spacing
        Repeater {
            model: addresses
            delegate: Item {
                id: chip
                required property string lineId
                required property string name
                required property int status
                required property string reason
                readonly property string stateName: panel.stateText(status)
                readonly property string explanation: panel.explanation(status, UntrustedText.display(name), reason)
                objectName: "monitored_" + lineId
                implicitWidth: chipRow.implicitWidth + Theme.spacing
                implicitHeight: chipRow.implicitHeight + 4
                width: implicitWidth
                height: implicitHeight
                activeFocusOnTab: true
                Accessible.role: Accessible.StaticText
                Accessible.name: qsTr("%1: %2").arg(UntrustedText.display(name)).arg(stateName)
                Accessible.description: explanation
                Accessible.focusable: true
                Rectangle {
                    anchors.fill: parent
                    radius: 4
                    color: "transparent"
                    border.color: Theme.mutedText
                    border.width: 1
                    opacity: 0.5
                }
                Row {
                    id: chipRow
                    anchors.centerIn: parent
                    spacing: Theme.spacing / 2
                    Rectangle {
                        objectName: "lamp"
                        anchors.verticalCenter: parent.verticalCenter
                        width: 10; height: 10; radius: 5
                        color: panel.lampColour(chip.status)
                        // A busy lamp field flashes a ringing address; steady again when it is answered.
                        SequentialAnimation on opacity {
                            objectName: "ringingFlash"
                            running: chip.status === MonitoredAddressModel.Ringing
                            loops: Animation.Infinite
                            alwaysRunToEnd: true
                            NumberAnimation { to: 0.25; duration: 400 }
                            NumberAnimation { to: 1; duration: 400 }
                        }
                    }
                    PlainLabel {
                        objectName: "monitoredName"
                        text: UntrustedText.display(chip.name)
                        color: Theme.text
                        Accessible.ignored: true
                    }
                    PlainLabel {
                        objectName: "monitoredState"
                        text: chip.stateName
                        color: chip.status === MonitoredAddressModel.Busy ? Theme.danger
                             : chip.status === MonitoredAddressModel.Ringing ? panel.ringingColour : Theme.mutedText
                        Accessible.ignored: true
                    }
                }
                HoverHandler { id: hover }
                ToolTip.visible: (hover.hovered || chip.activeFocus) && chip.explanation.length > 0
                ToolTip.text: chip.explanation
            }
        }
    }
}
