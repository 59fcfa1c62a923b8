import QtQuick
import QtQuick.Controls
import QtTest
import Hookline.Engine
import Hookline.Ui
import Hookline.TestSupport

// The SIP account form's TLS files (typed or chosen, shown with transport TLS), monitored addresses and
// shared-line flag: each checked as it is typed with the problem under the field naming the file or the
// entry, refused on save, stored in the settings and shown again when the account is edited.
Item {
    id: root
    width: 1100
    height: 900

    Component { id: paneComponent; SipAccountsPane { width: 1000 } }

    TestCase {
        name: "SipAccountForm"
        when: windowShown

        // The fixtures beside this file (tests/ui/fixtures/tls), as local paths.
        function fixture(name) {
            return decodeURIComponent(Qt.resolvedUrl("fixtures/tls/" + name).toString().replace(/^file:\/\//, ""))
        }

        function init() { SimDriver.reset() }

        // A pane with the form open on a new account, registrar and user typed.
        function newAccountForm() {
            const pane = createTemporaryObject(paneComponent, root)
            verify(pane)
            findChild(pane, "sipAccountAdd").triggered()
            const form = findChild(pane, "sipAccountForm")
            verify(form)
            findChild(form, "sipRegistrar").text = "pbx.example"
            findChild(form, "sipUser").text = "200"
            return { pane: pane, form: form }
        }
        function save(form) { findChild(form, "sipAccountSave").triggered() }

        function test_tlsFilesShownWithTransportTls() {
            const f = newAccountForm()
            const ca = findChild(f.form, "sipTlsCaFile")
            const certificate = findChild(f.form, "sipTlsCertificateFile")
            verify(!ca.visible)
            verify(!certificate.visible)
            findChild(f.form, "sipTransport").activated(2)
            compare(findChild(f.form, "sipTransport").code, "tls")
            verify(ca.visible)
            verify(certificate.visible)
            compare(findChild(f.form, "sipTlsCaFileField").Accessible.name, "TLS certificate authorities file")
            compare(findChild(f.form, "sipTlsCaFileBrowse").Accessible.name, "Browse for TLS certificate authorities file")
            compare(findChild(f.form, "sipTlsCertificateFileField").Accessible.name, "TLS client certificate and key file")
            compare(findChild(f.form, "sipTlsCaFileField").placeholderText, "The system's trusted authorities")
        }

        function test_badFileNamedAndRefused_data() {
            return [
                { tag: "missing", path: "/nonexistent/hookline/ca.pem", problem: "/nonexistent/hookline/ca.pem does not exist." },
                { tag: "folder", path: "/tmp", problem: "/tmp is a folder, not a file." },
                { tag: "relative", path: "certs/ca.pem", problem: "certs/ca.pem is not a full path (it must start with /)." },
            ]
        }
        function test_badFileNamedAndRefused(data) {
            const f = newAccountForm()
            findChild(f.form, "sipTransport").activated(2)
            for (const name of ["sipTlsCaFile", "sipTlsCertificateFile"]) {
                const field = findChild(f.form, name + "Field")
                const problem = findChild(f.form, name + "Problem")
                verify(!problem.visible)
                field.text = data.path
                compare(problem.text, data.problem)
                verify(problem.visible)
                compare(problem.Accessible.role, Accessible.AlertMessage)
                compare(field.Accessible.description, data.problem)
                save(f.form)
                compare(f.pane.editing, "+")
                compare(findChild(f.form, "sipAccountProblem").text, "Not saved: " + data.problem)
                compare(SimDriver.settingValue("sipAccounts/size"), undefined)
                field.text = ""
                verify(!problem.visible)
            }
        }

        function test_tlsFilesTypedAndChosenStoredAndShown() {
            const f = newAccountForm()
            findChild(f.form, "sipTransport").activated(2)
            findChild(f.form, "sipTlsCaFileField").text = fixture("ca.pem") // typed
            // Chosen: the chooser opens where the field points, and its answer fills the field.
            const browse = findChild(f.form, "sipTlsCertificateFileBrowse")
            verify(browse.dialog.toString().indexOf("FileDialog") >= 0, browse.dialog.toString())
            findChild(f.form, "sipTlsCertificateFileField").text = fixture("ca.pem")
            mouseClick(browse)
            tryCompare(browse.dialog, "visible", true)
            compare(browse.dialog.currentFolder.toString(), "file://" + browse.parentOf(fixture("ca.pem")))
            browse.dialog.reject()
            tryCompare(browse.dialog, "visible", false)
            browse.chosen(browse.toLocal("file://" + encodeURI(fixture("client.pem"))))
            compare(findChild(f.form, "sipTlsCertificateFileField").text, fixture("client.pem"))
            verify(!findChild(f.form, "sipTlsCaFileProblem").visible)
            verify(!findChild(f.form, "sipTlsCertificateFileProblem").visible)
            save(f.form)
            tryCompare(f.pane, "editing", "")
            compare(SimDriver.settingValue("sipAccounts/1/transport"), "tls")
            compare(SimDriver.settingValue("sipAccounts/1/tlsCaFile"), fixture("ca.pem"))
            compare(SimDriver.settingValue("sipAccounts/1/tlsCertificateFile"), fixture("client.pem"))

            // Edited: the files are shown; another transport stores none (the provider refuses them then).
            findChild(f.pane, "sipAccountEdit_200").triggered()
            let form = findChild(f.pane, "sipAccountForm")
            compare(findChild(form, "sipTlsCaFileField").text, fixture("ca.pem"))
            compare(findChild(form, "sipTlsCertificateFileField").text, fixture("client.pem"))
            findChild(form, "sipTransport").activated(1)
            save(form)
            tryCompare(f.pane, "editing", "")
            compare(SimDriver.settingValue("sipAccounts/1/transport"), "tcp")
            compare(SimDriver.settingValue("sipAccounts/1/tlsCaFile"), undefined)
            compare(SimDriver.settingValue("sipAccounts/1/tlsCertificateFile"), undefined)
        }

        function test_badMonitoredAddressNamed_data() {
            return [
                { tag: "space", text: "201, bob smith", problem: "\"bob smith\" is not a number, a SIP user name or a sip: address." },
                { tag: "other scheme", text: "http://pbx.example/201", problem: "\"http://pbx.example/201\" is not a number, a SIP user name or a sip: address." },
                { tag: "no host", text: "sip:201", problem: "\"sip:201\" is not a number, a SIP user name or a sip: address." },
                { tag: "twice", text: "201, 202, 201", problem: "\"201\" is listed twice." },
                { tag: "twice as a URI", text: "sip:202@pbx.example, 202", problem: "\"202\" is listed twice." },
            ]
        }
        function test_badMonitoredAddressNamed(data) {
            const f = newAccountForm()
            const field = findChild(f.form, "sipMonitor")
            const problem = findChild(f.form, "sipMonitorProblem")
            field.text = data.text
            compare(problem.text, data.problem)
            verify(problem.visible)
            compare(field.Accessible.description, data.problem)
            save(f.form)
            compare(findChild(f.form, "sipAccountProblem").text, "Not saved: " + data.problem)
            compare(SimDriver.settingValue("sipAccounts/size"), undefined)
        }

        function test_monitorAndSharedLineStoredAndShown() {
            const f = newAccountForm()
            const monitor = findChild(f.form, "sipMonitor")
            const shared = findChild(f.form, "sipSharedLine")
            compare(monitor.Accessible.name, "Monitored addresses")
            compare(shared.Accessible.name, "Shared line")
            verify(!shared.checked)
            monitor.text = " 201 , sip:bob@pbx.example:5060,, "
            verify(!findChild(f.form, "sipMonitorProblem").visible)
            // Keyboard: Space ticks the box, Return in a field saves.
            shared.forceActiveFocus()
            keyClick(Qt.Key_Space)
            verify(shared.checked)
            monitor.forceActiveFocus()
            keyClick(Qt.Key_Return)
            tryCompare(f.pane, "editing", "")
            compare(SimDriver.settingValue("sipAccounts/1/monitor"), ["201", "sip:bob@pbx.example:5060"])
            compare(String(SimDriver.settingValue("sipAccounts/1/sharedLine")), "true")
            compare(ConsoleSettings.sipAccounts.entries[0].monitor, ["201", "sip:bob@pbx.example:5060"])

            findChild(f.pane, "sipAccountEdit_200").triggered()
            let form = findChild(f.pane, "sipAccountForm")
            compare(findChild(form, "sipMonitor").text, "201, sip:bob@pbx.example:5060")
            verify(findChild(form, "sipSharedLine").checked)
            // Emptied and unticked: the keys go (their defaults: nothing monitored, not shared).
            findChild(form, "sipMonitor").text = ""
            findChild(form, "sipSharedLine").checked = false
            save(form)
            tryCompare(f.pane, "editing", "")
            compare(SimDriver.settingValue("sipAccounts/1/monitor"), undefined)
            compare(SimDriver.settingValue("sipAccounts/1/sharedLine"), undefined)
            compare(SimDriver.settingValue("sipAccounts/1/user"), "200")
        }

        function test_oneMonitoredAddressFromTheFileShown() {
            // An administrator or a hand-edited file may hold one comma-separated string.
            SimDriver.setSettingValue("sipAccounts/size", 1)
            SimDriver.setSettingValue("sipAccounts/1/user", "300")
            SimDriver.setSettingValue("sipAccounts/1/registrar", "pbx.example")
            SimDriver.setSettingValue("sipAccounts/1/monitor", "401")
            SimDriver.setSettingValue("sipAccounts/1/sharedLine", "true")
            const pane = createTemporaryObject(paneComponent, root)
            findChild(pane, "sipAccountEdit_300").triggered()
            const form = findChild(pane, "sipAccountForm")
            compare(findChild(form, "sipMonitor").text, "401")
            verify(findChild(form, "sipSharedLine").checked)
        }
    }
}
