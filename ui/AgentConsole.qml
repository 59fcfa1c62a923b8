import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Hookline.Engine
import Hookline.Ui

// The agent's main view: the incoming banner, every live session and the selected one's actions.
// Shortcuts call the same session methods as the buttons.
Item {
    id: console
    objectName: "agentConsole"

    property CallSession selectedSession: null
    // Each action's key sequence ({ answer: "Ctrl+Shift+A", ... }): the settings' (shortcuts/*).
    property var shortcuts: ConsoleSettings.shortcutSequences

    // The shortcuts' actions: each says why when it cannot act (Feedback, shown beside the call panel).
    function answerAlerting() {
        const s = AgentState.alertingSession
        if (!s) {
            Feedback.show(qsTr("No call is ringing."))
            return false
        }
        if (!Feedback.request(qsTr("Answer"), s.answer()))
            return false
        select(s)
        return true
    }
    function rejectAlerting() {
        const s = AgentState.alertingSession
        if (!s) {
            Feedback.show(qsTr("No call is ringing."))
            return false
        }
        const why = banner.rejectReason
        if (why.length) {
            Feedback.show(why)
            return false
        }
        return Feedback.request(qsTr("Reject"), s.reject())
    }
    function select(session) {
        selectedSession = session
        const row = CallEngine.sessions.rowOf(session)
        if (row >= 0)
            sessionList.currentIndex = row
    }

    // The consultation the engine creates for the selected call (consult transfer, conference, add
    // party) becomes the selected call as soon as it exists, so the agent dials it at once.
    Connections {
        target: console.selectedSession
        function onConsultChanged() {
            const s = console.selectedSession
            if (s && s.consultCall)
                console.select(s.consultCall)
        }
        function onConferenceChanged() {
            const p = console.selectedSession ? console.selectedSession.conferenceParent : null
            if (p && p.consultCall)
                console.select(p.consultCall)
        }
    }

    Connections {
        target: CallEngine
        function onSessionTerminated(sessionId) {
            if (console.selectedSession && !console.selectedSession.valid) {
                // The next call waiting for its wrap-up is shown rather than left behind unseen.
                console.selectedSession = null
                const next = console.nextWrapUp()
                if (next)
                    console.select(next)
            }
            if (AgentState.state === AgentState.WrapUp && !console.nextWrapUp())
                AgentState.finishWrapUp()
        }
        function onSessionStateChanged(session, oldState, state) {
            // A call that connects here, or one the agent starts dialling, becomes the selected one
            // unless the agent is working on another.
            const outgoing = state === Tapi.DialTone || state === Tapi.Dialing
            if ((state === Tapi.Connected || outgoing) && session.privilege === Tapi.PrivilegeOwner
                && (!console.selectedSession || console.selectedSession.state !== Tapi.Connected))
                console.select(session)
            if (console.isEnded(session) && !session.needsWrapUp) {
                // Qt.callLater keeps only the last arguments of one function per turn, and a conference
                // dropped ends several calls in one turn: every one of them is queued.
                console.endedWithoutWrapUp.push(session)
                Qt.callLater(console.closeEndedWithoutWrapUp)
            }
        }
    }
    property var endedWithoutWrapUp: []
    function closeEndedWithoutWrapUp() {
        const ended = endedWithoutWrapUp
        endedWithoutWrapUp = []
        for (const s of ended)
            closeWithoutWrapUp(s)
    }
    function isEnded(s) {
        return s !== null && (s.state === Tapi.Idle || s.state === Tapi.Disconnected)
    }
    // One wrap-up per customer interaction: consultation legs, conference parents, missed, rejected and
    // unanswered calls are closed at once (the history keeps them with their outcome).
    function closeWithoutWrapUp(s) {
        if (s && s.valid && isEnded(s) && !s.needsWrapUp)
            s.terminate()
    }
    function nextWrapUp() {
        for (let i = 0; i < CallEngine.sessions.count; ++i) {
            const s = CallEngine.sessions.sessionAt(i)
            if (isEnded(s) && s.needsWrapUp)
                return s
        }
        return null
    }

    Shortcut {
        objectName: "answerShortcut"
        sequence: console.shortcuts.answer
        context: Qt.ApplicationShortcut
        onActivated: console.answerAlerting()
    }
    Shortcut {
        objectName: "rejectShortcut"
        sequence: console.shortcuts.reject
        context: Qt.ApplicationShortcut
        onActivated: console.rejectAlerting()
    }
    Shortcut {
        objectName: "dropShortcut"
        sequence: console.shortcuts.drop
        context: Qt.ApplicationShortcut
        onActivated: activePanel.dropNow()
    }
    Shortcut {
        objectName: "holdShortcut"
        sequence: console.shortcuts.hold
        context: Qt.ApplicationShortcut
        onActivated: activePanel.toggleHold()
    }
    Shortcut {
        objectName: "muteShortcut"
        sequence: console.shortcuts.mute
        context: Qt.ApplicationShortcut
        onActivated: CallEngine.mute.toggle()
    }
    Shortcut {
        objectName: "closeWrapUpShortcut"
        sequence: console.shortcuts.closeWrapUp || ""
        context: Qt.ApplicationShortcut
        onActivated: activePanel.saveAndCloseWrapUp()
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.spacing
        spacing: Theme.spacing

        IncomingBanner {
            id: banner
            Layout.fillWidth: true
            session: AgentState.alertingSession
            onAnswered: function(session) { console.select(session) }
        }

        SplitView {
            Layout.fillWidth: true
            Layout.fillHeight: true
            orientation: Qt.Horizontal
            Accessible.ignored: true // a layout: its two sides are named

            ColumnLayout {
                SplitView.preferredWidth: Math.max(360, console.width * 0.4)
                SplitView.minimumWidth: 280
                spacing: Theme.spacing / 2
                NewCallBar {
                    Layout.fillWidth: true
                }
                Label {
                    text: qsTr("Calls (%1)").arg(CallEngine.sessions.count)
                    font.bold: true
                    color: Theme.text
                }
                SessionList {
                    id: sessionList
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    selectedSession: console.selectedSession
                    onSessionActivated: function(session) { console.selectedSession = session }
                }
                MonitoredAddresses {
                    Layout.fillWidth: true
                }
                AudioStatus {
                    Layout.fillWidth: true
                    session: console.selectedSession
                }
            }

            ActiveSessionPanel {
                id: activePanel
                SplitView.fillWidth: true
                SplitView.minimumWidth: 420
                session: console.selectedSession
                ActionNotice {
                    anchors.top: parent.top
                    anchors.horizontalCenter: parent.horizontalCenter
                    anchors.topMargin: Theme.spacing / 2
                    z: 10
                }
            }
        }
    }
}
