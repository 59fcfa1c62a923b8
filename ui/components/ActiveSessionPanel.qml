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
    property ConsultTracker consults: null
    property var dropReasons: ({}) // sessionId -> reason code chosen at drop
    signal closed(int sessionId)

    readonly property int features: session ? session.features : 0
    readonly property bool ended: session !== null && (session.state === Tapi.Idle || session.state === Tapi.Disconnected)
    readonly property var consultInfo: consults ? consults.infoFor(session) : undefined
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

        // Ended: what happened.
        GridLayout {
            objectName: "endedDetails"
            visible: panel.ended
            columns: 2
            columnSpacing: Theme.spacing
            Layout.fillWidth: true
            Label { text: qsTr("Ended by"); color: Theme.mutedText }
            PlainLabel {
                objectName: "endedDisconnectMode"
                Layout.fillWidth: true
                text: panel.session && panel.session.disconnectMode ? Names.disconnect(panel.session.disconnectMode) : qsTr("this station")
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
                enabled: panel.session && (panel.session.state === Tapi.OnHold ? panel.has(Tapi.FeatureUnhold) : panel.has(Tapi.FeatureHold))
                disabledReason: Reasons.unavailable(panel.session, panel.session && panel.session.state === Tapi.OnHold ? Tapi.FeatureUnhold : Tapi.FeatureHold, text)
                Accessible.name: text
                onClicked: panel.toggleHold()
            }
            IconButton {
                iconName: "transfer"
                objectName: "transferButton"
                text: qsTr("Consult transfer")
                enabled: panel.has(Tapi.FeatureSetupTransfer)
                disabledReason: Reasons.unavailable(panel.session, Tapi.FeatureSetupTransfer, text)
                Accessible.name: qsTr("Start a consultation for transfer")
                onClicked: {
                    const result = panel.session.setupTransfer()
                    if (Feedback.request(text, result))
                        panel.consults.start("transfer", panel.session, result)
                }
            }
            IconButton {
                iconName: "transfer"
                objectName: "completeTransferButton"
                visible: panel.consultInfo !== undefined && panel.consultInfo.kind === "transfer"
                text: qsTr("Complete transfer")
                enabled: visible && ((panel.consultInfo.target.features & Tapi.FeatureCompleteTransfer) !== 0)
                Accessible.name: text
                onClicked: Feedback.request(text, panel.consultInfo.target.completeTransfer(panel.session))
            }
            IconButton {
                iconName: "conference"
                objectName: "conferenceButton"
                text: qsTr("Conference")
                enabled: panel.has(Tapi.FeatureSetupConf)
                disabledReason: Reasons.unavailable(panel.session, Tapi.FeatureSetupConf, text)
                Accessible.name: qsTr("Set up a conference")
                onClicked: {
                    const result = panel.session.setupConference()
                    if (Feedback.request(text, result))
                        panel.consults.start("conference", panel.session, result)
                }
            }
            IconButton {
                iconName: "conference"
                objectName: "addPartyButton"
                visible: panel.session !== null && panel.session.isConference
                text: qsTr("Add party")
                enabled: panel.has(Tapi.FeaturePrepareAddConf)
                disabledReason: Reasons.unavailable(panel.session, Tapi.FeaturePrepareAddConf, text)
                Accessible.name: qsTr("Call another party for the conference")
                onClicked: {
                    const result = panel.session.prepareAddToConference()
                    if (Feedback.request(text, result))
                        panel.consults.start("conference", panel.session, result)
                }
            }
            IconButton {
                iconName: "conference"
                objectName: "joinConferenceButton"
                visible: panel.consultInfo !== undefined && panel.consultInfo.kind === "conference"
                text: qsTr("Add to conference")
                enabled: visible && panel.consultInfo.target !== null && ((panel.consultInfo.target.features & Tapi.FeatureAddToConf) !== 0)
                Accessible.name: text
                onClicked: Feedback.request(text, panel.consultInfo.target.addToConference(panel.session))
            }
            IconButton {
                iconName: "conference"
                objectName: "removeFromConferenceButton"
                visible: panel.session !== null && panel.session.conferenceParent !== null
                text: qsTr("Remove from conference")
                enabled: panel.has(Tapi.FeatureRemoveFromConf)
                disabledReason: Reasons.unavailable(panel.session, Tapi.FeatureRemoveFromConf, text)
                Accessible.name: text
                onClicked: Feedback.request(text, panel.session.removeFromConference())
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
