import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Hookline.Engine
import Hookline.Ui

// Place a call from the console: the number as people write it ("+1 555 0103", "(555) 010-3"), the
// line to call on when several lines can make calls, and Call (line.makeCall, as History's Call back).
// Text that cannot be dialled is refused with the reason shown under the field.
ColumnLayout {
    id: bar
    objectName: "newCallBar"
    spacing: 2
    signal placed(int requestId)

    readonly property var lines: {
        const result = []
        for (const l of CallEngine.lines) {
            if (l.canMakeCalls)
                result.push(l)
        }
        return result
    }
    readonly property Line chosenLine: lines.length === 0 ? null : lines[Math.max(0, Math.min(lineBox.currentIndex, lines.length - 1))]
    readonly property string problem: numberField.text.length ? DialString.problem(numberField.text) : ""
    property string refusal: "" // why the last Call did not go out

    // Returns the request id, or a negative error with the reason in refusal.
    function call() {
        if (!chosenLine) {
            refusal = qsTr("No line can make calls right now.")
            return -1
        }
        if (problem.length || numberField.text.trim().length === 0) {
            refusal = problem.length ? problem : DialString.problem("")
            return -1
        }
        const id = chosenLine.makeCall(numberField.text)
        if (id > 0) {
            refusal = ""
            numberField.text = ""
            placed(id)
        } else {
            refusal = qsTr("The line refused the call.")
        }
        return id
    }

    RowLayout {
        Layout.fillWidth: true
        spacing: Theme.spacing / 2
        TextField {
            id: numberField
            objectName: "newCallNumber"
            Layout.fillWidth: true
            placeholderText: qsTr("Number to call")
            inputMethodHints: Qt.ImhDialableCharactersOnly
            Accessible.name: qsTr("Number to call")
            Accessible.description: bar.problem
            onTextChanged: bar.refusal = ""
            Keys.onReturnPressed: bar.call()
            Keys.onEnterPressed: bar.call()
        }
        ComboBox {
            id: lineBox
            objectName: "newCallLine"
            visible: bar.lines.length > 1
            model: bar.lines.map(function(l) { return l.name })
            Layout.preferredWidth: 170
            Accessible.name: qsTr("Line to call on")
        }
        IconButton {
            objectName: "newCallButton"
            iconName: "answer"
            text: qsTr("Call")
            enabled: bar.chosenLine !== null && numberField.text.trim().length > 0 && bar.problem.length === 0
            Accessible.name: qsTr("Call the number")
            onClicked: bar.call()
        }
    }
    Label {
        objectName: "newCallProblem"
        Layout.fillWidth: true
        visible: text.length > 0
        text: bar.problem.length ? bar.problem : bar.refusal
        color: Theme.danger
        wrapMode: Text.WordWrap
        textFormat: Text.PlainText
        font.pixelSize: Theme.fontSmall
    }
}
