import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Hookline.Engine
import Hookline.Ui

// Adds or edits one SIP account of the user's (ConsoleSettings.sipAccounts): registrar, outbound proxy,
// user, authentication user, password, transport, display name, the codecs in the order offered, the TLS
// files (shown with transport TLS; another transport stores none), the monitored addresses (dialog-info:
// their busy/idle status shows in the console's Monitored list) and whether the address is a shared line.
// Types, choices and defaults are the settings schema's (accounts.fields); the schema and the settings
// refuse what they do not allow, and the reason is shown. Files and monitored addresses are checked here
// (SipAccountChecks) as they are typed or picked, each problem under its field, naming the file or entry.
// The password is never shown: editing an account that has one leaves the field empty ("unchanged"), and
// saving it empty keeps the stored one.
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

    readonly property bool tls: transport.code === "tls"
    // What the checks find now ("" for none); TLS files only count with transport TLS.
    readonly property string caFileProblem: tls ? checks.fileProblem(caFile.text) : ""
    readonly property string certificateFileProblem: tls ? checks.fileProblem(certificateFile.text) : ""
    readonly property string monitorProblem: checks.monitorProblem(checks.monitorEntries(monitor.text))

    function textOf(key) {
        const value = form.entry[key]
        if (value === undefined)
            return ""
        // A list (a JS array, or the string list the settings hold) or one value.
        return typeof value === "object" && value !== null && typeof value.join === "function"
            ? value.join(", ") : String(value)
    }
    function save() {
        const problem = form.caFileProblem || form.certificateFileProblem || form.monitorProblem
        if (problem.length > 0) {
            form.problem = problem
            return
        }
        const account = {
            registrar: registrar.text.trim(), proxy: proxy.text.trim(), user: user.text.trim(),
            authUser: authUser.text.trim(), password: password.text, transport: transport.code,
            displayName: displayName.text.trim(),
            codecs: codecs.text.split(",").map(function(c) { return c.trim() }).filter(function(c) { return c.length > 0 }),
            // The TLS files apply to transport TLS only: another transport stores none.
            tlsCaFile: form.tls ? caFile.text.trim() : "",
            tlsCertificateFile: form.tls ? certificateFile.text.trim() : "",
            monitor: checks.monitorEntries(monitor.text),
            sharedLine: sharedLine.checked ? true : "" // empty: the default (not shared), not written
        }
        if (accounts.put(account, form.adding ? "" : form.entry.entryId)) {
            password.text = ""
            form.problem = ""
            form.done()
        } else {
            form.problem = accounts.problem
        }
    }

    SipAccountChecks { id: checks }

    component FieldLabel: Label { color: Theme.text; Layout.preferredWidth: 160 }
    // A problem under a field (its second column), read out as an alert.
    component FieldProblem: PlainLabel {
        Layout.columnSpan: 2
        Layout.leftMargin: 160 + form.columnSpacing // under the field, beside no label
        Layout.fillWidth: true
        visible: text.length > 0
        color: Theme.danger
        wrapMode: Text.Wrap
        elide: Text.ElideNone
        maximumLineCount: 3
        Accessible.role: Accessible.AlertMessage
        Accessible.name: text
    }
    // A path typed, or picked with the desktop's file chooser.
    component FileField: RowLayout {
        id: fileField
        property alias text: pathField.text
        property string label: ""
        property string problem: ""
        property string placeholder: qsTr("None")
        Layout.fillWidth: true
        Field {
            id: pathField
            objectName: fileField.objectName + "Field"
            placeholderText: fileField.placeholder
            Accessible.name: fileField.label
            Accessible.description: fileField.problem
        }
        BrowseButton {
            objectName: fileField.objectName + "Browse"
            path: pathField.text.trim()
            title: fileField.label
            nameFilters: [qsTr("PEM files (*.pem *.crt *.cer *.key)"), qsTr("All files (*)")]
            Accessible.name: qsTr("Browse for %1").arg(fileField.label)
            onChosen: function(path) { pathField.text = path }
        }
    }
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
    FieldLabel {
        visible: form.tls
        text: qsTr("TLS certificate authorities")
    }
    FileField {
        id: caFile
        objectName: "sipTlsCaFile"
        visible: form.tls
        label: qsTr("TLS certificate authorities file")
        text: form.textOf("tlsCaFile")
        problem: form.caFileProblem
        placeholder: qsTr("The system's trusted authorities")
    }
    FieldProblem {
        objectName: "sipTlsCaFileProblem"
        text: form.caFileProblem
    }
    FieldLabel {
        visible: form.tls
        text: qsTr("TLS client certificate")
    }
    FileField {
        id: certificateFile
        objectName: "sipTlsCertificateFile"
        visible: form.tls
        label: qsTr("TLS client certificate and key file")
        text: form.textOf("tlsCertificateFile")
        problem: form.certificateFileProblem
        placeholder: qsTr("None: sent only if the server asks")
    }
    FieldProblem {
        objectName: "sipTlsCertificateFileProblem"
        text: form.certificateFileProblem
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
    FieldLabel { text: qsTr("Monitored addresses") }
    Field {
        id: monitor
        objectName: "sipMonitor"
        text: form.textOf("monitor")
        placeholderText: qsTr("None, or numbers and sip: addresses, separated by commas")
        Accessible.name: qsTr("Monitored addresses")
        Accessible.description: form.monitorProblem.length ? form.monitorProblem
                                                           : qsTr("Numbers or sip: addresses whose busy or idle status the console shows, separated by commas")
    }
    FieldProblem {
        objectName: "sipMonitorProblem"
        text: form.monitorProblem
    }
    Item { Layout.preferredWidth: 1; Layout.preferredHeight: 1 }
    CheckBox {
        id: sharedLine
        objectName: "sipSharedLine"
        text: qsTr("Shared line: calls answered at other phones on this address appear here")
        checked: form.entry.sharedLine === true || String(form.entry.sharedLine) === "true"
        Accessible.name: qsTr("Shared line")
        Accessible.description: text
        Keys.onReturnPressed: form.save()
        Keys.onEnterPressed: form.save()
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
