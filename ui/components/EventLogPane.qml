import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtCore
import Hookline.Engine
import Hookline.Ui

// The live event log: every state change with session, old and new state, mode, cause and time,
// filterable by session and conference, exportable as JSON lines.
ColumnLayout {
    id: pane
    spacing: Theme.spacing / 2
    property bool follow: true

    RowLayout {
        Layout.fillWidth: true
        spacing: Theme.spacing
        Label { text: qsTr("Event log"); font.bold: true; color: Theme.text }
        Label { text: qsTr("Session"); color: Theme.mutedText }
        SpinBox {
            objectName: "eventSessionFilter"
            from: 0; to: 1000000; editable: true
            value: EventLogModel.sessionFilter
            onValueModified: EventLogModel.sessionFilter = value
            Accessible.name: qsTr("Show events of session (0 for all)")
            Accessible.onIncreaseAction: if (enabled) { increase(); valueModified() }
            Accessible.onDecreaseAction: if (enabled) { decrease(); valueModified() }
        }
        Label { text: qsTr("Conference"); color: Theme.mutedText }
        SpinBox {
            objectName: "eventConferenceFilter"
            from: 0; to: 1000000; editable: true
            value: EventLogModel.conferenceFilter
            onValueModified: EventLogModel.conferenceFilter = value
            Accessible.name: qsTr("Show events of conference (0 for all)")
            Accessible.onIncreaseAction: if (enabled) { increase(); valueModified() }
            Accessible.onDecreaseAction: if (enabled) { decrease(); valueModified() }
        }
        Button {
            text: qsTr("All events")
            Accessible.name: qsTr("Clear the event filters")
            Accessible.onPressAction: if (enabled) clicked()
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
            id: exportPath
            objectName: "exportPath"
            Layout.fillWidth: true
            text: decodeURIComponent(StandardPaths.writableLocation(StandardPaths.DocumentsLocation).toString().replace(/^file:\/\//, "")) + "/hookline-events.jsonl"
            Accessible.name: qsTr("File to export the events to")
        }
        Button {
            objectName: "exportButton"
            Accessible.onPressAction: if (enabled) clicked()
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
        ScrollBar.vertical: ScrollBar { }
        Accessible.role: Accessible.List
        Accessible.name: qsTr("State changes")
        onCountChanged: if (pane.follow && !moving) positionViewAtEnd()
        onMovementEnded: pane.follow = atYEnd
        delegate: Row {
            required property var time
            required property int sessionId
            required property int conferenceId
            required property string lineId
            required property string oldStateName
            required property string stateName
            required property string modeName
            required property string cause
            spacing: Theme.spacing
            height: 20
            Label { width: 90; text: Qt.formatTime(time, "hh:mm:ss.zzz"); color: Theme.mutedText; font.family: "monospace" }
            Label { width: 60; text: "#" + sessionId; color: Theme.text }
            Label { width: 70; text: conferenceId ? "conf " + conferenceId : ""; color: Theme.mutedText }
            Label { width: 280; text: oldStateName + " → " + stateName + (modeName.length ? "/" + modeName : ""); color: Theme.text; textFormat: Text.PlainText }
            Label { width: 170; text: cause; color: Theme.mutedText; textFormat: Text.PlainText }
            Label { text: lineId; color: Theme.mutedText; textFormat: Text.PlainText; elide: Text.ElideRight; width: 160 }
        }
    }
}
