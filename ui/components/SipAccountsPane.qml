import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Hookline.Engine
import Hookline.Ui

// The SIP accounts of the settings (ConsoleSettings.sipAccounts), each with its registration state (the
// state of its line, "sip/<id>", and why it is out of service), and Add, Edit and Remove for the user's
// own. An account from the administrator's file is locked, saying why. What is saved here applies at once
// (the console's SipAccountLines): an added account registers, a removed one un-registers; an account with
// a call in progress keeps its line (retiring) until the call ends.
ColumnLayout {
    id: pane
    objectName: "sipAccountsPane"
    spacing: Theme.spacing / 2

    readonly property SettingsArray accounts: ConsoleSettings.sipAccounts
    // The account whose form is open: its entryId, "+" for a new one, "" for none.
    property string editing: ""

    // The reason every locked control gives.
    PinnedNote { id: pinnedText; visible: false }

    function entryOf(entryId) {
        const entries = accounts.entries
        for (let i = 0; i < entries.length; ++i) {
            if (entries[i].entryId === entryId)
                return entries[i]
        }
        return ({})
    }
    function lineOf(entryId) {
        const lines = CallEngine.lines
        for (let i = 0; i < lines.length; ++i) {
            if (lines[i].providerId === "sip" && lines[i].lineId === "sip/" + entryId)
                return lines[i]
        }
        return null
    }
    function stateOf(line) {
        if (line === null)
            return qsTr("not started: the console refused its values")
        if (line.retiring)
            return qsTr("changes apply when its calls end")
        if (!line.open)
            return qsTr("closed")
        if (!line.inService)
            return line.outOfServiceReason.length ? qsTr("out of service: %1").arg(line.outOfServiceReason)
                                                  : qsTr("out of service")
        return qsTr("registered")
    }

    PlainLabel {
        objectName: "sipAccountsRefused"
        Layout.fillWidth: true
        visible: pane.accounts.refusal.length > 0
        text: qsTr("The SIP accounts in the settings are not used: %1").arg(pane.accounts.refusal)
        color: Theme.danger
        wrapMode: Text.Wrap
        elide: Text.ElideNone
        maximumLineCount: 4
        Accessible.role: Accessible.AlertMessage
        Accessible.name: text
    }
    PlainLabel {
        objectName: "noSipAccounts"
        visible: pane.accounts.entries.length === 0 && pane.accounts.refusal.length === 0
        text: qsTr("No SIP accounts.")
        color: Theme.mutedText
    }
    Repeater {
        model: pane.accounts.entries
        delegate: ColumnLayout {
            id: account
            required property var modelData
            readonly property string entryId: modelData.entryId
            // Its line (null before the console starts the account); bound to the engine's list of lines.
            readonly property var sipLine: CallEngine.lines.length >= 0 ? pane.lineOf(entryId) : null
            readonly property bool working: sipLine !== null && sipLine.open && sipLine.inService && !sipLine.retiring
            readonly property string title: (modelData.displayName ? UntrustedText.display(modelData.displayName) + "  ·  " : "")
                                            + UntrustedText.display(modelData.user + "@" + modelData.registrar)
            objectName: "sipAccount_" + entryId
            Layout.fillWidth: true
            spacing: 2
            RowLayout {
                Layout.fillWidth: true
                spacing: Theme.spacing
                Rectangle {
                    width: 10; height: 10; radius: 5
                    color: account.working ? Theme.success : Theme.danger
                    Accessible.ignored: true
                }
                PlainLabel {
                    objectName: "sipAccountName"
                    Layout.preferredWidth: 240
                    text: account.title
                    color: Theme.text
                }
                PlainLabel {
                    objectName: "sipAccountState"
                    Layout.fillWidth: true
                    text: pane.stateOf(account.sipLine)
                    color: account.working ? Theme.text : Theme.danger
                    wrapMode: Text.Wrap
                    elide: Text.ElideNone
                    maximumLineCount: 3
                    Accessible.name: qsTr("%1: %2").arg(account.title).arg(text)
                }
                IconButton {
                    objectName: "sipAccountEdit_" + account.entryId
                    text: qsTr("Edit")
                    available: !account.modelData.pinned
                    disabledReason: account.modelData.pinned ? pinnedText.text : ""
                    Accessible.name: qsTr("Edit %1").arg(account.title)
                    onTriggered: pane.editing = account.entryId
                }
                IconButton {
                    objectName: "sipAccountRemove_" + account.entryId
                    text: qsTr("Remove")
                    available: !account.modelData.pinned
                    disabledReason: account.modelData.pinned ? pinnedText.text : ""
                    Accessible.name: qsTr("Remove %1").arg(account.title)
                    onTriggered: {
                        if (pane.editing === account.entryId)
                            pane.editing = ""
                        pane.accounts.remove(account.entryId)
                    }
                }
                PlainLabel {
                    objectName: "sipAccountPinned_" + account.entryId
                    visible: account.modelData.pinned
                    text: pinnedText.text
                    color: Theme.mutedText
                    font.italic: true
                    Accessible.role: Accessible.StaticText
                    Accessible.name: text
                }
            }
        }
    }
    IconButton {
        objectName: "sipAccountAdd"
        text: qsTr("Add a SIP account")
        available: pane.editing === "" && pane.accounts.entries.length < pane.accounts.maximumSize
        disabledReason: pane.editing !== "" ? qsTr("Finish the account being edited first.")
                                            : qsTr("The console takes at most %1 SIP accounts.").arg(pane.accounts.maximumSize)
        onTriggered: pane.editing = "+"
    }
    // The form, outside the list: a save re-reads the entries and rebuilds the rows.
    Label {
        visible: pane.editing !== ""
        text: pane.editing === "+" ? qsTr("New SIP account") : qsTr("Editing %1").arg(pane.editing)
        font.bold: true
        color: Theme.text
    }
    Loader {
        Layout.fillWidth: true
        Layout.leftMargin: 2 * Theme.spacing
        active: pane.editing !== ""
        visible: active
        sourceComponent: SipAccountForm {
            objectName: "sipAccountForm"
            entry: pane.editing === "+" ? ({}) : pane.entryOf(pane.editing)
            onDone: pane.editing = ""
        }
    }
    PlainLabel {
        Layout.fillWidth: true
        text: qsTr("Accounts added, changed or removed here apply at once; an account with a call in progress changes when the call ends.")
        color: Theme.mutedText
        wrapMode: Text.Wrap
        elide: Text.ElideNone
        maximumLineCount: 3
    }
}
