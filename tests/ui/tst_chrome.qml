import QtQuick
import QtQuick.Controls
import QtTest
import Hookline.Engine
import Hookline.Ui
import Hookline.TestSupport

// The console's look and feedback: disabled buttons dimmed with their reason (hover tip, accessible
// description) in both themes, refused actions explained in the notice, the conference drop confirmed,
// focus into wrap-up after a drop, the wrap-up and agent-state shortcuts, the agent state bar, one clock
// for the call times, the focus ring, readable Answer button and field edges.
Item {
    id: root
    width: 1280
    height: 800

    Component { id: consoleComponent; AgentConsole { anchors.fill: parent } }
    Component { id: tipComponent; DisabledReasonTip { anchors.fill: parent } }
    Component { id: barComponent; AgentStateBar { } }
    Component { id: ringComponent; FocusRing { } }
    Component { id: eventLogComponent; EventLogPane { width: 900; height: 220 } }
    Component { id: audioPaneComponent; AudioDevicesPane { width: 900 } }
    Component { id: signalSpyComponent; SignalSpy { } }
    Component {
        id: buttonsComponent
        Row {
            spacing: 8
            Button { objectName: "first"; text: "First" }
            Button { objectName: "second"; text: "Second" }
        }
    }

    SignalSpy { id: tickSpy; target: Clock; signalName: "tickChanged" }

    // The sessions that reached Idle, by id: one closed as it ends (no wrap-up) cannot be asked afterwards.
    property var endedIds: []
    Connections {
        target: CallEngine
        function onSessionStateChanged(session, oldState, state) {
            if (state === Tapi.Idle)
                root.endedIds.push(session.sessionId)
        }
    }

    TestCase {
        name: "Chrome"
        when: windowShown

        function init() {
            SimDriver.reset()
            Feedback.clear()
            Theme.override = "light"
            root.endedIds = []
            failOnWarning(/Binding loop detected/) // a loop leaves a size to chance
        }
        function cleanup() { Theme.override = "system" }

        function makeConsole() {
            const c = createTemporaryObject(consoleComponent, root)
            verify(c)
            return c
        }
        function answered(console, farEnd) {
            const session = SimDriver.offer("sim/desk", farEnd)
            verify(console.answerAlerting())
            tryCompare(session, "state", Tapi.Connected)
            return session
        }
        // Relative luminance (WCAG) and contrast ratio of two colours.
        function luminance(c) {
            const f = v => v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4)
            return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b)
        }
        function contrast(a, b) {
            const la = luminance(a), lb = luminance(b)
            return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05)
        }
        // The spread between the darkest and the lightest pixel of an item as drawn in the window (with
        // its opacity).
        function drawnSpread(item) {
            const image = grabImage(root)
            const p = item.mapToItem(root, 0, 0)
            let lo = 1, hi = 0
            for (let x = Math.ceil(p.x); x < p.x + item.width; x += 2) {
                for (let y = Math.ceil(p.y); y < p.y + item.height; y += 2) {
                    const l = luminance(image.pixel(x, y))
                    lo = Math.min(lo, l)
                    hi = Math.max(hi, l)
                }
            }
            return hi - lo
        }

        function test_disabledButtonLooksDisabledAndSaysWhy_data() {
            return [{ tag: "light", theme: "light" }, { tag: "dark", theme: "dark" }]
        }
        function test_disabledButtonLooksDisabledAndSaysWhy(data) {
            Theme.override = data.theme
            const console = makeConsole()
            const tip = createTemporaryObject(tipComponent, root, { scopes: [console] })
            const session = SimDriver.offer("sim/desk", "alice")
            console.select(session) // ringing: no hold yet
            const hold = findChild(console, "holdButton")
            verify(!hold.actionable)
            compare(hold.disabledReason, "Hold is not available while the call is ringing.")
            compare(hold.Accessible.description, hold.disabledReason)
            compare(hold.opacity, Theme.disabledOpacity)
            compare(hold.icon.color, Theme.disabledText)
            const disabledSpread = drawnSpread(hold)

            // Hover shows the reason; the tip follows the button's state.
            mouseMove(hold, hold.width / 2, hold.height / 2)
            tryCompare(tip, "text", hold.disabledReason)
            tryCompare(findChild(tip, "disabledReasonToolTip"), "visible", true)

            // From the keyboard: Tab reaches the unavailable button, which shows its reason; Space does not
            // act, it says why where refused actions are reported.
            const transfer = findChild(console, "transferButton")
            verify(!transfer.actionable)
            transfer.forceActiveFocus(Qt.TabFocusReason)
            keyClick(Qt.Key_Backtab)
            tryCompare(hold, "activeFocus", true)
            tryCompare(findChild(hold, "focusReasonToolTip"), "visible", true)
            compare(findChild(hold, "focusReasonToolTip").text, hold.disabledReason)
            const triggered = createTemporaryObject(signalSpyComponent, root, { target: hold, signalName: "triggered" })
            Feedback.clear()
            keyClick(Qt.Key_Space)
            compare(Feedback.message, hold.disabledReason)
            compare(triggered.count, 0)
            compare(session.state, Tapi.Offering)

            verify(session.answer() > 0)
            tryCompare(session, "state", Tapi.Connected)
            tryCompare(hold, "actionable", true)
            tryCompare(findChild(hold, "focusReasonToolTip"), "visible", false)
            compare(hold.Accessible.description, "")
            compare(hold.opacity, 1)
            tryCompare(tip, "text", "")
            // As drawn, the disabled button has much less contrast than the enabled one.
            const enabledSpread = drawnSpread(hold)
            verify(disabledSpread < 0.6 * enabledSpread, disabledSpread + " vs " + enabledSpread)
            session.drop()
        }

        function test_rejectReasonFromTheLine() {
            const console = makeConsole()
            SimDriver.offer("sim/norej", "carol")
            const reject = findChild(console, "rejectButton")
            tryCompare(reject, "visible", true)
            verify(!reject.actionable)
            compare(reject.disabledReason, "This line cannot reject calls: answer it or let it ring.")
            compare(reject.Accessible.description, reject.disabledReason)
            // The shortcut says the same where the agent is looking.
            keyClick(Qt.Key_R, Qt.ControlModifier | Qt.ShiftModifier)
            const notice = findChild(console, "actionNotice")
            tryCompare(notice, "opacity", 1)
            compare(notice.text, reject.disabledReason)
            compare(notice.Accessible.role, Accessible.AlertMessage)
        }

        function test_refusedShortcutSaysWhy_data() {
            return [
                { tag: "answer, nothing ringing", key: Qt.Key_A, ringing: false, text: "No call is ringing." },
                { tag: "drop, no call selected", key: Qt.Key_D, ringing: false, text: "Select a call first." },
                { tag: "hold, call ringing", key: Qt.Key_H, ringing: true, text: "Hold is not available while the call is ringing." },
                { tag: "wrap-up, call not ended", key: Qt.Key_S, ringing: true, text: "Nothing to save: the selected call has not ended." },
            ]
        }
        function test_refusedShortcutSaysWhy(data) {
            const console = makeConsole()
            const notice = findChild(console, "actionNotice")
            verify(!notice.visible)
            if (data.ringing)
                console.select(SimDriver.offer("sim/desk", "bob"))
            keyClick(data.key, Qt.ControlModifier | Qt.ShiftModifier)
            tryCompare(notice, "opacity", 1)
            verify(notice.visible)
            compare(notice.text, data.text)
            // It goes by itself: an inline notice, not a dialog.
            tryCompare(notice, "visible", false, notice.showMs + 3000)
        }

        function test_engineRefusalNamesTheError() {
            const console = makeConsole()
            const session = answered(console, "dave")
            const notice = findChild(console, "actionNotice")
            // Unhold on a call that is not held: the engine refuses at once with INVALCALLSTATE.
            const result = session.unhold()
            verify(result < 0)
            verify(!Feedback.request("Unhold", result))
            tryCompare(notice, "opacity", 1)
            compare(notice.text, "Unhold failed: Not possible in the call's current state.")
            compare(Reasons.error(Tapi.OperationUnavail), "This line does not offer that.")
            compare(Reasons.error(0x80000001), "The line refused it (error 0x80000001).")
            session.drop()
        }

        function test_conferenceDropIsConfirmed() {
            const console = makeConsole()
            const first = answered(console, "alice")
            verify(first.setupConference() > 0)
            tryCompare(first, "state", Tapi.Conferenced)
            const conference = first.conferenceParent
            let consult = null
            for (const s of SimDriver.sessionsOn("sim/desk"))
                if (s.state === Tapi.DialTone)
                    consult = s
            verify(consult.dial(SimDriver.farEndNumber("bob")) > 0)
            tryCompare(consult, "state", Tapi.Ringback, 10000)
            verify(SimDriver.remoteAnswer("bob"))
            tryCompare(consult, "state", Tapi.Connected)
            verify(conference.addToConference(consult) > 0)
            tryCompare(consult, "state", Tapi.Conferenced)
            console.select(conference)
            const confirm = findChild(console, "confirmDropAll")
            mouseClick(findChild(console, "dropButton"))
            tryCompare(confirm, "opened", true)
            SimDriver.settle()
            compare(conference.state, Tapi.Connected) // nothing dropped while the agent decides
            mouseClick(findChild(confirm, "cancelDropAllButton"))
            tryCompare(confirm, "visible", false)
            compare(conference.state, Tapi.Connected)
            // The shortcut asks too; "Drop all" drops every party.
            keyClick(Qt.Key_D, Qt.ControlModifier | Qt.ShiftModifier)
            tryCompare(confirm, "opened", true)
            // The conference and the consultation leg need no wrap-up: they are closed as soon as they end,
            // so they are followed by id; the customer's call stays ended for its one wrap-up.
            const conferenceId = conference.sessionId
            const consultId = consult.sessionId
            mouseClick(findChild(confirm, "confirmDropAllButton"))
            tryCompare(first, "state", Tapi.Idle)
            verify(first.needsWrapUp)
            tryVerify(function() { return CallEngine.session(conferenceId) === null && CallEngine.session(consultId) === null })
            verify(root.endedIds.indexOf(conferenceId) >= 0) // dropped, then closed
            verify(root.endedIds.indexOf(consultId) >= 0)
            verify(first.valid)
            compare(console.selectedSession, first)
        }

        function test_ordinaryDropIsNotConfirmed() {
            const console = makeConsole()
            const session = answered(console, "erin")
            mouseClick(findChild(console, "dropButton"))
            tryCompare(session, "state", Tapi.Idle)
            verify(!findChild(console, "confirmDropAll").visible)
        }

        function test_focusMovesIntoWrapUpAndTheShortcutSavesIt() {
            const console = makeConsole()
            const session = answered(console, "frank")
            const recorded = SimDriver.historyCount()
            findChild(console, "holdButton").forceActiveFocus()
            mouseClick(findChild(console, "dropButton"))
            tryCompare(session, "state", Tapi.Idle)
            const notes = findChild(console, "wrapUpNotes")
            tryCompare(notes, "activeFocus", true)
            keyClick(Qt.Key_O)
            keyClick(Qt.Key_K)
            compare(notes.text, "ok")
            keyClick(Qt.Key_S, Qt.ControlModifier | Qt.ShiftModifier)
            compare(CallEngine.sessions.count, 0)
            tryVerify(function() { return SimDriver.historyCount() === recorded + 1 })
        }

        function test_stateShortcuts() {
            const bar = createTemporaryObject(barComponent, root)
            AgentState.requestState(AgentState.NotReady, "lunch")
            keyClick(Qt.Key_Y, Qt.ControlModifier | Qt.ShiftModifier)
            compare(AgentState.state, AgentState.Ready)
            keyClick(Qt.Key_N, Qt.ControlModifier | Qt.ShiftModifier)
            const item = findChild(bar, "readyMenuItem")
            tryCompare(item.menu, "opened", true)
            // The keyboard goes on in the menu: Down to "Not ready", Right into its reasons, Enter.
            keyClick(Qt.Key_Down)
            keyClick(Qt.Key_Right)
            keyClick(Qt.Key_Return)
            tryCompare(AgentState, "state", AgentState.NotReady)
            compare(AgentState.reasonCode, "break")
            AgentState.requestState(AgentState.Ready)
        }

        function test_stateBarShowsOnCallAndTimeInState() {
            const console = makeConsole()
            const bar = createTemporaryObject(barComponent, root)
            const onCall = findChild(bar, "onCallLabel")
            const time = findChild(bar, "timeInState")
            verify(!onCall.visible)
            const session = answered(console, "alice")
            tryCompare(onCall, "visible", true)
            compare(onCall.text, "On call")
            tryCompare(time, "text", "0:00")
            // It ticks (a loaded machine may skip a second between two looks, so any later second counts).
            tryVerify(function() { return /^0:0[1-9]$/.test(time.text) }, 5000, time.text)
            tryVerify(function() { return time.Accessible.name === "On call for " + time.text }, 2000,
                      time.Accessible.name)
            session.drop()
            tryCompare(onCall, "visible", false)
        }

        function test_listAndPanelTimesAgree() {
            const console = makeConsole()
            const session = answered(console, "bob")
            const panelTime = findChild(findChild(console, "activeSessionPanel"), "activeDuration")
            const list = findChild(console, "sessionList")
            tryCompare(list, "count", 1)
            list.currentIndex = 0
            const listTime = findChild(list.currentItem, "sessionDuration")
            tickSpy.clear()
            tickSpy.wait(2000)
            compare(listTime.text, panelTime.text)
            // Both show what the one clock hands out for its tick, whatever the session says in between.
            Clock.timer.stop()
            const durations = {}
            durations[session.sessionId] = 65999
            Clock.durations = durations
            Clock.tick++
            compare(panelTime.text, "1:05")
            compare(listTime.text, "1:05")
            Clock.timer.start()
            tickSpy.clear()
            tickSpy.wait(2000)
            compare(listTime.text, panelTime.text)
            session.drop()
        }

        function test_focusRingFollowsKeyboardFocus() {
            const buttons = createTemporaryObject(buttonsComponent, root, { x: 100, y: 100 })
            const ring = createTemporaryObject(ringComponent, root, { window: root.Window.window })
            const first = findChild(buttons, "first")
            const second = findChild(buttons, "second")
            first.forceActiveFocus(Qt.TabFocusReason)
            tryCompare(ring, "visible", true)
            compare(ring.target, first)
            keyClick(Qt.Key_Tab)
            tryCompare(ring, "target", second)
            verify(ring.visible)
            const p = second.mapToItem(root, 0, 0)
            verify(ring.x < p.x && ring.y < p.y)
            verify(ring.x + ring.width > p.x + second.width && ring.y + ring.height > p.y + second.height)
            compare(ring.border.color, Theme.focusRing)
            // A mouse click focuses without the ring.
            mouseClick(first)
            tryCompare(ring, "target", first)
            verify(!ring.visible)
        }

        function test_answerButtonAndFieldEdgesReadable_data() {
            return [{ tag: "light", theme: "light" }, { tag: "dark", theme: "dark" }]
        }
        function test_answerButtonAndFieldEdgesReadable(data) {
            Theme.override = data.theme
            const console = makeConsole()
            const session = SimDriver.offer("sim/desk", "carol")
            const answer = findChild(console, "answerButton")
            tryCompare(answer, "visible", true)
            // As drawn: the middle of the button's background against its text and icon colour.
            const image = grabImage(root)
            const corner = answer.mapToItem(root, 4, answer.height / 2)
            const drawn = image.pixel(Math.round(corner.x), Math.round(corner.y))
            verify(contrast(drawn, answer.palette.buttonText) >= 4.5, "answer text contrast " + contrast(drawn, answer.palette.buttonText))
            verify(contrast(drawn, answer.icon.color) >= 4.5)
            // Fields and check boxes: Fusion draws their edge from palette.window; it stands out.
            const uui = findChild(console, "dropUui")
            compare(uui.palette.window, Theme.outlineBase)
            verify(contrast(Qt.darker(Theme.outlineBase, 1.4), Theme.surface) >= 3,
                   "field edge contrast " + contrast(Qt.darker(Theme.outlineBase, 1.4), Theme.surface))
            session.reject()
        }
    
        // Calls that ring and are rejected: three state changes each.
        function makeEvents(calls) {
            for (let i = 0; i < calls; ++i) {
                const session = SimDriver.offer("sim/desk", "bob")
                verify(session.reject() > 0)
                tryCompare(session, "state", Tapi.Idle)
                session.terminate()
            }
        }

        function test_eventLogNamesAndFollow() {
            EventLogModel.clear()
            const pane = createTemporaryObject(eventLogComponent, root)
            const list = findChild(pane, "eventList")
            makeEvents(6)
            tryVerify(() => list.contentHeight > list.height)
            // Human names, as elsewhere in the console; TAPI's for the export and the description.
            list.positionViewAtBeginning()
            list.forceLayout()
            const row = list.itemAtIndex(0)
            verify(row)
            let names = ""
            for (let i = 0; i < row.children.length; ++i)
                names += row.children[i].text + "|"
            verify(names.includes("Not started → Incoming"), names)
            verify(!names.includes("OFFERING"), names)
            list.positionViewAtEnd()
            verify(pane.follow)

            // Following: new events keep the end in view. Their rows are laid out first: until then the old end
            // still reads atYEnd, and the jump to the new end could come after the wheel below.
            makeEvents(2)
            list.forceLayout()
            tryCompare(list, "atYEnd", true)
            // Scrolled up (the wheel), it stays where the agent is reading.
            mouseWheel(list, 100, 100, 0, 2400)
            tryCompare(pane, "follow", false)
            const readingAt = list.contentY
            verify(!list.atYEnd)
            makeEvents(2)
            compare(list.contentY, readingAt)
            verify(!list.atYEnd)
            // Back at the bottom, it follows again.
            mouseWheel(list, 100, 100, 0, -24000)
            tryCompare(pane, "follow", true)
            makeEvents(2)
            tryCompare(list, "atYEnd", true)
        }

        function test_browseButtonsForEveryPathSetting_data() {
            return [
                // The chooser only takes what exists.
                { tag: "ringtone", name: "ringtoneFile", folder: false, key: "audio/ringtone", path: "/etc/os-release" },
                { tag: "music on hold", name: "musicOnHoldFile", folder: false, key: "audio/musicOnHold", path: "/etc/hostname" },
                { tag: "recordings folder", name: "recordingFolder", folder: true, key: "recording/folder", path: "/tmp" },
            ]
        }
        function test_browseButtonsForEveryPathSetting(data) {
            const pane = createTemporaryObject(audioPaneComponent, root)
            const browse = findChild(pane, data.name + "Browse")
            verify(browse)
            compare(browse.text, "Browse…")
            compare(browse.folder, data.folder)
            compare(browse.dialog.toString().indexOf(data.folder ? "FolderDialog" : "FileDialog") >= 0, true,
                    browse.dialog.toString())
            // It opens at the path the setting has (the folder of a file).
            const field = findChild(pane, data.name + "Field")
            field.text = data.path
            mouseClick(browse)
            tryCompare(browse.dialog, "visible", true)
            compare(browse.dialog.currentFolder.toString(),
                    "file://" + (data.folder ? data.path : browse.parentOf(data.path)))
            browse.dialog.reject()
            tryCompare(browse.dialog, "visible", false)
            // What the chooser hands back (a URL) is stored as a local path. (The platform's chooser
            // itself is not driven here.)
            field.text = ""
            browse.chosen(browse.toLocal("file://" + encodeURI(data.path)))
            compare(findChild(pane, data.name + "Field").text, data.path)
            compare(SimDriver.settingValue(data.key), data.path)
            SimDriver.setSettingValue(data.key, "")
        }

        function test_recordDisabledOnEndedCallAndItsMessageGoes() {
            const console = makeConsole()
            const status = findChild(console, "audioStatus")
            const offered = SimDriver.offer("sim/desk", "alice")
            console.selectedSession = offered
            const record = findChild(status, "recordButton")
            verify(record.actionable)
            mouseClick(record)
            compare(CallAudioRouter.message, "Cannot record: the call has no audio.")
            // A rejected call needs no wrap-up and is closed as it ends; the message was about it and goes.
            const rejectedId = offered.sessionId
            verify(offered.reject() > 0)
            tryCompare(console, "selectedSession", null)
            verify(root.endedIds.indexOf(rejectedId) >= 0)
            compare(CallAudioRouter.message, "")
            verify(!findChild(status, "audioMessage").visible)
            // A talked call stays ended for its wrap-up: Record is disabled there and says why.
            const talked = answered(console, "bob")
            compare(console.selectedSession, talked)
            verify(record.actionable)
            verify(talked.drop() > 0)
            tryCompare(talked, "state", Tapi.Idle)
            compare(console.selectedSession, talked)
            verify(!record.actionable)
            compare(record.disabledReason, "The call has ended: there is nothing left to record.")
            compare(record.Accessible.description, record.disabledReason)
        }
    
        // The reasons, the notice and the state bar in Traditional Chinese.
        function test_zhTW() {
            const console = makeConsole()
            const bar = createTemporaryObject(barComponent, root)
            verify(SimDriver.setLanguage("zh_TW"))
            const session = SimDriver.offer("sim/desk", "alice")
            console.select(session)
            const hold = findChild(console, "holdButton")
            tryCompare(hold, "disabledReason", "通話響鈴時無法使用「保留」。")
            compare(hold.Accessible.description, hold.disabledReason)
            keyClick(Qt.Key_S, Qt.ControlModifier | Qt.ShiftModifier)
            const notice = findChild(console, "actionNotice")
            tryCompare(notice, "opacity", 1)
            compare(notice.text, "沒有要儲存的內容：選取的通話尚未結束。")
            compare(Reasons.failed("保留", Tapi.InvalCallState), "保留失敗：通話目前的狀態無法執行此操作。")
            verify(session.answer() > 0)
            tryCompare(findChild(bar, "onCallLabel"), "text", "通話中")
            SimDriver.setLanguage("en")
            session.drop()
        }
    }
}
