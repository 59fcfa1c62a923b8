import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Hookline.Engine
import Hookline.Ui

// The console's link to the floor in words: not configured, connecting, connected (to which server),
// reconnecting, or refused with the server's reason (wrong credentials, no permission, no JetStream).
RowLayout {
    id: status
    objectName: "floorStatus"
    spacing: Theme.spacing / 2

    readonly property string text: {
        switch (FloorLink.status) {
        case FloorLink.Off: return qsTr("Not connected: no floor is configured")
        case FloorLink.Connecting: return qsTr("Connecting to the floor…")
        case FloorLink.Reconnecting: return qsTr("Connection to the floor lost; reconnecting…")
        case FloorLink.Connected:
            return FloorLink.statusReason.length
                    ? qsTr("Connected to %1, with a problem: %2").arg(FloorLink.server).arg(FloorLink.statusReason)
                    : qsTr("Connected to %1").arg(FloorLink.server)
        case FloorLink.Failed: return qsTr("Refused: %1").arg(FloorLink.statusReason)
        }
        return ""
    }

    Rectangle {
        width: 10; height: 10; radius: 5
        color: FloorLink.status === FloorLink.Connected ? Theme.success
             : FloorLink.status === FloorLink.Failed ? Theme.danger
             : FloorLink.status === FloorLink.Off ? Theme.mutedText : Theme.alert
        Accessible.ignored: true
    }
    Label {
        objectName: "floorStatusText"
        Layout.fillWidth: true
        text: status.text
        elide: Text.ElideRight
        color: FloorLink.status === FloorLink.Failed ? Theme.danger : Theme.text
        Accessible.role: Accessible.StaticText
        Accessible.name: qsTr("Floor: %1").arg(status.text)
    }
}
