import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Hookline.Engine
import Hookline.Ui

// The console's lines (CallEngine.lines): name, address, what kind of line it is and whether it is in
// service; a line out of service says why (a sound card unplugged, a SIP registration refused), in the
// words of its provider, and comes back by itself when the cause goes away.
ColumnLayout {
    id: pane
    objectName: "linesPane"
    spacing: Theme.spacing / 2

    function kindOf(line) {
        switch (line.providerId) {
        case "sim": return qsTr("simulated")
        case "soundline": return qsTr("sound card")
        case "sip": return qsTr("SIP")
        }
        return line.providerId
    }
    function statusOf(line) {
        if (!line.open)
            return qsTr("closed")
        if (!line.inService)
            return line.outOfServiceReason.length ? qsTr("out of service: %1").arg(line.outOfServiceReason)
                                                  : qsTr("out of service")
        if (line.capabilities.addressSharing === Tapi.SharingMonitored)
            return line.addressInUse ? qsTr("monitored: busy") : qsTr("monitored: idle")
        return qsTr("in service")
    }

    Label {
        objectName: "noLines"
        visible: CallEngine.lines.length === 0
        text: qsTr("No lines: the console takes no calls. Configure sound-card lines or SIP accounts in the settings file.")
        color: Theme.mutedText
        wrapMode: Text.WordWrap
        Layout.fillWidth: true
    }
    Repeater {
        model: CallEngine.lines
        delegate: RowLayout {
            id: row
            required property var modelData
            readonly property bool working: modelData.open && modelData.inService
            objectName: "line_" + modelData.lineId
            Layout.fillWidth: true
            spacing: Theme.spacing
            Rectangle {
                width: 10; height: 10; radius: 5
                color: row.working ? Theme.success : Theme.danger
                Accessible.ignored: true
            }
            PlainLabel {
                objectName: "lineName"
                Layout.preferredWidth: 240
                text: UntrustedText.display(row.modelData.name) + (row.modelData.address.length
                      ? "  ·  " + UntrustedText.display(row.modelData.address) : "")
                color: Theme.text
            }
            PlainLabel {
                Layout.preferredWidth: 100
                text: pane.kindOf(row.modelData)
                color: Theme.mutedText
            }
            PlainLabel {
                objectName: "lineStatus"
                Layout.fillWidth: true
                text: pane.statusOf(row.modelData)
                color: row.working ? Theme.text : Theme.danger
                wrapMode: Text.Wrap
                elide: Text.ElideNone
                maximumLineCount: 3
                Accessible.name: qsTr("%1: %2").arg(UntrustedText.display(row.modelData.name)).arg(text)
            }
        }
    }
}
