import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Hookline.Engine
import Hookline.Ui

// What happened on an ended session, and the wrap-up: disposition and notes are kept on the session, then
// the session is closed (terminated), which writes its history row with them.
ColumnLayout {
    id: form
    property CallSession session: null
    property string presetDisposition: ""
    signal closed(int sessionId)
    spacing: Theme.spacing / 2

    onSessionChanged: {
        notesField.text = session ? session.notes : ""
        const code = session ? (session.disposition || presetDisposition) : presetDisposition
        dispositionBox.currentIndex = Math.max(0, Names.dispositions.indexOf(code) + 1)
    }
    onPresetDispositionChanged: {
        if (dispositionBox.currentIndex === 0)
            dispositionBox.currentIndex = Math.max(0, Names.dispositions.indexOf(presetDisposition) + 1)
    }

    function focusNotes() { notesField.forceActiveFocus(Qt.OtherFocusReason) }

    function saveAndClose() {
        if (!session)
            return false
        const id = session.sessionId
        const code = dispositionBox.currentIndex > 0 ? Names.dispositions[dispositionBox.currentIndex - 1] : ""
        session.setWrapUp(code, notesField.text)
        if (session.terminate() !== 0)
            return false
        closed(id)
        return true
    }

    Label {
        text: qsTr("Wrap-up")
        font.bold: true
        color: Theme.text
    }
    RowLayout {
        Layout.fillWidth: true
        Label { text: qsTr("Disposition"); color: Theme.text }
        ChoiceBox { // index 0 is no disposition; the choice stays when the language changes
            id: dispositionBox
            objectName: "wrapUpDisposition"
            Layout.fillWidth: true
            codes: [""].concat(Names.dispositions)
            nameOf: function(value) { return value === "" ? qsTr("Choose…") : Names.disposition(value) }
            Accessible.name: qsTr("Disposition")
        }
    }
    TextArea {
        id: notesField
        objectName: "wrapUpNotes"
        Layout.fillWidth: true
        Layout.preferredHeight: 70
        placeholderText: qsTr("Notes")
        background: Rectangle {
            color: Theme.surface
            radius: 2
            border.width: notesField.activeFocus ? 2 : 1
            border.color: notesField.activeFocus ? Theme.focusRing : Theme.fieldBorder
        }
        wrapMode: TextEdit.Wrap
        textFormat: TextEdit.PlainText
        Accessible.name: qsTr("Wrap-up notes")
        KeyNavigation.priority: KeyNavigation.BeforeItem
        KeyNavigation.tab: closeButton
    }
    RowLayout {
        Layout.fillWidth: true
        Item { Layout.fillWidth: true }
        Button {
            id: closeButton
            objectName: "closeSessionButton"
            text: qsTr("Save and close")
            highlighted: true
            enabled: form.session !== null
            Accessible.name: qsTr("Save the wrap-up and close the call")
            onClicked: form.saveAndClose()
        }
    }
}
