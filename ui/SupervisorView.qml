import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Hookline.Engine
import Hookline.Ui

// The supervisor's view, two tabs: the floor (every agent's console, pages/FloorPage.qml) and this console:
// every conference with its parties, bridged appearances with which stations are active, every live
// session, and the live event log. It opens on the floor when one is configured.
Item {
    id: view
    objectName: "supervisorView"

    // The floor page loads when first shown and stays (its requests and their outcomes with it).
    property bool floorSeen: false

    // Sessions on bridged lines, kept as sessions come and go (their state updates live by binding).
    property var bridged: []
    function isBridged(line) {
        if (!line)
            return false
        const sharing = line.capabilities.addressSharing
        return sharing === Tapi.SharingBridgedExclusive || sharing === Tapi.SharingBridgedNew
            || sharing === Tapi.SharingBridgedShared
    }
    Component.onCompleted: {
        const list = []
        for (let i = 0; i < CallEngine.sessions.count; ++i) {
            const s = CallEngine.sessions.sessionAt(i)
            if (isBridged(s.line))
                list.push(s)
        }
        bridged = list
    }
    Connections {
        target: CallEngine
        function onSessionAdded(session) {
            if (view.isBridged(session.line))
                view.bridged = view.bridged.concat([session])
        }
        function onSessionRemoved(session) {
            const i = view.bridged.indexOf(session)
            if (i >= 0) {
                const list = view.bridged.slice()
                list.splice(i, 1)
                view.bridged = list
            }
        }
    }

    TabBar {
        id: supervisorTabs
        objectName: "supervisorTabs"
        anchors { left: parent.left; right: parent.right; top: parent.top; margins: Theme.spacing }
        Accessible.name: qsTr("Supervisor pages")
        Component.onCompleted: {
            currentIndex = FloorLink.status !== FloorLink.Off ? 0 : 1
            view.floorSeen = currentIndex === 0
        }
        onCurrentIndexChanged: if (currentIndex === 0) view.floorSeen = true
        TabButton {
            objectName: "floorTab"
            text: qsTr("Floor")
            width: implicitWidth + 24
            Accessible.name: qsTr("Floor: every agent's console")
        }
        TabButton {
            objectName: "thisConsoleTab"
            text: qsTr("This console")
            width: implicitWidth + 24
            Accessible.name: qsTr("This console's calls")
        }
    }

    // Loaded once first shown (the floor is watched from then on), kept while the view lives.
    Loader {
        objectName: "floorLoader"
        anchors { left: parent.left; right: parent.right; top: supervisorTabs.bottom; bottom: parent.bottom }
        visible: supervisorTabs.currentIndex === 0
        active: view.floorSeen
        sourceComponent: FloorPage { }
    }

    SplitView {
        anchors { left: parent.left; right: parent.right; top: supervisorTabs.bottom; bottom: parent.bottom; margins: Theme.spacing }
        visible: supervisorTabs.currentIndex === 1
        orientation: Qt.Vertical
        Accessible.ignored: true // layouts: the lists inside are named

        SplitView {
            SplitView.preferredHeight: view.height * 0.55
            orientation: Qt.Horizontal
            Accessible.ignored: true

            ColumnLayout {
                SplitView.preferredWidth: view.width * 0.5
                spacing: Theme.spacing / 2
                Label { text: qsTr("Conferences (%1)").arg(CallEngine.conferences.count); font.bold: true; color: Theme.text }
                ListView {
                    id: conferenceList
                    objectName: "conferenceList"
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    model: CallEngine.conferences
                    clip: true
                    spacing: Theme.spacing / 2
                    activeFocusOnTab: true
                    ScrollBar.vertical: ScrollBar { }
                    Accessible.role: Accessible.List
                    Accessible.name: qsTr("Conferences")
                    Label {
                        anchors.centerIn: parent
                        visible: conferenceList.count === 0
                        text: qsTr("No conferences")
                        color: Theme.mutedText
                    }
                    delegate: ConferenceCard {
                        required conference
                        required members
                        width: ListView.view.width
                        filtered: EventLogModel.conferenceFilter === conference.sessionId
                        onFilterRequested: function(id) { EventLogModel.sessionFilter = 0; EventLogModel.conferenceFilter = id }
                    }
                }
                Label { text: qsTr("Bridged appearances"); font.bold: true; color: Theme.text }
                ListView {
                    id: bridgedList
                    objectName: "bridgedList"
                    Layout.fillWidth: true
                    Layout.preferredHeight: Math.min(contentHeight, 160)
                    model: view.bridged
                    clip: true
                    Accessible.role: Accessible.List
                    Accessible.name: qsTr("Bridged appearances")
                    Label {
                        visible: bridgedList.count === 0
                        text: qsTr("No calls on bridged lines")
                        color: Theme.mutedText
                    }
                    delegate: RowLayout {
                        id: appearance
                        required property CallSession modelData
                        readonly property bool inactive: (modelData.state === Tapi.Connected && (modelData.mode & Tapi.ConnectedInactive))
                                                         || (modelData.state === Tapi.Offering && (modelData.mode & Tapi.OfferingInactive))
                        width: ListView.view.width
                        spacing: Theme.spacing
                        PlainLabel { Layout.preferredWidth: 180; text: appearance.modelData.line ? appearance.modelData.line.name : appearance.modelData.lineId }
                        PlainLabel { Layout.preferredWidth: 200; text: Names.caller(appearance.modelData.remoteName, appearance.modelData.remoteNumber) }
                        Label {
                            objectName: "stationActivity"
                            Layout.fillWidth: true
                            text: appearance.inactive ? qsTr("inactive station") : qsTr("active station") + " · " + Names.state(appearance.modelData.state)
                            color: appearance.inactive ? Theme.mutedText : Theme.success
                        }
                    }
                }
            }

            ColumnLayout {
                SplitView.fillWidth: true
                spacing: Theme.spacing / 2
                Label { text: qsTr("All sessions (%1)").arg(CallEngine.sessions.count); font.bold: true; color: Theme.text }
                ListView {
                    id: allSessions
                    objectName: "supervisorSessionList"
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    model: CallEngine.sessions
                    clip: true
                    reuseItems: true
                    activeFocusOnTab: true
                    ScrollBar.vertical: ScrollBar { }
                    Accessible.role: Accessible.List
                    Accessible.name: qsTr("All sessions")
                    delegate: Row {
                        id: sessionRow
                        required property int sessionId
                        required property CallSession session
                        required property string remoteName
                        required property string remoteNumber
                        required property string lineId
                        required property int conferenceParentId
                        spacing: Theme.spacing
                        height: 20
                        Label { width: 50; text: "#" + sessionId; color: Theme.mutedText }
                        PlainLabel { width: 200; text: Names.caller(remoteName, remoteNumber) }
                        PlainLabel { width: 190; text: Names.stateAndMode(sessionRow.session.state, sessionRow.session.mode) }
                        PlainLabel { width: 120; text: lineId; color: Theme.mutedText }
                        Label { text: conferenceParentId ? qsTr("conf %1").arg(conferenceParentId) : ""; color: Theme.mutedText }
                    }
                }
            }
        }

        EventLogPane {
            SplitView.fillHeight: true
        }
    }
}
