import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Hookline.Engine
import Hookline.Ui
import "Formatting.js" as Fmt

// The selected session: who, what state, and the actions its live features allow right now.
// Ended sessions show what happened (disconnect mode, received UUI, duration) and the wrap-up.
Pane {
    id: panel
    objectName: "activeSessionPanel"
    property CallSession session: null
    property var dropReasons: ({}) // sessionId -> reason code chosen at drop
    signal closed(int sessionId)

    readonly property int features: session ? session.features : 0
    readonly property bool ended: session !== null && (session.state === Tapi.Idle || session.state === Tapi.Disconnected)
    // The consultation this session belongs to, from the engine's relations: on the consult its held
    // original or conference, on the held side its consult.
    readonly property CallSession heldSide: !session ? null : (session.consultOf ? session.consultOf : (session.consultCall ? session : null))
    readonly property CallSession consultSide: !session ? null : (session.consultCall ? session.consultCall : (session.consultOf ? session : null))
    function has(feature) { return (features & feature) !== 0 }

    // The same calls the shortcuts make.
    function dropNow() { return dropControls.dropNow() }
    function toggleHold() {
        const unhold = session !== null && session.state === Tapi.OnHold
        const action = unhold ? qsTr("Unhold") : qsTr("Hold")
        const why = Reasons.unavailable(session, unhold ? Tapi.FeatureUnhold : Tapi.FeatureHold, action)
        if (why.length) {
            Feedback.show(why)
            return -1
        }
        const result = unhold ? session.unhold() : session.hold()
        Feedback.request(action, result)
        return result
    }
    // Saves the wrap-up of the selected ended call and closes it (the shortcut's way to Save and close).
    function saveAndCloseWrapUp() {
        if (!ended) {
            Feedback.show(qsTr("Nothing to save: the selected call has not ended."))
            return false
        }
        return wrapUp.saveAndClose()
    }
    // The selected call just ended here: the agent goes on typing in the wrap-up.
    onEndedChanged: if (ended && visible) Qt.callLater(wrapUp.focusNotes)

    background: Rectangle { color: Theme.surface; radius: Theme.radius; border.color: Theme.border }
    Accessible.name: qsTr("Selected call")

    Label {
        anchors.centerIn: parent
        visible: panel.session === null
        text: qsTr("Select a call in the list")
        color: Theme.mutedText
    }

    ColumnLayout {
        anchors.fill: parent
        visible: panel.session !== null
        spacing: Theme.spacing

        // Who and what.
        RowLayout {
            Layout.fillWidth: true
            ColumnLayout {
                Layout.fillWidth: true
                spacing: 0
                PlainLabel {
                    objectName: "activeCallerName"
                    Layout.fillWidth: true
                    font.pixelSize: Theme.fontHuge
                    font.bold: true
                    text: !panel.session ? "" : panel.session.isConference ? qsTr("Conference")
                          : UntrustedText.display(panel.session.remoteName.length ? panel.session.remoteName : panel.session.remoteNumber)
                }
                PlainLabel {
                    objectName: "activeCallerNumber"
                    Layout.fillWidth: true
                    color: Theme.mutedText
                    text: panel.session ? UntrustedText.display(panel.session.remoteNumber) : ""
                }
                PlainLabel {
                    Layout.fillWidth: true
                    color: Theme.mutedText
                    text: panel.session ? (panel.session.line ? panel.session.line.name : panel.session.lineId) : ""
                }
            }
            ColumnLayout {
                spacing: 0
                PlainLabel {
                    objectName: "activeState"
                    Layout.alignment: Qt.AlignRight
                    font.pixelSize: Theme.fontLarge
                    text: panel.session ? Names.stateAndMode(panel.session.state, panel.session.mode) : ""
                }
                Label {
                    objectName: "activeDuration"
                    Layout.alignment: Qt.AlignRight
                    font.family: "monospace"
                    color: Theme.mutedText
                    text: panel.session ? Fmt.duration(Clock.duration(panel.session)) : ""
                }
            }
        }

        // What the caller sent stays in view while talking and through wrap-up; ended: who ended it.
        GridLayout {
            objectName: "callerDetails"
            visible: panel.session !== null && !panel.session.isConference
            columns: 2
            columnSpacing: Theme.spacing
            Layout.fillWidth: true
            Label { text: qsTr("Ended by"); color: Theme.mutedText; visible: panel.ended }
            PlainLabel {
                objectName: "endedDisconnectMode"
                visible: panel.ended
                Layout.fillWidth: true
                text: panel.session && panel.session.disconnectMode ? Names.disconnect(panel.session.disconnectMode) : qsTr("this station")
            }
            Label { text: qsTr("Caller-ID date"); color: Theme.mutedText; visible: callerIdDate.visible }
            PlainLabel {
                id: callerIdDate
                objectName: "activeCallerIdDate"
                visible: text.length > 0
                Layout.fillWidth: true
                text: panel.session ? panel.session.callerIdDate : ""
            }
            Label { text: qsTr("Caller data"); color: Theme.mutedText }
            PlainLabel {
                objectName: "endedUui"
                Layout.fillWidth: true
                text: panel.session && panel.session.userUserInfoText.length ? UntrustedText.display(panel.session.userUserInfoText) : qsTr("none")
            }
        }

        // Call control, enabled from the session's live features.
        Flow {
            Layout.fillWidth: true
            spacing: Theme.spacing / 2
            visible: !panel.ended
            IconButton {
                iconName: panel.session && panel.session.state === Tapi.OnHold ? "resume" : "hold"
                objectName: "holdButton"
                text: panel.session && panel.session.state === Tapi.OnHold ? qsTr("Unhold") : qsTr("Hold")
                available: panel.session && (panel.session.state === Tapi.OnHold ? panel.has(Tapi.FeatureUnhold) : panel.has(Tapi.FeatureHold))
                disabledReason: Reasons.unavailable(panel.session, panel.session && panel.session.state === Tapi.OnHold ? Tapi.FeatureUnhold : Tapi.FeatureHold, text)
                Accessible.name: text
                onTriggered: panel.toggleHold()
            }
            IconButton {
                iconName: "transfer"
                objectName: "transferButton"
                text: qsTr("Consult transfer")
                available: panel.has(Tapi.FeatureSetupTransfer)
                disabledReason: Reasons.unavailable(panel.session, Tapi.FeatureSetupTransfer, text)
                Accessible.name: qsTr("Start a consultation for transfer")
                onTriggered: Feedback.request(text, panel.session.setupTransfer())
            }
            IconButton {
                iconName: "transfer"
                objectName: "completeTransferButton"
                visible: panel.heldSide !== null && panel.session.consultKind === CallSession.TransferConsult
                text: qsTr("Complete transfer")
                enabled: visible && (panel.heldSide.features & Tapi.FeatureCompleteTransfer) !== 0
                Accessible.name: text
                onClicked: Feedback.request(text, panel.heldSide.completeTransfer(panel.consultSide))
            }
            IconButton {
                iconName: "conference"
                objectName: "conferenceButton"
                text: qsTr("Conference")
                available: panel.has(Tapi.FeatureSetupConf)
                disabledReason: Reasons.unavailable(panel.session, Tapi.FeatureSetupConf, text)
                Accessible.name: qsTr("Set up a conference")
                onTriggered: Feedback.request(text, panel.session.setupConference())
            }
            IconButton {
                iconName: "conference"
                objectName: "addPartyButton"
                visible: panel.session !== null && panel.session.isConference
                text: qsTr("Add party")
                available: panel.has(Tapi.FeaturePrepareAddConf)
                disabledReason: Reasons.unavailable(panel.session, Tapi.FeaturePrepareAddConf, text)
                Accessible.name: qsTr("Call another party for the conference")
                onTriggered: Feedback.request(text, panel.session.prepareAddToConference())
            }
            IconButton {
                iconName: "conference"
                objectName: "joinConferenceButton"
                visible: panel.heldSide !== null && panel.session.consultKind === CallSession.ConferenceConsult
                text: qsTr("Add to conference")
                enabled: visible && (panel.heldSide.features & Tapi.FeatureAddToConf) !== 0
                Accessible.name: text
                onClicked: Feedback.request(text, panel.heldSide.addToConference(panel.consultSide))
            }
            IconButton {
                iconName: "conference"
                objectName: "removeFromConferenceButton"
                visible: panel.session !== null && panel.session.conferenceParent !== null
                text: qsTr("Remove from conference")
                available: panel.has(Tapi.FeatureRemoveFromConf)
                disabledReason: Reasons.unavailable(panel.session, Tapi.FeatureRemoveFromConf, text)
                Accessible.name: text
                onTriggered: Feedback.request(text, panel.session.removeFromConference())
            }
            IconButton {
                iconName: CallEngine.mute.muted ? "microphone" : "mute"
                objectName: "muteButton"
                checkable: true
                checked: CallEngine.mute.muted
                text: CallEngine.mute.muted ? qsTr("Unmute") : qsTr("Mute")
                Accessible.name: CallEngine.mute.muted ? qsTr("Unmute the microphone") : qsTr("Mute the microphone")
                onClicked: CallEngine.mute.setMuted(!CallEngine.mute.muted)
            }
        }

        DropControls {
            id: dropControls
            Layout.fillWidth: true
            visible: !panel.ended
            session: panel.session
            onDropRequested: function(reason) {
                if (reason.length) {
                    const r = panel.dropReasons
                    r[panel.session.sessionId] = reason
                    panel.dropReasons = r
                }
            }
        }

        BlindTransferField {
            Layout.fillWidth: true
            visible: !panel.ended && panel.session !== null && !panel.session.isConference
            session: panel.session
        }

        // Notes while talking: kept with the call (the interaction's original for a consult leg) and
        // shown again in the wrap-up.
        TextArea {
            id: callNotes
            objectName: "callNotes"
            readonly property CallSession target: !panel.session ? null : (panel.session.consultOf && panel.session.consultKind === CallSession.TransferConsult ? panel.session.consultOf : panel.session)
            Layout.fillWidth: true
            Layout.preferredHeight: 54
            visible: !panel.ended && target !== null && !target.isConference
            placeholderText: qsTr("Notes")
            wrapMode: TextEdit.Wrap
            textFormat: TextEdit.PlainText
            Accessible.name: qsTr("Call notes")
            background: Rectangle {
                color: Theme.surface
                radius: 2
                border.width: callNotes.activeFocus ? 2 : 1
                border.color: callNotes.activeFocus ? Theme.focusRing : Theme.fieldBorder
            }
            property bool loading: false
            onTargetChanged: {
                loading = true
                text = target ? target.notes : ""
                loading = false
            }
            // Typed, pasted or set by a screen reader: kept with the call at once.
            onTextChanged: if (target && !loading) target.notes = text
            // Tab moves on (it does not type a tab), as everywhere else in the console.
            Keys.onTabPressed: nextItemInFocusChain(true).forceActiveFocus(Qt.TabFocusReason)
            Keys.onBacktabPressed: nextItemInFocusChain(false).forceActiveFocus(Qt.BacktabFocusReason)
        }

        DialPad {
            Layout.fillWidth: true
            visible: !panel.ended && panel.session !== null && !panel.session.isConference
            session: panel.session
        }

        WrapUpForm {
            id: wrapUp
            objectName: "wrapUpForm"
            Layout.fillWidth: true
            visible: panel.ended
            session: panel.ended ? panel.session : null
            presetDisposition: panel.session ? (panel.dropReasons[panel.session.sessionId] || "") : ""
            onClosed: function(id) { panel.closed(id) }
        }

        Item { Layout.fillHeight: true }
    }
}
