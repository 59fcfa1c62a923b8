import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Hookline.Engine
import Hookline.Ui

// Blind transfer beside consult transfer: the caller is handed to the number typed here and this
// station leaves the call (session.blindTransfer). A number is taken as the UI shows numbers
// ("+1 555 0103"); text that cannot be dialled says why.
RowLayout {
    id: row
    property CallSession session: null
    readonly property bool available: session !== null && (session.features & Tapi.FeatureBlindTransfer) !== 0
    readonly property string problem: destination.text.length ? DialString.problem(destination.text) : ""
    spacing: Theme.spacing / 2

    function transfer() {
        if (!available || DialString.normalized(destination.text).length === 0)
            return -1
        const id = session.blindTransfer(destination.text)
        if (id > 0)
            destination.text = ""
        return id
    }

    TextField {
        id: destination
        objectName: "blindTransferNumber"
        Layout.fillWidth: true
        enabled: row.available
        placeholderText: qsTr("Transfer to number")
        inputMethodHints: Qt.ImhDialableCharactersOnly
        Accessible.name: qsTr("Number to transfer the call to")
        Accessible.description: row.problem
        Keys.onReturnPressed: row.transfer()
        Keys.onEnterPressed: row.transfer()
    }
    IconButton {
        objectName: "blindTransferButton"
        iconName: "transfer"
        text: qsTr("Blind transfer")
        enabled: row.available && destination.text.length > 0 && row.problem.length === 0
        Accessible.name: qsTr("Transfer the call without consulting")
        onClicked: row.transfer()
    }
    Label {
        objectName: "blindTransferProblem"
        visible: row.problem.length > 0
        text: row.problem
        color: Theme.danger
        wrapMode: Text.WordWrap
        Layout.maximumWidth: 260
        textFormat: Text.PlainText
    }
}
