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
    signal callPlaced(int requestId)
    property string callBackProblem: ""

    // Call back through the same line.makeCall as the console's Call: on the row's line when it can
    // make calls now, otherwise on the first line that can.
    function callBack(lineId, number) {
        let line = CallEngine.line(lineId)
        if (!line || !line.canMakeCalls) {
            line = null
            for (const l of CallEngine.lines) {
                if (l.canMakeCalls) {
                    line = l
                    break
                }
            }
        }
        if (!line) {
            callBackProblem = qsTr("No line can make calls right now.")
            return -1
        }
        if (DialString.normalized(number).length === 0) {
            callBackProblem = qsTr("This call has no number to call back.")
            return -1
        }
        const id = line.makeCall(number)
        callBackProblem = id > 0 ? "" : qsTr("The line refused the call.")
        if (id > 0)
            callPlaced(id)
        return id
    }
    function outcomeName(code) {
        switch (code) {
        case "answered": return qsTr("answered")
        case "missed": return qsTr("missed")
        case "rejected": return qsTr("rejected")
        case "unanswered": return qsTr("not answered")
        case "transferred": return qsTr("transferred")
        case "consult": return qsTr("consultation")
        case "conference": return qsTr("conference")
        case "elsewhere": return qsTr("answered elsewhere")
        // A supervisor's call joined to an agent's call (listen, whisper, barge), on either console.
        case "coaching": return qsTr("coaching")
        // The console stopped (killed, power lost) during the call.
        case "interrupted": return qsTr("interrupted")
        default: return code
        }
    }

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
            objectName: "callBackProblem"
            visible: page.callBackProblem.length > 0
            text: page.callBackProblem
            color: Theme.danger
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }
        Label {
            objectName: "callLogProblem"
            // What became of a damaged history file (set aside, a fresh one started).
            visible: CallLog.problem.length > 0
            text: CallLog.problem
            color: Theme.danger
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
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
                required property int direction
                required property string outcome
                readonly property bool outbound: direction === Tapi.Outbound
                // Who the row shows: a conference is named as one, not after its first caller.
                readonly property string shownParty: isConference ? qsTr("Conference") : Names.caller(remoteName, remoteNumber)
                width: ListView.view.width
                implicitHeight: grid.implicitHeight + Theme.spacing
                color: index % 2 ? Theme.surfaceAlt : Theme.surface
                border.color: row.ListView.isCurrentItem && list.activeFocus ? Theme.accent : "transparent"
                radius: Theme.radius
                Accessible.role: Accessible.ListItem
                // What the row shows, in its order: direction, party, outcome.
                Accessible.name: (outbound ? qsTr("Outgoing") : qsTr("Incoming")) + ", " + shownParty
                                 + ", " + page.outcomeName(outcome)
                GridLayout {
                    id: grid
                    anchors.fill: parent
                    anchors.margins: Theme.spacing / 2
                    columns: 7
                    PlainLabel {
                        objectName: "historyDirection"
                        Layout.preferredWidth: 80
                        color: Theme.mutedText
                        text: row.outbound ? qsTr("Outgoing") : qsTr("Incoming")
                    }
                    columnSpacing: Theme.spacing
                    PlainLabel {
                        objectName: "historyCaller"
                        Layout.preferredWidth: 260
                        font.bold: true
                        text: row.shownParty
                    }
                    PlainLabel {
                        Layout.preferredWidth: 170
                        color: Theme.mutedText
                        objectName: "historyTime"
                        // The locale's short date and a 24-hour time: Qt 6.4 cannot render some locales'
                        // short date-time patterns (zh_TW's day period shows as a literal "B").
                        text: row.terminatedAt ? Qt.formatDateTime(row.terminatedAt, Qt.locale().dateFormat(Locale.ShortFormat) + " HH:mm") : ""
                    }
                    PlainLabel {
                        Layout.preferredWidth: 70
                        text: row.connectedAt ? Fmt.duration(row.durationMs) : qsTr("not answered")
                        color: Theme.mutedText
                    }
                    PlainLabel {
                        objectName: "historyOutcome"
                        Layout.preferredWidth: 130
                        text: page.outcomeName(row.outcome)
                        color: row.outcome === "missed" || row.outcome === "rejected" ? Theme.alert : Theme.text
                    }
                    PlainLabel {
                        objectName: "historyDisposition"
                        Layout.fillWidth: true
                        text: row.disposition.length ? Names.disposition(row.disposition) : ""
                    }
                    IconButton {
                        objectName: "callBackButton"
                        iconName: "answer"
                        text: qsTr("Call back")
                        visible: !row.isConference && row.remoteNumber.length > 0
                        Accessible.name: qsTr("Call back %1").arg(Names.caller(row.remoteName, row.remoteNumber))
                        onClicked: page.callBack(row.lineId, row.remoteNumber)
                    }
                    PlainLabel {
                        objectName: "historyDetails"
                        Layout.columnSpan: 7
                        Layout.fillWidth: true
                        font.pixelSize: Theme.fontSmall
                        color: Theme.mutedText
                        // Received UUI is the far end's text: shown with its direction controls neutralised.
                        text: row.lineId + (row.disconnectMode.length ? "  ·  " + row.disconnectMode : "")
                              + (row.uuiReceived.length ? "  ·  " + qsTr("received: ")
                                 + row.uuiReceived.map(function(uui) { return UntrustedText.display(uui) }).join(" | ") : "")
                              + (row.uuiSent.length ? "  ·  " + qsTr("sent: ") + row.uuiSent : "")
                              + (row.notes.length ? "  ·  " + row.notes : "")
                    }
                }
            }
        }
    }
}
