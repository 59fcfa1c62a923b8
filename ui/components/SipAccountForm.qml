import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Hookline.Engine
import Hookline.Ui

// Adds or edits one SIP account of the user's (ConsoleSettings.sipAccounts): registrar, outbound proxy,
// user, authentication user, password, transport, display name and the codecs in the order offered.
// Types, choices and defaults are the settings schema's (accounts.fields); the schema and the settings
// refuse what they do not allow, and the reason is shown. The password is never shown: editing an account
// that has one leaves the field empty ("unchanged"), and saving it empty keeps the stored one.
GridLayout {
    id: form
    // The account edited (an entry of accounts.entries), or {} for a new one.
    property var entry: ({})
    property SettingsArray accounts: ConsoleSettings.sipAccounts
    readonly property bool adding: entry.entryId === undefined
    readonly property var fields: accounts.fields
    // Why the last save was refused ("" before one).
    property string problem: ""
    // Saved or cancelled: whoever showed the form hides it.
    signal done()
    columns: 2
    columnSpacing: Theme.spacing
    rowSpacing: Theme.spacing / 2

    function textOf(key) { return form.entry[key] === undefined ? "" : String(form.entry[key]) }
    function save() {
        const account = {
            registrar: registrar.text.trim(), proxy: proxy.text.trim(), user: user.text.trim(),
            authUser: authUser.text.trim(), password: password.text, transport: transport.code,
            displayName: displayName.text.trim(),
            codecs: codecs.text.split(",").map(function(c) { return c.trim() }).filter(function(c) { return c.length > 0 })
        }
        if (accounts.put(account, form.adding ? "" : form.entry.entryId)) {
            password.text = ""
            form.problem = ""
            form.done()
        } else {
            form.problem = accounts.problem
        }
    }

    component FieldLabel: Label { color: Theme.text; Layout.preferredWidth: 160 }
    component Field: TextField {
        palette.window: Theme.outlineBase // a visible edge (Theme.fieldBorder)
        Layout.fillWidth: true
        Keys.onReturnPressed: form.save()
        Keys.onEnterPressed: form.save()
    }

    FieldLabel { text: qsTr("Registrar") }
    Field {
        id: registrar
        objectName: "sipRegistrar"
        text: form.textOf("registrar")
        placeholderText: qsTr("host or host:port")
        Accessible.name: qsTr("Registrar")
    }
    FieldLabel { text: qsTr("Outbound proxy") }
    Field {
        id: proxy
        objectName: "sipProxy"
        text: form.textOf("proxy")
        placeholderText: qsTr("None: requests go to the registrar")
        Accessible.name: qsTr("Outbound proxy")
    }
    FieldLabel { text: qsTr("User") }
    Field {
        id: user
        objectName: "sipUser"
        text: form.textOf("user")
        placeholderText: qsTr("The account's user, also the line's number")
        Accessible.name: qsTr("User")
    }
    FieldLabel { text: qsTr("Authentication user") }
    Field {
        id: authUser
        objectName: "sipAuthUser"
        text: form.textOf("authUser")
        placeholderText: qsTr("The user")
        Accessible.name: qsTr("Authentication user")
    }
    FieldLabel { text: qsTr("Password") }
    Field {
        id: password
        objectName: "sipPassword"
        echoMode: TextInput.Password
        text: "" // never shown: the stored one stays unless a new one is typed
        placeholderText: form.entry.passwordSet ? qsTr("Unchanged") : qsTr("None")
        Accessible.name: qsTr("Password")
        Accessible.passwordEdit: true
    }
    FieldLabel { text: qsTr("Transport") }
    ChoiceBox {
        id: transport
        objectName: "sipTransport"
        Layout.preferredWidth: Math.max(implicitWidth, 160)
        codes: form.fields.transport.allowed
        code: form.textOf("transport") || form.fields.transport.defaultValue
        nameOf: function(value) { return String(value).toUpperCase() }
        onChosen: function(value) { code = value }
        Accessible.name: qsTr("Transport")
    }
    FieldLabel { text: qsTr("Display name") }
    Field {
        id: displayName
        objectName: "sipDisplayName"
        text: form.textOf("displayName")
        placeholderText: qsTr("None")
        Accessible.name: qsTr("Display name")
    }
    FieldLabel { text: qsTr("Codecs, in order") }
    Field {
        id: codecs
        objectName: "sipCodecs"
        text: form.entry.codecs === undefined ? "" : form.entry.codecs.join(", ")
        placeholderText: form.fields.codecs.defaultValue.join(", ")
        Accessible.name: qsTr("Codecs, in order of preference")
    }
    PlainLabel {
        objectName: "sipAccountProblem"
        Layout.columnSpan: 2
        Layout.fillWidth: true
        visible: form.problem.length > 0
        text: qsTr("Not saved: %1").arg(form.problem)
        color: Theme.danger
        wrapMode: Text.Wrap
        elide: Text.ElideNone
        maximumLineCount: 4
        Accessible.role: Accessible.AlertMessage
        Accessible.name: text
    }
    RowLayout {
        Layout.columnSpan: 2
        IconButton {
            objectName: "sipAccountSave"
            text: form.adding ? qsTr("Add the account") : qsTr("Save the account")
            onTriggered: form.save()
        }
        IconButton {
            objectName: "sipAccountCancel"
            text: qsTr("Cancel")
            onTriggered: {
                password.text = ""
                form.done()
            }
        }
    }
}
