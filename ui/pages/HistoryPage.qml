import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Hookline.Engine
import Hookline.Ui
import "../components/Formatting.js" as Fmt

// The call log, newest first, searchable by number, name, line, UUI, disposition and notes.
Pane {
    id: page
    objectName: "historyPage"
    Accessible.name: qsTr("History")
    padding: Theme.spacing
    background: Rectangle { color: Theme.window }

    CallHistoryModel {
        id: history
        log: CallLog
        search: searchField.text
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.spacing
        RowLayout {
            Layout.fillWidth: true
            TextField {
                palette.window: Theme.outlineBase // a visible edge (Theme.fieldBorder)
                id: searchField
                objectName: "historySearch"
                Layout.fillWidth: true
                placeholderText: qsTr("Search number, name, notes…")
                Accessible.name: qsTr("Search the call history")
            }
            Label {
                text: qsTr("%n call(s)", "", history.count)
                color: Theme.mutedText
            }
        }
        Label {
            visible: CallLog.errorString.length > 0
            text: qsTr("Call history problem: %1").arg(CallLog.errorString)
            color: Theme.danger
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }
        ListView {
            id: list
            objectName: "historyList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            model: history
            clip: true
            spacing: 2
            activeFocusOnTab: true
            keyNavigationEnabled: true
            reuseItems: true
            ScrollBar.vertical: ScrollBar { }
            Accessible.role: Accessible.List
            Accessible.name: qsTr("Call history")
            Label {
                anchors.centerIn: parent
                visible: list.count === 0
                text: qsTr("No calls recorded yet")
                color: Theme.mutedText
            }
            delegate: Rectangle {
                id: row
                required property int index
                required property string remoteName
                required property string remoteNumber
                required property string lineId
                required property var terminatedAt
                required property var connectedAt
                required property int durationMs
                required property string finalState
                required property string disconnectMode
                required property var uuiReceived
                required property string uuiSent
                required property string disposition
                required property string notes
                required property bool isConference
                width: ListView.view.width
                implicitHeight: grid.implicitHeight + Theme.spacing
                color: index % 2 ? Theme.surfaceAlt : Theme.surface
                border.color: row.ListView.isCurrentItem && list.activeFocus ? Theme.accent : "transparent"
                radius: Theme.radius
                Accessible.role: Accessible.ListItem
                Accessible.name: Names.caller(remoteName, remoteNumber)
                GridLayout {
                    id: grid
                    anchors.fill: parent
                    anchors.margins: Theme.spacing / 2
                    columns: 4
                    columnSpacing: Theme.spacing
                    PlainLabel {
                        objectName: "historyCaller"
                        Layout.preferredWidth: 260
                        font.bold: true
                        text: row.isConference ? qsTr("Conference") : Names.caller(row.remoteName, row.remoteNumber)
                    }
                    PlainLabel {
                        Layout.preferredWidth: 170
                        color: Theme.mutedText
                        text: row.terminatedAt ? Qt.formatDateTime(row.terminatedAt, Qt.DefaultLocaleShortDate) : ""
                    }
                    PlainLabel {
                        Layout.preferredWidth: 70
                        text: row.connectedAt ? Fmt.duration(row.durationMs) : qsTr("not answered")
                        color: Theme.mutedText
                    }
                    PlainLabel {
                        objectName: "historyDisposition"
                        Layout.fillWidth: true
                        text: row.disposition.length ? Names.disposition(row.disposition) : ""
                    }
                    PlainLabel {
                        Layout.columnSpan: 4
                        Layout.fillWidth: true
                        font.pixelSize: Theme.fontSmall
                        color: Theme.mutedText
                        text: row.lineId + (row.disconnectMode.length ? "  ·  " + row.disconnectMode : "")
                              + (row.uuiReceived.length ? "  ·  " + qsTr("received: ") + row.uuiReceived.join(" | ") : "")
                              + (row.uuiSent.length ? "  ·  " + qsTr("sent: ") + row.uuiSent : "")
                              + (row.notes.length ? "  ·  " + row.notes : "")
                    }
                }
            }
        }
    }
}
