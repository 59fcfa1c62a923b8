import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Hookline.Engine
import Hookline.Ui

// Where the call's audio goes now (earpiece and microphone, and why when it is a fallback), a level meter
// each way, and the selected call's recording: Record / Pause / Resume / Stop and where the file goes.
// Devices and levels come from CallAudioRouter, the recording's state from the session; recording actions go
// through the router's per-session methods.
Pane {
    id: status
    objectName: "audioStatus"
    Accessible.role: Accessible.Grouping
    Accessible.name: qsTr("Call audio")
    property CallSession session: null

    // The selected call's recording, as its session carries it.
    readonly property int recordingState: session ? session.recordingState : CallSession.NotRecorded
    readonly property string recordingPath: session ? session.recordingPath : ""
    readonly property bool recordingRuns: recordingState === CallSession.Recording || recordingState === CallSession.RecordingPaused

    background: Rectangle { color: Theme.surface; radius: Theme.radius; border.color: Theme.border }

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.spacing

        // Device names come from the sound system: plain text.
        PlainLabel {
            objectName: "audioEarpiece"
            Layout.fillWidth: true
            text: qsTr("Earpiece: %1").arg(CallAudioRouter.playbackDeviceName || qsTr("none"))
            Accessible.name: text
        }
        PlainLabel {
            objectName: "audioMicrophone"
            Layout.fillWidth: true
            text: qsTr("Microphone: %1").arg(CallAudioRouter.captureDeviceName || qsTr("none"))
            Accessible.name: text
        }
        // Where the audio went when it is not where the agent chose: shown first and in the alert colour.
        PlainLabel {
            objectName: "audioFallback"
            Layout.fillWidth: true
            visible: CallAudioRouter.fallbackReason.length > 0
            text: CallAudioRouter.fallbackReason
            color: Theme.alert
            font.bold: true
            wrapMode: Text.Wrap
            elide: Text.ElideNone
            maximumLineCount: 4
            Accessible.role: Accessible.AlertMessage
            Accessible.name: qsTr("Audio moved: %1").arg(text)
        }

        Repeater {
            model: [
                { label: qsTr("Caller"), rms: CallAudioRouter.farEndRmsDbfs, peak: CallAudioRouter.farEndPeakDbfs },
                { label: qsTr("You"), rms: CallAudioRouter.agentRmsDbfs, peak: CallAudioRouter.agentPeakDbfs }
            ]
            delegate: RowLayout {
                id: meter
                required property var modelData
                Layout.fillWidth: true
                spacing: Theme.spacing
                PlainLabel { text: meter.modelData.label; Layout.preferredWidth: 60; color: Theme.mutedText }
                Rectangle {
                    Layout.fillWidth: true
                    height: 8
                    radius: 4
                    color: Theme.surfaceAlt
                    Accessible.role: Accessible.ProgressBar
                    Accessible.name: qsTr("%1 level %2 dBFS").arg(meter.modelData.label).arg(Math.round(meter.modelData.rms))
                    Rectangle { // RMS over -60..0 dBFS
                        width: parent.width * Math.max(0, Math.min(1, (meter.modelData.rms + 60) / 60))
                        height: parent.height
                        radius: 4
                        color: meter.modelData.peak > -1 ? Theme.danger : Theme.success
                    }
                    Rectangle { // peak hold mark
                        x: parent.width * Math.max(0, Math.min(1, (meter.modelData.peak + 60) / 60)) - 1
                        width: 2
                        height: parent.height
                        color: Theme.text
                        visible: meter.modelData.peak > -60
                    }
                }
            }
        }

        RowLayout {
            spacing: Theme.spacing
            visible: status.session !== null
            IconButton {
                objectName: "recordButton"
                iconName: "record"
                text: status.recordingRuns ? qsTr("Stop recording") : qsTr("Record")
                readonly property bool ended: status.session !== null
                    && (status.session.state === Tapi.Idle || status.session.state === Tapi.Disconnected)
                available: status.session !== null && !ended
                disabledReason: ended ? qsTr("The call has ended: there is nothing left to record.") : ""
                Accessible.name: text
                onTriggered: {
                    if (status.recordingRuns)
                        CallAudioRouter.stopRecording(status.session)
                    else
                        CallAudioRouter.startRecording(status.session)
                }
            }
            IconButton {
                objectName: "pauseRecordingButton"
                text: status.recordingState === CallSession.RecordingPaused ? qsTr("Resume") : qsTr("Pause")
                available: status.recordingRuns
                disabledReason: qsTr("Nothing is being recorded.")
                Accessible.name: status.recordingState === CallSession.RecordingPaused ? qsTr("Resume recording") : qsTr("Pause recording")
                onTriggered: status.recordingState === CallSession.RecordingPaused ? CallAudioRouter.resumeRecording(status.session)
                                                       : CallAudioRouter.pauseRecording(status.session)
            }
            PlainLabel {
                objectName: "recordingStatus"
                Layout.fillWidth: true
                elide: Text.ElideMiddle
                color: Theme.mutedText
                text: status.recordingState === CallSession.Recording ? qsTr("Recording to %1").arg(status.recordingPath)
                    : status.recordingState === CallSession.RecordingPaused ? qsTr("Paused: %1").arg(status.recordingPath)
                    : status.recordingState === CallSession.RecordingFinished ? qsTr("Saved %1").arg(status.recordingPath)
                    : ""
            }
        }
        PlainLabel {
            objectName: "audioMessage"
            Layout.fillWidth: true
            visible: CallAudioRouter.message.length > 0
            text: CallAudioRouter.message
            color: Theme.danger
            wrapMode: Text.Wrap
            elide: Text.ElideNone
            maximumLineCount: 4
            Accessible.role: Accessible.AlertMessage
            Accessible.name: text
        }
    }
}
