import QtQuick
import QtQuick.Controls
import QtTest
import Hookline.Engine
import Hookline.Ui
import Hookline.TestSupport

// The monitored addresses' busy lamp field under the calls (MonitoredAddresses, in the agent console):
// one lamp per monitored line with its state (idle, ringing flashing, busy, unknown), following what the
// provider reports, its meaning in the tooltip and for screen readers, and the Lines pane saying busy or
// idle for such a line (a ringing address is busy there, [D-13]).
Item {
    id: root
    width: 1100
    height: 800

    Component { id: panelComponent; MonitoredAddresses { width: 600 } }
    Component { id: consoleComponent; AgentConsole { anchors.fill: parent } }
    Component { id: linesComponent; LinesPane { width: 900 } }

    TestCase {
        name: "Monitored"
        when: windowShown

        readonly property string first: "sip/agent1/monitor/201"
        readonly property string second: "sip/agent1/monitor/bob"

        function init() { SimDriver.reset() }

        // The line once for this file (the world keeps its lines across the test functions).
        function monitored(lineId, user) {
            for (let i = 0; i < CallEngine.lines.length; ++i) {
                if (CallEngine.lines[i].lineId === lineId)
                    return
            }
            SimDriver.addMonitoredAddress(lineId, user, "subscribing")
        }
        function chipOf(panel, lineId) {
            const chip = findChild(panel, "monitored_" + lineId)
            verify(chip, lineId)
            return chip
        }

        function test_1_lampsFollowTheProvider() {
            const panel = createTemporaryObject(panelComponent, root)
            verify(panel)
            // Nothing monitored: hidden.
            verify(!panel.visible)
            SimDriver.addMonitoredAddress(first, "201", "subscribing to the dialog state of sip:201@pbx.example")
            tryCompare(panel, "visible", true)
            let chip = chipOf(panel, first)
            compare(findChild(chip, "monitoredName").text, "201")
            compare(findChild(chip, "monitoredState").text, "unknown")
            verify(Qt.colorEqual(findChild(chip, "lamp").color, Theme.mutedText))
            compare(chip.Accessible.name, "201: unknown")
            compare(chip.Accessible.description, "subscribing to the dialog state of sip:201@pbx.example")

            SimDriver.setMonitoredStatus(first, true, false)
            tryCompare(findChild(chip, "monitoredState"), "text", "idle")
            const lamp = findChild(chip, "lamp")
            verify(Qt.colorEqual(lamp.color, Theme.success))
            compare(chip.Accessible.name, "201: idle")
            compare(chip.Accessible.description, "No call at 201.")
            compare(chip.ToolTip.text, "No call at 201.")
            compare(lamp.opacity, 1)

            // A call rings there: amber, flashing, said so.
            SimDriver.setMonitoredRinging(first, true)
            tryCompare(findChild(chip, "monitoredState"), "text", "ringing")
            verify(Qt.colorEqual(lamp.color, panel.ringingColour))
            verify(!Qt.colorEqual(lamp.color, Theme.danger) && !Qt.colorEqual(lamp.color, Theme.success))
            compare(chip.Accessible.name, "201: ringing")
            compare(chip.Accessible.description, "A call is ringing at 201.")
            tryVerify(function() { return lamp.opacity < 0.9 }, 2000, "the ringing lamp flashes")

            // Answered: red and steady.
            SimDriver.setMonitoredRinging(first, false)
            tryCompare(findChild(chip, "monitoredState"), "text", "busy")
            verify(Qt.colorEqual(lamp.color, Theme.danger))
            compare(chip.Accessible.name, "201: busy")
            compare(chip.Accessible.description, "201 is on a call.")
            tryCompare(lamp, "opacity", 1, 2000)
            SimDriver.setMonitoredStatus(first, true, false)
            tryCompare(findChild(chip, "monitoredState"), "text", "idle")
            SimDriver.setMonitoredStatus(first, true, true)
            tryCompare(findChild(chip, "monitoredState"), "text", "busy")

            // A second one comes after it; the first's subscription lost: unknown, with the reason.
            SimDriver.addMonitoredAddress(second, "bob", "subscribing")
            const chip2 = chipOf(panel, second)
            compare(findChild(chip2, "monitoredState").text, "unknown")
            tryVerify(function() { return chip2.x > chip.x || chip2.y > chip.y })
            SimDriver.setMonitoredStatus(first, false, true, "481 Subscription does not exist")
            tryCompare(findChild(chip, "monitoredState"), "text", "unknown")
            compare(chip.Accessible.description, "481 Subscription does not exist")
        }

        function test_2_inTheAgentConsoleAndReachedByTab() {
            monitored(first, "201")
            SimDriver.setMonitoredStatus(first, true, true)
            const console = createTemporaryObject(consoleComponent, root)
            const panel = findChild(console, "monitoredAddresses")
            verify(panel)
            tryCompare(panel, "visible", true)
            const chip = chipOf(panel, first)
            compare(findChild(chip, "monitoredState").text, "busy")
            verify(chip.activeFocusOnTab)
            chip.forceActiveFocus()
            verify(chip.activeFocus)
        }

        function test_3_linesPaneSaysBusyOrIdle() {
            monitored(first, "201")
            SimDriver.setMonitoredStatus(first, true, false)
            const pane = createTemporaryObject(linesComponent, root)
            const status = findChild(findChild(pane, "line_" + first), "lineStatus")
            compare(status.text, "monitored: idle")
            SimDriver.setMonitoredStatus(first, true, true)
            tryCompare(status, "text", "monitored: busy")
            SimDriver.setMonitoredStatus(first, true, false)
            SimDriver.setMonitoredRinging(first, true) // [D-13]: a ringing address is busy here
            tryCompare(status, "text", "monitored: busy")
            SimDriver.setMonitoredStatus(first, false, true, "subscribing")
            tryCompare(status, "text", "out of service: subscribing")
        }
    }
}
