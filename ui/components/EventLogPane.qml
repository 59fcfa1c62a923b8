import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtCore
import Hookline.Engine
import Hookline.Ui

// The live event log: every state change with session, old and new state, mode, cause and time,
// filterable by session and conference, exportable as JSON lines. States show with the names the rest of
// the console uses (the export keeps TAPI's). The list follows new events unless the agent scrolled up
// (by wheel, drag, scroll bar or keys); scrolled back to the bottom, it follows again.
ColumnLayout {
    id: pane
    objectName: "eventLogPane"
    spacing: Theme.spacing / 2
    property bool follow: true

    RowLayout {
        Layout.fillWidth: true
        spacing: Theme.spacing
        Label { text: qsTr("Event log"); font.bold: true; color: Theme.text }
        Label { text: qsTr("Session"); color: Theme.mutedText }
        SpinBox {
            palette.window: Theme.outlineBase // a visible edge (Theme.fieldBorder)
            objectName: "eventSessionFilter"
            from: 0; to: 1000000; editable: true
            value: EventLogModel.sessionFilter
            onValueModified: EventLogModel.sessionFilter = value
            Accessible.name: qsTr("Show events of session (0 for all)")
        }
        Label { text: qsTr("Conference"); color: Theme.mutedText }
        SpinBox {
            palette.window: Theme.outlineBase // a visible edge (Theme.fieldBorder)
            objectName: "eventConferenceFilter"
            from: 0; to: 1000000; editable: true
            value: EventLogModel.conferenceFilter
            onValueModified: EventLogModel.conferenceFilter = value
            Accessible.name: qsTr("Show events of conference (0 for all)")
        }
        Button {
            text: qsTr("All events")
            Accessible.name: qsTr("Clear the event filters")
            onClicked: { EventLogModel.sessionFilter = 0; EventLogModel.conferenceFilter = 0 }
        }
        Label {
            Layout.fillWidth: true
            text: qsTr("%1 of %2").arg(EventLogModel.count).arg(EventLogModel.totalCount)
            color: Theme.mutedText
        }
    }
    RowLayout {
        Layout.fillWidth: true
        TextField {
            palette.window: Theme.outlineBase // a visible edge (Theme.fieldBorder)
            id: exportPath
            objectName: "exportPath"
            Layout.fillWidth: true
            text: decodeURIComponent(StandardPaths.writableLocation(StandardPaths.DocumentsLocation).toString().replace(/^file:\/\//, "")) + "/hookline-events.jsonl"
            Accessible.name: qsTr("File to export the events to")
        }
        BrowseButton {
            objectName: "exportBrowse"
            path: exportPath.text
            saving: true
            nameFilters: [qsTr("JSON lines (*.jsonl)"), qsTr("All files (*)")]
            title: qsTr("Export the events to")
            Accessible.name: qsTr("Browse for the file to export the events to")
            onChosen: function(path) { exportPath.text = path }
        }
        Button {
            objectName: "exportButton"
            text: qsTr("Export JSON lines")
            Accessible.name: text
            onClicked: {
                const error = EventLogModel.exportToFile(exportPath.text)
                exportStatus.text = error.length ? error : qsTr("Exported %n event(s).", "", EventLogModel.count)
                exportStatus.color = error.length ? Theme.danger : Theme.success
            }
        }
    }
    Label { id: exportStatus; objectName: "exportStatus"; visible: text.length > 0; Layout.fillWidth: true; elide: Text.ElideMiddle }

    ListView {
        id: events
        objectName: "eventList"
        Layout.fillWidth: true
        Layout.fillHeight: true
        clip: true
        model: EventLogModel
        reuseItems: true
        activeFocusOnTab: true
        boundsBehavior: Flickable.StopAtBounds
        ScrollBar.vertical: ScrollBar {
            onPressedChanged: if (!pressed) pane.follow = events.atYEnd
        }
        Accessible.role: Accessible.List
        Accessible.name: qsTr("State changes")
        property bool positioning: false
        function toEnd() {
            if (!pane.follow) // the agent scrolled away between the new row and this later call
                return
            positioning = true
            positionViewAtEnd()
            positioning = false
        }
        onCountChanged: if (pane.follow) Qt.callLater(toEnd) // once the new rows are laid out
        // Where the agent leaves the list (wheel, drag, flick, scroll bar, keys) says whether to follow.
        onMovementEnded: pane.follow = atYEnd
        Keys.onReleased: pane.follow = atYEnd
        delegate: Row {
            required property var time
            required property int oldStateValue
            required property int stateValue
            required property int modeValue
            required property int sessionId
            required property int conferenceId
            required property string lineId
            required property string oldStateName
            required property string stateName
            required property string modeName
            required property string cause
            required property int causeValue
            spacing: Theme.spacing
            height: 20
            Label { width: 90; text: Qt.formatTime(time, "hh:mm:ss.zzz"); color: Theme.mutedText; font.family: "monospace" }
            Label { width: 60; text: "#" + sessionId; color: Theme.text }
            Label { width: 70; text: conferenceId ? "conf " + conferenceId : ""; color: Theme.mutedText }
            Label {
                width: 280
                text: Names.state(oldStateValue) + " → " + Names.stateAndMode(stateValue, modeValue)
                color: Theme.text
                textFormat: Text.PlainText
                elide: Text.ElideRight
                Accessible.description: oldStateName + " → " + stateName + (modeName.length ? "/" + modeName : "") // TAPI's names
            }
            Label {
                width: 170
                text: Names.cause(causeValue)
                color: Theme.mutedText
                textFormat: Text.PlainText
                elide: Text.ElideRight
                Accessible.description: cause // TAPI's name
            }
            Label { text: lineId; color: Theme.mutedText; textFormat: Text.PlainText; elide: Text.ElideRight; width: 160 }
        }
    }
}
