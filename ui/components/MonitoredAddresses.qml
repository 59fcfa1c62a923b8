import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Hookline.Engine
import Hookline.Ui

// The addresses this console monitors (a SIP account's monitored addresses, watched through dialog-info)
// as a compact busy lamp field under the calls: one lamp per address, green idle, red busy (ringing
// counts as busy), grey unknown while the console is not subscribed (the reason in the tooltip and for
// screen readers). Updates live; hidden when nothing is monitored.
ColumnLayout {
    id: panel
    objectName: "monitoredAddresses"
    spacing: Theme.spacing / 4
    visible: addresses.count > 0

    MonitoredAddressModel {
        id: addresses
        engine: CallEngine
    }

    function stateText(status) {
        switch (status) {
        case MonitoredAddressModel.Idle: return qsTr("idle")
        case MonitoredAddressModel.Busy: return qsTr("busy")
        }
        return qsTr("unknown")
    }
    function lampColour(status) {
        switch (status) {
        case MonitoredAddressModel.Idle: return Theme.success
        case MonitoredAddressModel.Busy: return Theme.danger
        }
        return Theme.mutedText
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
                objectName: "monitored_" + lineId
                implicitWidth: chipRow.implicitWidth + Theme.spacing
                implicitHeight: chipRow.implicitHeight + 4
                width: implicitWidth
                height: implicitHeight
                activeFocusOnTab: true
                Accessible.role: Accessible.StaticText
                Accessible.name: qsTr("%1: %2").arg(UntrustedText.display(name)).arg(stateName)
                Accessible.description: reason
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
                        color: chip.status === MonitoredAddressModel.Busy ? Theme.danger : Theme.mutedText
                        Accessible.ignored: true
                    }
                }
                HoverHandler { id: hover }
                ToolTip.visible: (hover.hovered || chip.activeFocus) && chip.reason.length > 0
                ToolTip.text: chip.reason
            }
        }
    }
}
