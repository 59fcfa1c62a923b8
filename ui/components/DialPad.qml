import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Hookline.Engine
import Hookline.Ui

// Digits for the session: on a connected call each key is sent at once (DTMF through session.dial);
// on a dial tone (a consultation call) the typed number is dialled with Dial. A key sent to a call also plays
// its tone locally (DtmfFeedback) so the agent hears it.
ColumnLayout {
    id: pad
    property CallSession session: null
    readonly property bool canDial: session !== null && (session.features & Tapi.FeatureDial) !== 0
    readonly property bool sendsTones: canDial && session.state === Tapi.Connected
    spacing: Theme.spacing / 2
    readonly property string problem: numberField.text.length ? DialString.problem(numberField.text) : ""

    function press(key) {
        if (sendsTones) {
            session.dial(key)
            DtmfFeedback.play(key) // the agent hears the key locally; the call gets it through dial()
        } else
            numberField.insert(numberField.cursorPosition, key)
    }

    RowLayout {
        Layout.fillWidth: true
        visible: !pad.sendsTones
        TextField {
            palette.window: Theme.outlineBase // a visible edge (Theme.fieldBorder)
            id: numberField
            objectName: "dialNumber"
            Layout.fillWidth: true
            placeholderText: qsTr("Number to dial")
            enabled: pad.canDial
            // Numbers as the UI shows them are fine ("+1 555 0103", "(555) 010-3"); letters get a reason.
            inputMethodHints: Qt.ImhDialableCharactersOnly
            Accessible.name: qsTr("Number to dial")
            Accessible.description: pad.problem
            Keys.onReturnPressed: dialButton.clicked()
        }
        IconButton {
            iconName: "dialpad"
            id: dialButton
            objectName: "dialButton"
            text: qsTr("Dial")
            enabled: pad.canDial && numberField.text.trim().length > 0 && pad.problem.length === 0
            Accessible.name: qsTr("Dial the number")
            onClicked: {
                if (pad.session.dial(numberField.text.trim()) > 0)
                    numberField.text = ""
            }
        }
    }
    Label {
        objectName: "dialProblem"
        visible: !pad.sendsTones && pad.problem.length > 0
        text: pad.problem
        color: Theme.danger
        wrapMode: Text.WordWrap
        textFormat: Text.PlainText
        Layout.fillWidth: true
    }
    Label {
        visible: pad.sendsTones
        text: qsTr("Keys send tones to the call")
        color: Theme.mutedText
        font.pixelSize: Theme.fontSmall
    }
    GridLayout {
        columns: 3
        rowSpacing: 2
        columnSpacing: 2
        Repeater {
            model: ["1", "2", "3", "4", "5", "6", "7", "8", "9", "*", "0", "#"]
            Button {
                required property string modelData
                objectName: "dialKey" + modelData
                text: modelData
                enabled: pad.canDial
                implicitWidth: 44
                implicitHeight: 34
                focusPolicy: Qt.TabFocus
                Accessible.name: qsTr("Key %1").arg(modelData)
                onClicked: pad.press(modelData)
            }
        }
    }
}
