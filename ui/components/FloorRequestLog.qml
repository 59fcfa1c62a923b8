import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Hookline.Engine
import Hookline.Ui

// The supervisor's requests and how each ended, newest first: sent, done, or refused with the reason
// (the agent's console's answer, or why none came). The latest outcome is announced as an alert.
ColumnLayout {
    id: log
    objectName: "floorRequestLog"
    spacing: Theme.spacing / 2

    // Records a request FloorModel just sent (its token) under a description ("Drop Bob Baker for Ana").
    function sent(description, token) {
        requests.insert(0, { token: token, description: description, outcome: qsTr("sent, waiting for the answer"), ok: true, done: false })
        while (requests.count > 20)
            requests.remove(requests.count - 1)
    }

    function outcome(action, ok, result, message, error) {
        if (ok)
            return result === "Deferred" ? qsTr("done; the agent's state changes after the current call") : qsTr("done")
        if (error !== 0)
            return qsTr("refused: %1").arg(Reasons.error(error))
        switch (result) {
        case "forbidden": return qsTr("refused: this supervisor may not act on this agent")
        case "invalid": return qsTr("refused as invalid: %1").arg(message)
        case "timeout": return qsTr("refused: the agent's line did not complete it in time")
        case "Refused": return qsTr("refused: the agent's console cannot take that state now")
        }
        return qsTr("no answer: %1").arg(message.length ? message : result)
    }

    // Listen, whisper and barge end here too (the same link's tokens).
    Connections {
        target: FloorModel.coaching
        function onFinished(token, agentId, mode, ok, result, message) {
            log.finish(token, result === "noLine" ? qsTr("refused: this console's line could not call the agent's console")
                                                  : log.outcome(mode, ok, result, message, 0), ok)
        }
    }

    function finish(token, text, ok) {
        for (let i = 0; i < requests.count; ++i) {
            if (requests.get(i).token === token) {
                requests.setProperty(i, "outcome", text)
                requests.setProperty(i, "ok", ok)
                requests.setProperty(i, "done", true)
                announcement.text = qsTr("%1: %2").arg(requests.get(i).description).arg(text)
                announcement.visible = false
                announcement.visible = true
                return
            }
        }
    }

    Connections {
        target: FloorModel
        function onActionFinished(token, agentId, action, ok, result, message, error) {
            log.finish(token, log.outcome(action, ok, result, message, error), ok)
        }
    }

    ListModel { id: requests }

    Label { text: qsTr("Requests"); font.bold: true; color: Theme.text; Accessible.ignored: true }
    // The latest outcome, heard by a screen reader as an alert when a request ends (shown again for each
    // one); it takes no focus.
    Label {
        id: announcement
        objectName: "floorLastOutcome"
        Layout.fillWidth: true
        visible: false
        wrapMode: Text.WordWrap
        font.bold: true
        color: Theme.text
        Accessible.ignored: true // the alert below carries it
        Item {
            anchors.fill: parent
            visible: parent.visible
            Accessible.role: Accessible.AlertMessage
            Accessible.name: announcement.text
        }
    }
    ListView {
        id: list
        objectName: "floorRequestList"
        Layout.fillWidth: true
        Layout.fillHeight: true
        clip: true
        model: requests
        Accessible.role: Accessible.List
        Accessible.name: qsTr("Requests to agents' consoles")
        ScrollBar.vertical: ScrollBar { }
        Label {
            visible: list.count === 0
            text: qsTr("No requests yet")
            color: Theme.mutedText
        }
        delegate: Label {
            required property string description
            required property string outcome
            required property bool ok
            required property bool done
            width: ListView.view.width
            wrapMode: Text.WordWrap
            text: qsTr("%1: %2").arg(description).arg(outcome)
            color: !ok ? Theme.danger : done ? Theme.success : Theme.mutedText
            Accessible.role: Accessible.ListItem
            Accessible.name: text
        }
    }
}
