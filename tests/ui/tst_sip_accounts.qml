import QtQuick
import QtQuick.Controls
import QtTest
import Hookline.Engine
import Hookline.Ui
import Hookline.TestSupport

// Settings › Lines › SIP accounts: the accounts of the settings file with their registration state, added,
// edited and removed through the settings schema (ConsoleSettings.sipAccounts); an account from the
// administrator's file is locked; a password never reaches QML.
Item {
    id: root
    width: 1100
    height: 800

    Component { id: paneComponent; SipAccountsPane { width: 1000 } }

    TestCase {
        name: "SipAccounts"
        when: windowShown

        function init() { SimDriver.reset() }

        function makePane() {
            const pane = createTemporaryObject(paneComponent, root)
            verify(pane)
            return pane
        }
        function type(field, text) {
            verify(field)
            field.text = text
        }
        function store(accounts) {
            SimDriver.setSettingValue("sipAccounts/size", accounts.length)
            for (let i = 0; i < accounts.length; ++i) {
                for (const key in accounts[i])
                    SimDriver.setSettingValue("sipAccounts/" + (i + 1) + "/" + key, accounts[i][key])
            }
        }

        function test_listsAccountsWithTheirState() {
            let pane = makePane()
            verify(findChild(pane, "noSipAccounts").visible)
            store([{ user: "100", registrar: "pbx.example", displayName: "Front desk", password: "s3cret" }])
            pane = makePane()
            verify(!findChild(pane, "noSipAccounts").visible)
            const row = findChild(pane, "sipAccount_100")
            verify(row)
            compare(findChild(row, "sipAccountName").text, "Front desk  ·  100@pbx.example")
            // No line sip/100 in this console (nothing starts accounts here): said so, with where to look.
            compare(findChild(row, "sipAccountState").text, "not started: the console refused its values")
            // The password is not in what QML gets, only that there is one.
            const entry = ConsoleSettings.sipAccounts.entries[0]
            compare(entry.password, undefined)
            compare(entry.passwordSet, true)
            compare(JSON.stringify(ConsoleSettings.sipAccounts.entries).indexOf("s3cret"), -1)
        }

        function test_addEditRemove() {
            const pane = makePane()
            const add = findChild(pane, "sipAccountAdd")
            verify(add.actionable)
            add.triggered()
            let form = findChild(pane, "sipAccountForm")
            verify(form)
            // The schema's choices and defaults.
            const transport = findChild(form, "sipTransport")
            compare(transport.codes, ["udp", "tcp", "tls"])
            compare(transport.code, "udp")
            compare(findChild(form, "sipCodecs").placeholderText, "opus, G722, PCMU, PCMA")
            compare(findChild(form, "sipPassword").echoMode, TextInput.Password)
            // The registrar is required: refused, saying why, nothing stored.
            type(findChild(form, "sipUser"), "200")
            findChild(form, "sipAccountSave").triggered()
            verify(findChild(form, "sipAccountProblem").visible)
            verify(findChild(form, "sipAccountProblem").text.indexOf("registrar") >= 0)
            compare(SimDriver.settingValue("sipAccounts/size"), undefined)
            type(findChild(form, "sipRegistrar"), "pbx.example:5060")
            type(findChild(form, "sipPassword"), "pa55")
            type(findChild(form, "sipCodecs"), "pcma, opus")
            transport.activated(1)
            findChild(form, "sipAccountSave").triggered()
            tryCompare(pane, "editing", "")
            compare(SimDriver.settingValue("sipAccounts/size"), 1)
            compare(SimDriver.settingValue("sipAccounts/1/user"), "200")
            compare(SimDriver.settingValue("sipAccounts/1/registrar"), "pbx.example:5060")
            compare(SimDriver.settingValue("sipAccounts/1/transport"), "tcp")
            compare(SimDriver.settingValue("sipAccounts/1/password"), "pa55")
            compare(SimDriver.settingValue("sipAccounts/1/codecs"), ["PCMA", "opus"])
            const row = findChild(pane, "sipAccount_200")
            verify(row)

            // Edit: the form shows the account, the password field stays empty; saved empty, the password
            // stays as it was.
            findChild(pane, "sipAccountEdit_200").triggered()
            form = findChild(pane, "sipAccountForm")
            verify(form)
            compare(findChild(form, "sipRegistrar").text, "pbx.example:5060")
            compare(findChild(form, "sipPassword").text, "")
            compare(findChild(form, "sipPassword").placeholderText, "Unchanged")
            compare(findChild(form, "sipTransport").code, "tcp")
            type(findChild(form, "sipDisplayName"), "Desk 2")
            // A value out of the schema's choices is refused (codecs it does not know).
            type(findChild(form, "sipCodecs"), "speex")
            findChild(form, "sipAccountSave").triggered()
            verify(findChild(form, "sipAccountProblem").text.indexOf("codecs") >= 0)
            type(findChild(form, "sipCodecs"), "")
            findChild(form, "sipAccountSave").triggered()
            tryCompare(pane, "editing", "")
            compare(SimDriver.settingValue("sipAccounts/1/displayName"), "Desk 2")
            compare(SimDriver.settingValue("sipAccounts/1/password"), "pa55")
            compare(SimDriver.settingValue("sipAccounts/1/codecs"), undefined) // empty: the default

            findChild(pane, "sipAccountRemove_200").triggered()
            tryVerify(function() { return findChild(pane, "sipAccount_200") === null })
            compare(SimDriver.settingValue("sipAccounts/size"), 0)
            verify(findChild(pane, "noSipAccounts").visible)
        }

        function test_pinnedAccountIsLocked() {
            store([{ user: "100", registrar: "home.example" }])
            SimDriver.setAdminSettings({ "sipAccounts/size": 1, "sipAccounts/1/id": "desk",
                                         "sipAccounts/1/user": "300", "sipAccounts/1/registrar": "pbx.corp",
                                         "sipAccounts/1/password": "admin-secret" })
            const pane = makePane()
            // The administrator's first, locked with the reason; the user's own stays free.
            compare(ConsoleSettings.sipAccounts.entries.length, 2)
            compare(ConsoleSettings.sipAccounts.entries[0].entryId, "desk")
            const edit = findChild(pane, "sipAccountEdit_desk")
            const remove = findChild(pane, "sipAccountRemove_desk")
            verify(!edit.actionable)
            verify(!remove.actionable)
            compare(edit.disabledReason, "Set by your administrator")
            compare(remove.Accessible.description, "Set by your administrator")
            verify(findChild(pane, "sipAccountPinned_desk").visible)
            verify(findChild(pane, "sipAccountEdit_100").actionable)
            verify(!findChild(pane, "sipAccountPinned_100").visible)
            // Pressed anyway: nothing opens, nothing is removed.
            mouseClick(remove)
            mouseClick(edit)
            compare(pane.editing, "")
            compare(ConsoleSettings.sipAccounts.entries.length, 2)
            // Nor through the array: refused.
            verify(!ConsoleSettings.sipAccounts.remove("desk"))
            verify(!ConsoleSettings.sipAccounts.put({ id: "desk", user: "301", registrar: "evil.example" }, ""))
            compare(JSON.stringify(ConsoleSettings.sipAccounts.entries).indexOf("admin-secret"), -1)
        }
    }
}
