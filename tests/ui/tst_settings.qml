import QtQuick
import QtQuick.Controls
import QtTest
import Hookline.Engine
import Hookline.Ui
import Hookline.TestSupport

// The settings page: the key-capture shortcut editor (capture, Escape, conflicts, unusable keys,
// reset, and that a new shortcut triggers its action at once) and the headsets list (status,
// choosing the active one, gone and back, dismiss, permission problems, mute lock) through a fake
// phone device bound to the engine.
Item {
    id: root
    width: 1280
    height: 800

    // The console and its settings page sharing the shortcut settings (ConsoleSettings), as in Main.qml.
    Component {
        id: rigComponent
        Item {
            anchors.fill: parent
            readonly property var store: ConsoleSettings.shortcuts
            AgentConsole {
                objectName: "rigConsole"
                width: parent.width
                height: parent.height / 2
                shortcuts: ({ answer: parent.store.answer.value, reject: parent.store.reject.value,
                              drop: parent.store.drop.value, hold: parent.store.hold.value, mute: parent.store.mute.value })
            }
            SettingsPage {
                objectName: "rigSettings"
                y: parent.height / 2
                width: parent.width
                height: parent.height / 2
            }
        }
    }
    Component { id: settingsComponent; SettingsPage { anchors.fill: parent } }

    TestCase {
        name: "Settings"
        when: windowShown

        function init() { SimDriver.reset() }

        function makeRig() {
            const rig = createTemporaryObject(rigComponent, root)
            verify(rig)
            return rig
        }

        function test_captureChangesTheShortcut() {
            const rig = makeRig()
            const editor = findChild(rig, "shortcutEditor")
            verify(!findChild(editor, "reset_answer").actionable) // already the default
            mouseClick(findChild(editor, "change_answer"))
            compare(editor.capturing, "answer")
            compare(findChild(editor, "shortcut_answer").text, "Press keys…")
            keyPress(Qt.Key_Control, Qt.ControlModifier) // a modifier alone waits for the key
            keyRelease(Qt.Key_Control, Qt.ControlModifier)
            compare(editor.capturing, "answer")
            keyClick(Qt.Key_K, Qt.ControlModifier | Qt.AltModifier)
            compare(editor.capturing, "")
            compare(rig.store.answer.value, "Ctrl+Alt+K")
            compare(findChild(editor, "shortcut_answer").text, "Ctrl+Alt+K")
            verify(findChild(editor, "reset_answer").actionable)
            verify(!findChild(editor, "shortcutMessage").text.includes("already"))
        }

        function test_escapeCancels() {
            const rig = makeRig()
            const editor = findChild(rig, "shortcutEditor")
            mouseClick(findChild(editor, "change_hold"))
            compare(editor.capturing, "hold")
            keyClick(Qt.Key_Escape)
            compare(editor.capturing, "")
            compare(rig.store.hold.value, "Ctrl+Shift+H")
            compare(findChild(editor, "shortcut_hold").text, "Ctrl+Shift+H")
        }

        function test_conflictIsRefused() {
            const rig = makeRig()
            const editor = findChild(rig, "shortcutEditor")
            const console = findChild(rig, "rigConsole")
            // A connected call: pressing the drop shortcut while capturing must not drop it.
            const session = SimDriver.offer("sim/desk", "alice")
            verify(console.answerAlerting())
            tryCompare(session, "state", Tapi.Connected)

            mouseClick(findChild(editor, "change_hold"))
            keyClick(Qt.Key_D, Qt.ControlModifier | Qt.ShiftModifier)
            compare(rig.store.hold.value, "Ctrl+Shift+H")
            compare(editor.capturing, "hold") // still waiting for a free combination
            const message = findChild(editor, "shortcutMessage")
            verify(message.visible)
            compare(message.text, "Ctrl+Shift+D is already the shortcut for “Drop the selected call”; choose another or change that one first.")
            compare(message.Accessible.role, Accessible.AlertMessage)
            SimDriver.settle()
            compare(session.state, Tapi.Connected)

            // A key without Ctrl, Alt or Meta would fire while typing: refused too.
            keyClick(Qt.Key_P)
            compare(rig.store.hold.value, "Ctrl+Shift+H")
            verify(message.text.startsWith("P cannot be a shortcut"))

            keyClick(Qt.Key_F8)
            compare(rig.store.hold.value, "F8")
            compare(editor.capturing, "")
            keyClick(Qt.Key_F8)
            tryCompare(session, "state", Tapi.OnHold)
            session.drop()
        }

        function test_resetRestoresTheDefault() {
            const rig = makeRig()
            const editor = findChild(rig, "shortcutEditor")
            rig.store.mute.value = "Ctrl+Alt+U"
            compare(findChild(editor, "shortcut_mute").text, "Ctrl+Alt+U")
            const reset = findChild(editor, "reset_mute")
            verify(reset.actionable)
            mouseClick(reset)
            compare(rig.store.mute.value, "Ctrl+Shift+M")
            compare(findChild(editor, "shortcut_mute").text, "Ctrl+Shift+M")
            verify(!reset.actionable)
            // A default another action took meanwhile is refused, not doubled.
            rig.store.mute.value = "Ctrl+Alt+U"
            rig.store.drop.value = "Ctrl+Shift+M"
            verify(!editor.reset("mute"))
            compare(rig.store.mute.value, "Ctrl+Alt+U")
        }

        function test_newShortcutTriggersTheAction() {
            const rig = makeRig()
            const editor = findChild(rig, "shortcutEditor")
            mouseClick(findChild(editor, "change_answer"))
            keyClick(Qt.Key_K, Qt.ControlModifier | Qt.AltModifier)
            compare(rig.store.answer.value, "Ctrl+Alt+K")

            const session = SimDriver.offer("sim/desk", "bob")
            tryCompare(AgentState, "alertingSession", session)
            keyClick(Qt.Key_A, Qt.ControlModifier | Qt.ShiftModifier) // the old one does nothing now
            SimDriver.settle()
            compare(session.state, Tapi.Offering)
            keyClick(Qt.Key_K, Qt.ControlModifier | Qt.AltModifier)
            tryCompare(session, "state", Tapi.Connected)
            session.drop()
        }

        function phoneRow(pane, phoneId) {
            return findChild(pane, "headset_" + phoneId)
        }

        function test_linesListedWithTheirService() {
            const page = createTemporaryObject(settingsComponent, root)
            const pane = findChild(page, "linesPane")
            verify(!findChild(pane, "noLines").visible)
            const desk = findChild(pane, "line_sim/desk")
            verify(desk)
            compare(findChild(desk, "lineStatus").text, "in service")
            compare(findChild(findChild(pane, "line_sim/x"), "lineName").text, "Station X  ·  300")
            const reason = "the USB sound card was unplugged"
            SimDriver.setLineInService("sim/desk", false, reason)
            tryCompare(findChild(desk, "lineStatus"), "text", "out of service: " + reason)
            compare(findChild(desk, "lineStatus").Accessible.name, "Desk: out of service: " + reason)
            // And back by itself when the cause goes away.
            SimDriver.setLineInService("sim/desk", true)
            tryCompare(findChild(desk, "lineStatus"), "text", "in service")
        }

        function test_headsetsListed() {
            const binding = SimDriver.phoneBinding()
            verify(binding)
            const page = createTemporaryObject(settingsComponent, root, { phoneBinding: binding })
            const pane = findChild(page, "headsetsPane")
            verify(findChild(pane, "noHeadsets").visible)
            verify(!findChild(pane, "noHeadsetSupport").visible)

            const hostile = "Jabra <b>Evolve</b><img src=http://127.0.0.1:9/x.png>"
            SimDriver.plugPhone("0b0e:0307:A1", hostile)
            SimDriver.plugPhone("047f:c056:B2", "Poly Blackwire 5220")
            const fix = "no permission to open /dev/hidraw5: install resources/linux/70-hookline-headsets.rules into /etc/udev/rules.d, then unplug and plug in the headset"
            SimDriver.phoneUnusable("1395:0300:C3", "EPOS Impact", fix)
            tryCompare(findChild(pane, "headsetRepeater"), "count", 3)
            verify(!findChild(pane, "noHeadsets").visible)

            let first = phoneRow(pane, "0b0e:0307:A1")
            compare(findChild(first, "headsetName").text, hostile)
            compare(findChild(first, "headsetName").textFormat, Text.PlainText)
            compare(findChild(first, "headsetStatus").text, "active")
            verify(findChild(first, "chooseHeadset").checked)
            compare(findChild(phoneRow(pane, "047f:c056:B2"), "headsetStatus").text, "present")
            const unusable = phoneRow(pane, "1395:0300:C3")
            compare(findChild(unusable, "headsetStatus").text, "not usable: " + fix)
            verify(!findChild(unusable, "chooseHeadset").enabled)

            // Choosing another headset makes it the active phone.
            mouseClick(findChild(phoneRow(pane, "047f:c056:B2"), "chooseHeadset"))
            compare(binding.activePhoneId, "047f:c056:B2")
            compare(findChild(phoneRow(pane, "047f:c056:B2"), "headsetStatus").text, "active")
            compare(findChild(phoneRow(pane, "0b0e:0307:A1"), "headsetStatus").text, "present")
            verify(!findChild(phoneRow(pane, "0b0e:0307:A1"), "chooseHeadset").checked)

            // Unplugged: listed as gone until it returns.
            SimDriver.unplugPhone("047f:c056:B2", "unplugged")
            let gone = phoneRow(pane, "047f:c056:B2")
            tryCompare(findChild(gone, "headsetStatus"), "text", "gone: unplugged")
            verify(findChild(gone, "dismissHeadset").visible)
            verify(!findChild(gone, "chooseHeadset").enabled)
            compare(binding.activePhonePresent, false)
            SimDriver.plugPhone("047f:c056:B2", "Poly Blackwire 5220")
            tryCompare(findChild(phoneRow(pane, "047f:c056:B2"), "headsetStatus"), "text", "active")
            verify(!findChild(phoneRow(pane, "047f:c056:B2"), "dismissHeadset").visible)
            verify(!binding.dismissPhone("047f:c056:B2")) // a present headset cannot be dismissed
            verify(!binding.dismissPhone("no:such:phone"))

            // ... or until the agent dismisses it.
            SimDriver.unplugPhone("0b0e:0307:A1", "unplugged")
            gone = phoneRow(pane, "0b0e:0307:A1")
            mouseClick(findChild(gone, "dismissHeadset"))
            tryCompare(findChild(pane, "headsetRepeater"), "count", 2)
            compare(phoneRow(pane, "0b0e:0307:A1"), null)
        }

        function test_headsetMuteLockShown() {
            const binding = SimDriver.phoneBinding()
            const page = createTemporaryObject(settingsComponent, root, { phoneBinding: binding })
            const status = findChild(page, "muteLockStatus")
            SimDriver.plugPhone("0b0e:0307:A1", "Jabra Evolve")
            verify(status.text.startsWith("Mute lock: off"))
            CallEngine.mute.setMuted(true)
            CallEngine.mute.setMuted(false) // the agent unmutes in the console ...
            SimDriver.pressPhone("0b0e:0307:A1", 1, 1) // ... and the locked headset asks to mute at once
            compare(binding.muteLocked, true)
            compare(CallEngine.mute.muted, true)
            tryCompare(status, "text", "Mute lock: the headset holds the microphone muted. Release the mute lock on the headset (or swing the boom arm down) to unmute.")
        }

        function test_withoutHeadsetSupport() {
            const page = createTemporaryObject(settingsComponent, root)
            verify(findChild(page, "noHeadsetSupport").visible)
            verify(!findChild(page, "muteLockStatus").visible)
        }
    }
}
