import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Hookline.Engine
import Hookline.Ui

// Tells the agent that a supervisor acted on this console from the floor (FloorRequestHandler's
// supervisorActed) or stopped coaching a call (FloorCoachingLegs' supervisorLeft): who did what (the supervisor by name), and whether it was done. Shown over the window's bottom right corner (where
// no control of the call or wrap-up sits), whatever page is open, until dismissed or for `showMs`; a screen
// reader hears it as an alert. It takes no focus.
Rectangle {
    id: notice
    objectName: "supervisorNotice"
    property int showMs: 10000
    property string text: ""

    width: Math.min(row.implicitWidth + 2 * Theme.spacing, parent ? parent.width - 4 * Theme.spacing : 640)
    height: row.implicitHeight + 2 * Theme.spacing
    radius: Theme.radius
    color: Theme.alertSurface
    border.color: Theme.alert
    border.width: 1
    visible: shown
    property bool shown: false

    function stateText(details) {
        return details.state === "NotReady" && details.reason
                ? qsTr("%1: %2").arg(Names.agentStateKey(details.state)).arg(Names.notReadyReason(details.reason))
                : Names.agentStateKey(details.state)
    }
    // What the supervisor asked for, to follow "asked to" or "will".
    function request(action, details) {
        const party = Names.caller(details.remoteName, details.remoteNumber)
        switch (action) {
        case "dropParty": return qsTr("drop %1 from your conference").arg(party)
        case "dropConference": return qsTr("drop your conference")
        case "endCall": return qsTr("end your call with %1").arg(party)
        case "forceState": return qsTr("set your state to %1").arg(stateText(details))
        case "listen": return qsTr("listen to your call with %1").arg(party)
        case "whisper": return qsTr("coach you (heard by you only) on your call with %1").arg(party)
        case "barge": return qsTr("join your call with %1").arg(party)
        case "endCoaching": return qsTr("stop coaching your call with %1").arg(party)
        }
        return action
    }
    // What the supervisor did, to follow the supervisor's name.
    function deed(action, details) {
        const party = Names.caller(details.remoteName, details.remoteNumber)
        switch (action) {
        case "dropParty": return qsTr("dropped %1 from your conference").arg(party)
        case "dropConference": return qsTr("dropped your conference")
        case "endCall": return qsTr("ended your call with %1").arg(party)
        case "forceState": return qsTr("changed your state to %1").arg(stateText(details))
        case "listen": return qsTr("is listening to your call with %1").arg(party)
        case "whisper": return qsTr("is coaching you (heard by you only) on your call with %1").arg(party)
        case "barge": return qsTr("is joining your call with %1").arg(party)
        case "endCoaching": return qsTr("stopped coaching your call with %1").arg(party)
        }
        return action
    }
    // The supervisor by the name their console sent, by id when it sent none.
    function supervisor(supervisorId, details) {
        return details.supervisorName ? details.supervisorName : supervisorId
    }
    function describe(supervisorId, action, result, ok, details) {
        const who = supervisor(supervisorId, details)
        if (!ok)
            return qsTr("Supervisor %1 asked to %2; it was not done (%3).").arg(who).arg(request(action, details)).arg(result)
        if (result === "Deferred")
            return qsTr("Supervisor %1 will %2 after this call.").arg(who).arg(request(action, details))
        //: %1 is the supervisor's name, %2 what they did: "dropped your conference", "changed your state to Offline"
        return qsTr("Supervisor %1 %2.").arg(who).arg(deed(action, details))
    }
    // What the supervisor stopped doing when his line left the call (he stopped or hung up), to follow
    // his name.
    function stopped(mode, details) {
        const party = Names.caller(details.remoteName, details.remoteNumber)
        switch (mode) {
        case "listen": return qsTr("stopped listening to your call with %1").arg(party)
        case "whisper": return qsTr("stopped coaching you on your call with %1").arg(party)
        case "barge": return qsTr("left your call with %1").arg(party)
        }
        return qsTr("stopped coaching your call with %1").arg(party)
    }
    function describeLeft(supervisorId, mode, details) {
        return qsTr("Supervisor %1 %2.").arg(supervisor(supervisorId, details)).arg(stopped(mode, details))
    }
    function dismiss() { shown = false; hideTimer.stop() }
    function announce(text) {
        notice.text = text
        notice.shown = true
        // Shown again for each action, so a screen reader announces every one.
        announcement.visible = false
        announcement.visible = true
        hideTimer.restart()
    }

    Connections {
        target: FloorRequestHandler
        function onSupervisorActed(supervisorId, action, result, ok, details) {
            notice.announce(notice.describe(supervisorId, action, result, ok, details))
        }
    }
    // A supervisor's line left a call he coached: what he was doing has ended (no longer "is listening").
    Connections {
        target: FloorCoachingLegs
        function onSupervisorLeft(supervisorId, mode, details) {
            notice.announce(notice.describeLeft(supervisorId, mode, details))
        }
    }
    Timer { id: hideTimer; interval: notice.showMs; onTriggered: notice.shown = false }

    Item {
        id: announcement
        anchors.fill: parent
        visible: false
        Accessible.role: Accessible.AlertMessage
        Accessible.name: notice.text
    }
    RowLayout {
        id: row
        anchors.fill: parent
        anchors.margins: Theme.spacing
        spacing: Theme.spacing
        Label {
            objectName: "supervisorNoticeText"
            Layout.fillWidth: true
            Layout.maximumWidth: 560
            text: notice.text
            textFormat: Text.PlainText
            wrapMode: Text.WordWrap
            color: Theme.text
            Accessible.ignored: true // the alert carries it
        }
        Button {
            objectName: "dismissSupervisorNotice"
            text: qsTr("Dismiss")
            focusPolicy: Qt.NoFocus
            Accessible.name: qsTr("Dismiss the supervisor's notice")
            onClicked: notice.dismiss()
            Accessible.onPressAction: notice.dismiss()
        }
    }
}
