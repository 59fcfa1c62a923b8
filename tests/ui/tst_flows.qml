import QtQuick
import QtQuick.Controls
import QtTest
import Hookline.Engine
import Hookline.Ui
import Hookline.TestSupport

// The agent's call flows through the console's own controls (issue 12): consult transfer and
// conference finished from the buttons the engine's relations show, blind transfer, placing a call
// and calling back from History with numbers as the UI shows them, several ringing calls, caller
// data and notes through the call, and one wrap-up per customer interaction.
Item {
    id: root
    width: 1280
    height: 800

    Component { id: consoleComponent; AgentConsole { anchors.fill: parent } }
    Component { id: historyComponent; HistoryPage { anchors.fill: parent } }

    TestCase {
        name: "Flows"
        when: windowShown

        function init() { SimDriver.reset() }

        function makeConsole() {
            const c = createTemporaryObject(consoleComponent, root)
            verify(c)
            return c
        }
        // alice calls the desk and the agent answers from the banner; returns her session.
        function answeredAlice(console, uui) {
            const banner = findChild(console, "incomingBanner")
            const session = SimDriver.offer("sim/desk", "alice", uui || "")
            verify(session)
            tryCompare(banner, "visible", true)
            // By keyboard: a mouse click right after the previous test's click would be a double click.
            const answer = findChild(banner, "answerButton")
            answer.forceActiveFocus(Qt.TabFocusReason)
            keyClick(Qt.Key_Space)
            tryCompare(session, "state", Tapi.Connected)
            compare(console.selectedSession, session)
            return session
        }
        function dialFromPad(panel, number) {
            const field = findChild(panel, "dialNumber")
            field.text = number
            const button = findChild(panel, "dialButton")
            verify(button.enabled)
            mouseClick(button)
        }
        function historyRows(history) {
            const list = findChild(history, "historyList")
            const rows = []
            for (let i = 0; i < list.count; ++i) {
                list.currentIndex = i
                rows.push(findChild(list.currentItem, "historyCaller").text + " | "
                          + findChild(list.currentItem, "historyDirection").text + " | "
                          + findChild(list.currentItem, "historyOutcome").text)
            }
            return rows
        }

        function test_consultTransferCompletes() {
            const console = makeConsole()
            const recorded = SimDriver.historyCount()
            const alice = answeredAlice(console)
            const panel = findChild(console, "activeSessionPanel")
            let selectedAtCompletion = null
            const remember = function() { selectedAtCompletion = console.selectedSession }
            CallEngine.requestCompleted.connect(remember)
            mouseClick(findChild(panel, "transferButton"))
            // The consult the engine made is selected as soon as it exists: already when the request
            // that made it completes (the engine sets the relation first), before its dial tone.
            tryVerify(function() { return selectedAtCompletion !== null })
            CallEngine.requestCompleted.disconnect(remember)
            const consult = console.selectedSession
            compare(selectedAtCompletion, consult)
            verify(consult !== alice)
            compare(consult.consultOf, alice)
            compare(alice.consultCall, consult)
            compare(consult.consultKind, CallSession.TransferConsult)
            tryCompare(consult, "state", Tapi.DialTone)
            const complete = findChild(panel, "completeTransferButton")
            verify(complete.visible)
            verify(!complete.enabled) // nobody dialled yet
            dialFromPad(panel, "20 02")
            tryCompare(consult, "state", Tapi.Ringback)
            // The dialled number is the consult's remote party from dialling on.
            compare(consult.remoteNumber, "20 02")
            compare(findChild(panel, "activeCallerNumber").text, "20 02")
            verify(SimDriver.remoteAnswer("bob"))
            tryCompare(consult, "state", Tapi.Connected)
            tryCompare(complete, "enabled", true)
            mouseClick(complete)
            tryCompare(alice, "state", Tapi.Idle)
            compare(SimDriver.farEndState("alice"), "CONNECTED/ACTIVE") // now talking to bob
            // One wrap-up: the consult leg is closed by itself, the customer's call waits for the agent.
            tryCompare(CallEngine.sessions, "count", 1)
            tryCompare(console, "selectedSession", alice)
            tryCompare(AgentState, "state", AgentState.WrapUp)
            mouseClick(findChild(panel, "closeSessionButton"))
            compare(CallEngine.sessions.count, 0)
            compare(AgentState.state, AgentState.Ready)
            tryVerify(function() { return SimDriver.historyCount() === recorded + 2 })
            const history = createTemporaryObject(historyComponent, root)
            tryCompare(findChild(history, "historyList"), "count", recorded + 2)
            compare(historyRows(history).slice(0, 2), ["Alice Archer (2001) | Incoming | transferred",
                                                       "20 02 | Outgoing | consultation"])
        }

        function test_conferenceCompletes() {
            const console = makeConsole()
            const alice = answeredAlice(console)
            const panel = findChild(console, "activeSessionPanel")
            mouseClick(findChild(panel, "conferenceButton"))
            tryVerify(function() { return console.selectedSession && console.selectedSession.consultKind === CallSession.ConferenceConsult })
            const consult = console.selectedSession
            const conference = alice.conferenceParent
            verify(conference)
            compare(consult.consultOf, conference)
            compare(conference.consultCall, consult)
            const join = findChild(panel, "joinConferenceButton")
            verify(join.visible)
            dialFromPad(panel, "2003")
            tryCompare(consult, "state", Tapi.Ringback)
            verify(SimDriver.remoteAnswer("carol"))
            tryCompare(consult, "state", Tapi.Connected)
            tryCompare(join, "enabled", true)
            mouseClick(join)
            tryCompare(consult, "state", Tapi.Conferenced)
            tryCompare(conference, "state", Tapi.Connected)
            compare(conference.members.length, 2)
            compare(consult.consultOf, null)
            verify(!join.visible)
            // Add party: the next consult is selected the same way.
            console.select(conference)
            mouseClick(findChild(panel, "addPartyButton"))
            tryVerify(function() { return console.selectedSession && console.selectedSession.consultOf === conference })
        }

        // A History row's accessible name is what the row shows; a conference row shows "Conference", not
        // the caller it began with.
        function test_conferenceHistoryRowNamedAsShown() {
            const console = makeConsole()
            const recorded = SimDriver.historyCount()
            const alice = answeredAlice(console)
            verify(alice.setupConference() > 0)
            tryVerify(function() { return alice.conferenceParent !== null && alice.conferenceParent.consultCall !== null })
            const conference = alice.conferenceParent
            const consult = conference.consultCall
            verify(consult.dial(SimDriver.farEndNumber("carol")) > 0)
            tryCompare(consult, "state", Tapi.Ringback)
            verify(SimDriver.remoteAnswer("carol"))
            tryCompare(consult, "state", Tapi.Connected)
            verify(conference.addToConference(consult) > 0)
            tryCompare(consult, "state", Tapi.Conferenced)
            verify(conference.drop() > 0)
            tryCompare(alice, "state", Tapi.Idle)
            compare(alice.terminate(), 0) // her wrap-up, closed
            tryCompare(CallEngine.sessions, "count", 0)
            const history = createTemporaryObject(historyComponent, root)
            const list = findChild(history, "historyList")
            tryCompare(list, "count", SimDriver.historyCount())
            verify(list.count > recorded)
            let conferenceRows = 0
            for (let i = 0; i < list.count - recorded; ++i) {
                list.currentIndex = i
                const row = list.currentItem
                const caller = findChild(row, "historyCaller").text
                compare(row.Accessible.name, findChild(row, "historyDirection").text + ", " + caller + ", "
                        + findChild(row, "historyOutcome").text)
                if (caller === "Conference")
                    ++conferenceRows
            }
            compare(conferenceRows, 1)
        }

        function test_blindTransfer() {
            const console = makeConsole()
            const alice = answeredAlice(console)
            const panel = findChild(console, "activeSessionPanel")
            const field = findChild(panel, "blindTransferNumber")
            const button = findChild(panel, "blindTransferButton")
            field.text = "sales desk"
            verify(!button.enabled)
            verify(findChild(panel, "blindTransferProblem").visible)
            field.text = "+1 (555) 0105"
            verify(!findChild(panel, "blindTransferProblem").visible)
            verify(button.enabled)
            mouseClick(button)
            tryCompare(alice, "state", Tapi.Idle)
            compare(alice.outcome, "transferred")
            compare(SimDriver.farEndState("alice"), "CONNECTED/ACTIVE")
            // The customer's call is wrapped up like any other.
            tryCompare(AgentState, "state", AgentState.WrapUp)
            verify(findChild(panel, "wrapUpForm").visible)
        }

        function test_placeCallWithFormattedNumber() {
            const console = makeConsole()
            const bar = findChild(console, "newCallBar")
            const number = findChild(bar, "newCallNumber")
            const call = findChild(bar, "newCallButton")
            verify(findChild(bar, "newCallLine").visible) // several lines can make calls
            number.text = "call bob"
            verify(!call.enabled)
            verify(findChild(bar, "newCallProblem").visible)
            number.text = "(20) 02"
            verify(call.enabled)
            verify(!findChild(bar, "newCallProblem").visible)
            findChild(bar, "newCallLine").currentIndex = 1 // "No reject"
            mouseClick(call)
            tryCompare(CallEngine.sessions, "count", 1)
            const s = CallEngine.sessions.sessionAt(0)
            compare(s.lineId, "sim/norej")
            compare(s.direction, Tapi.Outbound)
            tryCompare(s, "state", Tapi.Ringback)
            // Whom the agent calls shows while it rings, as the agent wrote it: list and panel.
            compare(s.remoteNumber, "(20) 02")
            tryCompare(console, "selectedSession", s)
            compare(findChild(findChild(console, "activeSessionPanel"), "activeCallerNumber").text, "(20) 02")
            const list = findChild(console, "sessionList")
            list.currentIndex = 0
            compare(findChild(list.currentItem, "sessionCaller").text, "(20) 02")
        }

        function test_callBackFromHistoryAndSearchByDigits() {
            const console = makeConsole()
            const session = SimDriver.offer("sim/desk", "grace")
            verify(session)
            verify(SimDriver.remoteHangup("grace", "NORMAL"))
            // A missed call needs no wrap-up: it goes to History by itself.
            tryCompare(CallEngine.sessions, "count", 0)
            compare(AgentState.state, AgentState.Ready)
            const history = createTemporaryObject(historyComponent, root)
            const list = findChild(history, "historyList")
            tryCompare(list, "count", SimDriver.historyCount())
            compare(historyRows(history)[0], "Grace Gray (2007) | Incoming | missed")
            findChild(history, "historySearch").text = "(20) 07"
            tryCompare(list, "count", 1)
            findChild(history, "historySearch").text = "20-06"
            tryCompare(list, "count", 0)
            findChild(history, "historySearch").text = ""
            tryVerify(function() { return list.count > 0 })
            list.currentIndex = 0
            const placed = signalSpy.createObject(history, { target: history, signalName: "callPlaced" })
            mouseClick(findChild(list.currentItem, "callBackButton"))
            compare(placed.count, 1)
            tryCompare(CallEngine.sessions, "count", 1)
            const s = CallEngine.sessions.sessionAt(0)
            compare(s.direction, Tapi.Outbound)
            compare(s.remoteNumber, "2007")
            compare(s.lineId, "sim/desk")
            tryCompare(s, "state", Tapi.Ringback)
        }

        Component { id: signalSpy; SignalSpy { } }

        function test_severalRingingCallsAnswerTheChosenOne() {
            const console = makeConsole()
            const banner = findChild(console, "incomingBanner")
            const alice = SimDriver.offer("sim/desk", "alice")
            const bob = SimDriver.offer("sim/norej", "bob")
            const carol = SimDriver.offer("sim/desk", "carol")
            verify(alice && bob && carol)
            tryCompare(banner, "visible", true)
            compare(banner.session, alice)
            verify(findChild(banner, "incomingLineAndWait").text.indexOf("waiting") >= 0)
            tryCompare(banner.others, "length", 2)
            compare(banner.others[0], bob)
            compare(banner.others[1], carol)
            // Bob's row in the banner answers bob, not the call the banner shows first.
            const bobButton = findAnswerFor(banner, bob)
            verify(bobButton)
            bobButton.forceActiveFocus(Qt.TabFocusReason)
            keyClick(Qt.Key_Space)
            tryCompare(bob, "state", Tapi.Connected)
            compare(alice.state, Tapi.Offering)
            compare(carol.state, Tapi.Offering)
            compare(console.selectedSession, bob)
        }
        function test_aBurstOfRingingCallsShowsTheLongestWaiting() {
            const console = makeConsole()
            const banner = findChild(console, "incomingBanner")
            const callers = ["alice", "bob", "carol", "dave", "erin"]
            const calls = []
            for (let i = 0; i < callers.length; ++i)
                calls.push(SimDriver.offer(i % 2 ? "sim/norej" : "sim/desk", callers[i]))
            verify(calls.every(function(c) { return c !== null }))
            tryCompare(banner, "visible", true)
            compare(banner.session, calls[0])
            // Three rows, the longest waiting after the banner's own call; the last one counted.
            tryVerify(function() { return banner.others.length === 3 })
            compare(banner.others[0], calls[1])
            compare(banner.others[1], calls[2])
            compare(banner.others[2], calls[3])
            const more = findChild(banner, "moreRinging")
            tryCompare(more, "visible", true)
            compare(more.text, "1 more call ringing: see the call list")
            // A caller who gives up makes room for the next one waiting.
            verify(SimDriver.remoteHangup("bob", "NORMAL"))
            tryVerify(function() { return banner.others.length === 3 && banner.others[2] === calls[4] })
            compare(banner.others[0], calls[2])
            tryCompare(more, "visible", false)
        }

        function findAnswerFor(item, session) {
            for (let i = 0; i < item.children.length; ++i) {
                const child = item.children[i]
                if (child.objectName === "answerOtherButton" && child.parent.modelData === session)
                    return child
                const found = findAnswerFor(child, session)
                if (found)
                    return found
            }
            return null
        }

        function test_callerDataAndNotesStayThroughTheCall() {
            const console = makeConsole()
            const alice = answeredAlice(console, "queue 7")
            const panel = findChild(console, "activeSessionPanel")
            // After the answer the caller's data is still on screen.
            compare(findChild(panel, "activeCallerName").text, "Alice Archer")
            compare(findChild(panel, "activeCallerNumber").text, "2001")
            verify(findChild(panel, "callerDetails").visible)
            compare(findChild(panel, "endedUui").text, "queue 7")
            const notes = findChild(panel, "callNotes")
            verify(notes.visible)
            notes.forceActiveFocus()
            notes.text = "wants a refund"
            mouseClick(findChild(panel, "dropButton"))
            tryCompare(alice, "state", Tapi.Idle)
            const wrapUp = findChild(panel, "wrapUpForm")
            tryCompare(wrapUp, "visible", true)
            compare(findChild(wrapUp, "wrapUpNotes").text, "wants a refund")
            compare(findChild(panel, "endedUui").text, "queue 7")
            compare(findChild(panel, "activeCallerName").text, "Alice Archer")
        }

        function test_wrapUpOncePerInteraction() {
            const console = makeConsole()
            const recorded = SimDriver.historyCount()
            // Rejected and missed calls are recorded with their outcome and ask for nothing.
            const bob = SimDriver.offer("sim/desk", "bob")
            tryCompare(findChild(console, "incomingBanner"), "visible", true)
            verify(bob.reject() > 0) // what the Reject button calls (tst_console clicks it)
            tryCompare(CallEngine.sessions, "count", 0)
            verify(SimDriver.offer("sim/desk", "carol"))
            verify(SimDriver.remoteHangup("carol", "NORMAL"))
            tryCompare(CallEngine.sessions, "count", 0)
            compare(AgentState.state, AgentState.Ready)
            tryVerify(function() { return SimDriver.historyCount() === recorded + 2 })
            // Two talked calls ended together: closing one shows the other, wrap-up ends after both.
            const alice = answeredAlice(console)
            const dave = SimDriver.offer("sim/norej", "dave")
            verify(dave.answer() > 0) // a second line, taken while talking on the first
            tryCompare(dave, "state", Tapi.Connected)
            verify(SimDriver.remoteHangup("alice", "NORMAL"))
            tryCompare(alice, "state", Tapi.Disconnected)
            verify(SimDriver.remoteHangup("dave", "NORMAL"))
            tryCompare(dave, "state", Tapi.Disconnected)
            tryCompare(AgentState, "state", AgentState.WrapUp)
            const panel = findChild(console, "activeSessionPanel")
            console.select(alice)
            mouseClick(findChild(panel, "closeSessionButton"))
            compare(console.selectedSession, dave) // not left behind unseen
            compare(AgentState.state, AgentState.WrapUp)
            mouseClick(findChild(panel, "closeSessionButton"))
            compare(CallEngine.sessions.count, 0)
            compare(AgentState.state, AgentState.Ready)
            const history = createTemporaryObject(historyComponent, root)
            tryCompare(findChild(history, "historyList"), "count", recorded + 4)
            compare(historyRows(history), ["Dave Dunn (2004) | Incoming | answered",
                                           "Alice Archer (2001) | Incoming | answered",
                                           "Carol Cole (2003) | Incoming | missed",
                                           "Bob Baker (2002) | Incoming | rejected"].concat(historyRows(history).slice(4)))
        }

        function test_interruptedCallAndDamagedHistoryAreExplained() {
            const console = makeConsole()
            const recorded = SimDriver.historyCount()
            const alice = answeredAlice(console)
            // The console stops during the call and starts again: the call is in History, interrupted.
            verify(SimDriver.restartCallLog(false))
            const history = createTemporaryObject(historyComponent, root)
            const list = findChild(history, "historyList")
            tryCompare(list, "count", recorded + 1)
            list.currentIndex = 0
            compare(findChild(list.currentItem, "historyCaller").text, "Alice Archer (2001)")
            compare(findChild(list.currentItem, "historyOutcome").text, "interrupted")
            compare(findChild(history, "callLogProblem").visible, false)
            // The next start finds the file damaged: it is set aside, the agent is told where, and calls
            // are recorded again in a fresh history.
            verify(SimDriver.restartCallLog(true))
            const problem = findChild(history, "callLogProblem")
            tryCompare(problem, "visible", true)
            verify(problem.text.indexOf("calls.sqlite.corrupt-") > 0, problem.text)
            verify(problem.text.indexOf("set aside") > 0, problem.text)
            tryCompare(list, "count", 0)
            verify(SimDriver.remoteHangup("alice", "NORMAL"))
            tryCompare(alice, "state", Tapi.Disconnected)
            history.visible = false // back to the console, which the page covered
            mouseClick(findChild(findChild(console, "activeSessionPanel"), "closeSessionButton"))
            tryCompare(CallEngine.sessions, "count", 0)
            history.visible = true
            tryCompare(list, "count", 1)
            list.currentIndex = 0
            compare(findChild(list.currentItem, "historyOutcome").text, "answered")
        }
    }
}
