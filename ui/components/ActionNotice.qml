import QtQuick
import QtQuick.Controls
import Hookline.Ui

// Says briefly why an action was refused, where the agent is looking (over the top of the call panel):
// the latest Feedback message, shown at once and faded out after a few seconds. Not modal; a screen
// reader hears it as an alert.
Rectangle {
    id: notice
    objectName: "actionNotice"
    property int showMs: 5000
    readonly property string text: Feedback.message

    width: Math.min(label.implicitWidth + 3 * Theme.spacing, parent ? parent.width - 2 * Theme.spacing : 480)
    height: label.implicitHeight + 2 * Theme.spacing
    radius: Theme.radius
    color: Theme.alertSurface
    border.color: Theme.alert
    border.width: 1
    visible: opacity > 0
    opacity: 0

    Accessible.role: Accessible.AlertMessage
    Accessible.name: text

    Label {
        id: label
        anchors.centerIn: parent
        width: Math.min(implicitWidth, notice.width - 2 * Theme.spacing)
        text: notice.text
        textFormat: Text.PlainText
        wrapMode: Text.WordWrap
        color: Theme.text
        Accessible.ignored: true // the notice itself is the alert that carries the text
    }

    Connections {
        target: Feedback
        function onSerialChanged() {
            fade.stop()
            notice.opacity = 1
            hideTimer.restart()
        }
    }
    Timer { id: hideTimer; interval: notice.showMs; onTriggered: fade.start() }
    NumberAnimation { id: fade; target: notice; property: "opacity"; to: 0; duration: 600 }
    TapHandler { onTapped: { hideTimer.stop(); fade.start() } }
}
