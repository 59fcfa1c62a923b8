import QtQuick
import QtQuick.Controls
import QtTest
import Hookline.Engine
import Hookline.Ui
import Hookline.TestSupport

// The agent console bound to the engine: the whole call flow through the buttons, reject and its
// disabled case, and hostile caller text.
Item {
    id: root
    width: 1280
    height: 800

    Component { id: consoleComponent; AgentConsole { anchors.fill: parent } }
    Component { id: historyComponent; HistoryPage { anchors.fill: parent } }

    TestCase {
        name: "Console"
        when: windowShown

        function init() { SimDriver.reset() }

        function makeConsole() {
            const c = createTemporaryObject(consoleComponent, root)
            verify(c)
            return c
        }

        function test_incomingAnswerDropWrapUpCloseHistory() {
            const console = makeConsole()
            const recorded = SimDriver.historyCount()
            const banner = findChild(console, "incomingBanner")
            verify(!banner.visible)
            const session = SimDriver.offer("sim/desk", "alice", "queue 7")
            verify(session)
            tryCompare(banner, "visible", true)
            compare(findChild(banner, "incomingCallerName").text, "Alice Archer")
            compare(findChild(banner, "incomingCallerNumber").text, "2001")
            compare(findChild(banner, "incomingUui").text, "Caller data: queue 7")
            compare(banner.Accessible.role, Accessible.Grouping) // its announcement child is the alert (issue 17)

            mouseClick(findChild(banner, "answerButton"))
            tryCompare(session, "state", Tapi.Connected)
            tryCompare(banner, "visible", false)
            compare(console.selectedSession, session)
            compare(AgentState.busy, true)

            const panel = findChild(console, "activeSessionPanel")
            const uui = findChild(panel, "dropUui")
            uui.forceActiveFocus()
            uui.text = "thanks 8812"
            compare(findChild(panel, "uuiByteCount").text, "11 / 16 bytes")
            uui.text = "this is too long for the line"
            verify(!findChild(panel, "dropButton").actionable)
            uui.text = "thanks 8812"
            verify(findChild(panel, "dropButton").actionable)
            findChild(panel, "dropReason").currentIndex = 2 // "Sale" pre-fills the disposition
            mouseClick(findChild(panel, "dropButton"))
            tryCompare(session, "state", Tapi.Idle)
            compare(SimDriver.farEndState("alice"), "DISCONNECTED/NORMAL")
            compare(SimDriver.farEndUui("alice"), "thanks 8812")

            // The dropped call stays with what happened, and wrap-up starts.
            compare(CallEngine.sessions.count, 1)
            tryCompare(AgentState, "state", AgentState.WrapUp)
            const wrapUp = findChild(panel, "wrapUpForm")
            verify(wrapUp.visible)
            compare(findChild(panel, "endedUui").text, "queue 7")
            compare(findChild(wrapUp, "wrapUpDisposition").currentIndex, 2)
            findChild(wrapUp, "wrapUpNotes").text = "wants the blue one"
            mouseClick(findChild(wrapUp, "closeSessionButton"))
            compare(CallEngine.sessions.count, 0)
            compare(console.selectedSession, null)
            compare(AgentState.state, AgentState.Ready) // closing the last ended call finishes wrap-up
            tryVerify(function() { return SimDriver.historyCount() === recorded + 1 })

            const history = createTemporaryObject(historyComponent, root)
            const list = findChild(history, "historyList")
            tryCompare(list, "count", recorded + 1)
            list.currentIndex = 0 // newest first
            compare(findChild(list.currentItem, "historyCaller").text, "Alice Archer (2001)")
            compare(findChild(list.currentItem, "historyDisposition").text, "Sale")
        }

        function test_reject() {
            const console = makeConsole()
            const banner = findChild(console, "incomingBanner")
            const session = SimDriver.offer("sim/desk", "bob")
            tryCompare(banner, "visible", true)
            const reject = findChild(banner, "rejectButton")
            verify(reject.actionable)
            compare(findChild(banner, "rejectReason").visible, false)
            mouseClick(reject)
            // A rejected call needs no wrap-up: the console closes it (History keeps it as rejected).
            tryCompare(CallEngine.sessions, "count", 0)
            compare(SimDriver.farEndState("bob"), "DISCONNECTED/REJECT")
            tryCompare(banner, "visible", false)
        }

        function test_rejectDisabledWhereTheLineCannotReject() {
            const console = makeConsole()
            const banner = findChild(console, "incomingBanner")
            const session = SimDriver.offer("sim/norej", "carol")
            tryCompare(banner, "visible", true)
            const reject = findChild(banner, "rejectButton")
            verify(!reject.actionable)
            const reason = findChild(banner, "rejectReason")
            verify(reason.visible)
            compare(reason.text, "This line cannot reject calls: answer it or let it ring.")
            compare(reject.Accessible.description, reason.text)
            verify(findChild(banner, "answerButton").actionable)
            Feedback.clear()
            mouseClick(reject)
            compare(Feedback.message, reason.text) // said why
            Feedback.clear()
            reject.clicked() // as a screen reader's Press emits it
            compare(Feedback.message, reason.text)
            wait(0)
            compare(session.state, Tapi.Offering) // nothing happened
        }

        function test_notReadyDoesNotAlert() {
            const console = makeConsole()
            AgentState.requestState(AgentState.NotReady, "break")
            const session = SimDriver.offer("sim/desk", "dave")
            verify(session)
            compare(findChild(console, "incomingBanner").visible, false)
            compare(CallEngine.sessions.count, 1) // still listed
            AgentState.requestState(AgentState.Ready)
            tryCompare(findChild(console, "incomingBanner"), "visible", true)
        }

        function test_hostileCallerNameIsPlainText() {
            const console = makeConsole()
            const hostile = "<b>x</b><img src=http://127.0.0.1:9/x.png>"
            const session = SimDriver.offer("sim/desk", "mallory", "<a href=\"http://127.0.0.1:9\">uui</a>")
            const banner = findChild(console, "incomingBanner")
            tryCompare(banner, "visible", true)
            const name = findChild(banner, "incomingCallerName")
            compare(name.text, hostile)
            compare(name.textFormat, Text.PlainText)
            compare(name.elide, Text.ElideRight)
            compare(name.lineCount, 1)
            // Plain text lays out every character: far wider than the one bold "x" markup would give.
            verify(name.implicitWidth > 20 * 8)
            const list = findChild(console, "sessionList")
            tryCompare(list, "count", 1)
            list.currentIndex = 0
            const caller = findChild(list.currentItem, "sessionCaller")
            compare(caller.text, hostile)
            compare(caller.textFormat, Text.PlainText)
            compare(findChild(banner, "incomingUui").textFormat, Text.PlainText)
            session.reject()
        }

        function test_directionOverridesAreNeutralised() {
            const console = makeConsole()
            const recorded = SimDriver.historyCount()
            const session = SimDriver.offer("sim/desk", "trudy", "ok\u202Efdp.exe")
            const banner = findChild(console, "incomingBanner")
            tryCompare(banner, "visible", true)
            // Each control is a visible U+FFFD; the text is one isolate (U+2068 ... U+2069).
            compare(findChild(banner, "incomingCallerName").text, "\u2068\ufffdevil.exe\ufffd\u2069")
            compare(findChild(banner, "incomingCallerNumber").text, "\u20682667\ufffd\u2069")
            compare(findChild(banner, "incomingUui").text, "Caller data: \u2068ok\ufffdfdp.exe\u2069")
            const list = findChild(console, "sessionList")
            tryCompare(list, "count", 1)
            list.currentIndex = 0
            compare(findChild(list.currentItem, "sessionCaller").text, "\u2068\ufffdevil.exe\ufffd\u2069")
            session.answer()
            tryCompare(session, "state", Tapi.Connected)
            verify(SimDriver.remoteHangup("trudy", "NORMAL", ""))
            tryCompare(session, "state", Tapi.Disconnected)
            session.drop()
            tryCompare(session, "state", Tapi.Idle)
            const close = findChild(findChild(console, "activeSessionPanel"), "closeSessionButton")
            tryCompare(close, "visible", true)
            mouseClick(close)
            tryVerify(function() { return SimDriver.historyCount() > recorded })
            const history = createTemporaryObject(historyComponent, root)
            const historyList = findChild(history, "historyList")
            tryCompare(historyList, "count", recorded + 1)
            historyList.currentIndex = 0 // newest first
            compare(findChild(historyList.currentItem, "historyCaller").text,
                    "\u2068\ufffdevil.exe\ufffd\u2069 (\u20682667\ufffd\u2069)")
            const details = findChild(historyList.currentItem, "historyDetails").text
            verify(details.indexOf("\u2068ok\ufffdfdp.exe\u2069") > 0, details)
            verify(details.indexOf("\u202E") < 0, details)
        }

        function test_shortcutsCallTheSameMethods() {
            const console = makeConsole()
            const session = SimDriver.offer("sim/desk", "erin")
            tryCompare(findChild(console, "incomingBanner"), "visible", true)
            keyClick(Qt.Key_A, Qt.ControlModifier | Qt.ShiftModifier)
            tryCompare(session, "state", Tapi.Connected)
            keyClick(Qt.Key_H, Qt.ControlModifier | Qt.ShiftModifier)
            tryCompare(session, "state", Tapi.OnHold)
            keyClick(Qt.Key_H, Qt.ControlModifier | Qt.ShiftModifier)
            tryCompare(session, "state", Tapi.Connected)
            verify(!CallEngine.mute.muted)
            keyClick(Qt.Key_M, Qt.ControlModifier | Qt.ShiftModifier)
            verify(CallEngine.mute.muted)
            keyClick(Qt.Key_D, Qt.ControlModifier | Qt.ShiftModifier)
            tryCompare(session, "state", Tapi.Idle)
            verify(!CallEngine.mute.muted) // the engine unmutes when the last call ends
        }

        // Keyboard only: Tab goes from the session list through every action of the selected call, in
        // reading order, and back round to the list.
        function test_tabOrderReachesEveryAction() {
            const console = makeConsole()
            const session = SimDriver.offer("sim/desk", "frank")
            verify(console.answerAlerting())
            tryCompare(session, "state", Tapi.Connected)
            const list = findChild(console, "sessionList")
            list.forceActiveFocus()
            const order = []
            for (let i = 0; i < 40; ++i) {
                keyClick(Qt.Key_Tab)
                const item = root.Window.activeFocusItem
                if (item === list.currentItem || item === list)
                    break
                order.push(item.objectName)
            }
            // The call audio box under the list first, then the selected call's actions. An action that is
            // unavailable now (pause: nothing is recorded) is a stop too, so that its reason can be read.
            compare(order.slice(0, 9), ["recordButton", "pauseRecordingButton", "holdButton", "transferButton",
                                        "conferenceButton", "muteButton", "dropReason", "dropUui", "dropButton"])
            verify(!findChild(console, "pauseRecordingButton").actionable)
            // Then blind transfer and the call's notes, the keys, and the new-call bar above the list.
            compare(order.slice(9, 11), ["blindTransferNumber", "callNotes"])
            compare(order.slice(-3), ["dialKey#", "newCallNumber", "newCallLine"])
            keyClick(Qt.Key_Tab)
            compare(root.Window.activeFocusItem.objectName, "recordButton")
            keyClick(Qt.Key_Tab)
            keyClick(Qt.Key_Tab)
            compare(root.Window.activeFocusItem.objectName, "holdButton")
            keyClick(Qt.Key_Space)
            tryCompare(session, "state", Tapi.OnHold)
            session.drop()
        }

        // The row of the session with `session`, once the list shows it.
        function rowOf(list, session) {
            for (let i = 0; i < list.count; ++i) {
                const row = list.itemAtIndex(i)
                if (row && row.session === session)
                    return row
            }
            return null
        }

        // A supervisor coaching this agent (issue 16) is marked on the call's row and on the supervisor's
        // own call, for the eye and in the row's accessible name; the supervisor's call follows hold and
        // the call's end.
        function test_supervisorMarkOnTheCallRow() {
            SimDriver.setSettingValue("coaching/most", "barge")
            const console = makeConsole()
            const list = findChild(console, "sessionList")
            // The supervisor's console calls the line's address: here a SIP URI.
            verify(SimDriver.addLine("sim/coached", "sip:agent7@floor.example"))
            const session = SimDriver.offer("sim/coached", "alice", "")
            verify(session)
            session.answer()
            tryCompare(session, "state", Tapi.Connected)
            tryVerify(function() { return rowOf(list, session) !== null })
            const callMark = findChild(rowOf(list, session), "sessionSupervision")
            verify(!callMark.visible)

            // His console sends his name: the marks say it; the id is only for a console that sent none.
            const leg = SimDriver.coach(session, "sup1", "listen", "bob", "Sam Lee")
            verify(leg)
            tryCompare(leg, "state", Tapi.Connected)
            tryVerify(function() { return rowOf(list, leg) !== null })
            const callRow = rowOf(list, session)
            const legRow = rowOf(list, leg)
            tryCompare(callMark, "visible", true)
            compare(callRow.supervision, "Supervisor Sam Lee is listening")
            verify(callRow.Accessible.name.endsWith(", Supervisor Sam Lee is listening"))
            compare(legRow.supervision, "Coaching line of supervisor Sam Lee")
            verify(findChild(legRow, "sessionSupervision").visible)
            // Whole, not elided, on a row of this width.
            tryCompare(findChild(legRow, "sessionSupervision"), "truncated", false)
            compare(callMark.truncated, false)
            verify(legRow.Accessible.name.endsWith(", Coaching line of supervisor Sam Lee"))

            verify(SimDriver.coach(session, "sup1", "whisper", "", "Sam Lee"))
            tryCompare(callRow, "supervision", "Supervisor Sam Lee is coaching you (heard by you only)")
            // A request without his name: the id.
            verify(SimDriver.coach(session, "sup1", "barge"))
            tryCompare(callRow, "supervision", "Supervisor sup1 has joined the call")

            // Held with the call, resumed with it.
            session.hold()
            SimDriver.settle()
            tryCompare(session, "state", Tapi.OnHold)
            SimDriver.settle()
            tryCompare(leg, "state", Tapi.OnHold)
            session.unhold()
            SimDriver.settle()
            tryCompare(session, "state", Tapi.Connected)
            SimDriver.settle()
            tryCompare(leg, "state", Tapi.Connected)

            // The call's end ends the supervisor's call and the marks.
            session.drop()
            SimDriver.settle()
            // A supervisor's line needs no wrap-up: it closes by itself and leaves the list.
            tryVerify(function() { return !rowOf(list, leg) })
            tryVerify(function() {
                const r = rowOf(list, session)
                return !r || r.supervision === ""
            })
            tryVerify(function() {
                const r = rowOf(list, leg)
                return !r || r.supervision === ""
            })
        }

        // The supervisor stops (his line hangs up): the call's tag goes at once, the call talks on, and
        // coaching again is a new grant whose line is answered and tagged again.
        function test_supervisorStopsUnmarks() {
            SimDriver.setSettingValue("coaching/most", "barge")
            const console = makeConsole()
            const list = findChild(console, "sessionList")
            verify(SimDriver.addLine("sim/coached", "sip:agent7@floor.example"))
            const session = SimDriver.offer("sim/coached", "alice", "")
            verify(session)
            session.answer()
            tryCompare(session, "state", Tapi.Connected)
            const leg = SimDriver.coach(session, "sup1", "listen", "bob", "Sam Lee")
            verify(leg)
            tryCompare(leg, "state", Tapi.Connected)
            tryVerify(function() { return rowOf(list, session) !== null })
            const callRow = rowOf(list, session)
            tryCompare(callRow, "supervision", "Supervisor Sam Lee is listening")

            verify(SimDriver.remoteHangup("bob", "NORMAL"))
            tryCompare(callRow, "supervision", "")
            verify(!callRow.Accessible.name.includes("Sam Lee"))
            tryVerify(function() { return !rowOf(list, leg) })
            compare(session.state, Tapi.Connected)

            const again = SimDriver.coach(session, "sup1", "barge", "bob", "Sam Lee")
            verify(again)
            verify(again !== leg)
            tryCompare(again, "state", Tapi.Connected)
            tryCompare(callRow, "supervision", "Supervisor Sam Lee has joined the call")
            session.drop()
            SimDriver.settle()
        }
    }
}
