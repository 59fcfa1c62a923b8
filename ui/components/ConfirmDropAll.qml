import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Hookline.Engine
import Hookline.Ui

// Asks before a whole conference is dropped (every party is disconnected, which cannot be undone).
// ask(conference, dropFunction) opens it; "Drop all" calls the function, Cancel or Escape keeps the
// conference. Ordinary drops are never confirmed.
Dialog {
    id: confirm
    objectName: "confirmDropAll"
    property CallSession conference: null
    property var action: null
    readonly property int parties: conference ? conference.members.length : 0

    function ask(session, dropFunction) {
        conference = session
        action = dropFunction
        open()
    }

    parent: Overlay.overlay
    anchors.centerIn: parent
    modal: true
    focus: true
    title: qsTr("Drop the whole conference?")
    // The style's title elides, and an eliding label in a header whose width is the dialog's, the dialog's
    // implicit width taking the header's, is a binding loop on Qt 6.4: this one never elides (the dialog
    // is as wide as its title).
    header: Label {
        objectName: "confirmDropAllTitle"
        text: confirm.title
        font.bold: true
        padding: 6
        color: Theme.text
    }

    onAccepted: {
        const f = action
        action = null
        if (f)
            f()
    }
    onRejected: action = null

    Label {
        objectName: "confirmDropAllText"
        width: Math.min(implicitWidth, 420)
        wrapMode: Text.WordWrap
        text: confirm.parties > 0
              ? qsTr("All %n parties will be disconnected.", "", confirm.parties)
              : qsTr("Every party will be disconnected.")
        color: Theme.text
    }

    footer: DialogButtonBox {
        Button {
            objectName: "confirmDropAllButton"
            text: qsTr("Drop all")
            palette.button: Theme.danger
            palette.buttonText: Theme.dark ? "#1d2126" : "#ffffff"
            DialogButtonBox.buttonRole: DialogButtonBox.AcceptRole
            Accessible.name: qsTr("Drop the whole conference")
        }
        Button {
            id: cancelButton
            objectName: "cancelDropAllButton"
            text: qsTr("Cancel")
            DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
            Accessible.name: qsTr("Keep the conference")
        }
    }
    // The safe choice has the focus: Enter does not drop everyone by accident.
    onOpened: cancelButton.forceActiveFocus(Qt.TabFocusReason)
}
