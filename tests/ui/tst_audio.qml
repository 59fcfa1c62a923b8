import QtQuick
import QtQuick.Controls
import QtTest
import Hookline.Engine
import Hookline.Ui
import Hookline.TestSupport

// The audio UI without a sound server (no devices at all): the console's audio status (where the audio
// goes, why it is a fallback, recording through the router and its message), the settings page's audio
// pane (ringtone, music on hold and recording settings stored where the router reads them) and the dial pad's local key tones.
Item {
    id: root
    width: 1280
    height: 800

    Component { id: consoleComponent; AgentConsole { anchors.fill: parent } }
    Component { id: settingsComponent; SettingsPage { anchors.fill: parent } }
    SignalSpy { id: dtmfSpy; target: DtmfFeedback; signalName: "errorStringChanged" }
    SignalSpy { id: messageSpy; target: CallAudioRouter; signalName: "messageChanged" }
    SignalSpy { id: toneSpy; target: RingtonePlayer; signalName: "toneChanged" }

    TestCase {
        name: "Audio"
        when: windowShown

        function init() { SimDriver.reset() }

        function connectedCall(console, farEnd) {
            const session = SimDriver.offer("sim/desk", farEnd)
            verify(session)
            verify(session.answer() > 0)
            tryCompare(session, "state", Tapi.Connected)
            tryCompare(console, "selectedSession", session)
            return session
        }

        function test_statusShowsWhereTheAudioGoes() {
            const console = createTemporaryObject(consoleComponent, root)
            const status = findChild(console, "audioStatus")
            verify(status)
            verify(status.visible)
            compare(status.Accessible.name, "Call audio")
            compare(findChild(status, "audioEarpiece").text, "Earpiece: none")
            compare(findChild(status, "audioMicrophone").text, "Microphone: none")
            // No device of either kind: the router says so, prominently.
            const fallback = findChild(status, "audioFallback")
            verify(fallback.visible)
            compare(fallback.text, CallAudioRouter.fallbackReason)
            verify(fallback.text.includes("No microphone is available."))
            verify(fallback.text.includes("No output is available."))
            compare(fallback.Accessible.name, "Audio moved: " + fallback.text)
            // Recording controls only with a selected call.
            verify(!findChild(status, "recordButton").visible)
        }

        function test_recordWithoutAudioShowsTheRoutersMessage() {
            const console = createTemporaryObject(consoleComponent, root)
            const status = findChild(console, "audioStatus")
            const offered = SimDriver.offer("sim/desk", "bob")
            verify(offered)
            console.selectedSession = offered // offered, not connected: no voice path yet
            const record = findChild(status, "recordButton")
            verify(record.visible)
            compare(record.text, "Record")
            compare(record.Accessible.name, "Record")
            verify(!findChild(status, "pauseRecordingButton").actionable)
            messageSpy.clear()
            mouseClick(record)
            compare(messageSpy.count, 1)
            compare(CallAudioRouter.message, "Cannot record: the call has no audio.")
            const message = findChild(status, "audioMessage")
            verify(message.visible)
            compare(message.text, "Cannot record: the call has no audio.")
            compare(offered.recordingState, CallSession.NotRecorded)
            compare(findChild(status, "recordingStatus").text, "")
        }

        // The recording controls show what the session carries; the hang-up closes the recording with the
        // call's audio and the session (so the status) says it was saved.
        function test_recordingStatusFollowsTheSession() {
            const console = createTemporaryObject(consoleComponent, root)
            const status = findChild(console, "audioStatus")
            const session = connectedCall(console, "dave")
            const record = findChild(status, "recordButton")
            const label = findChild(status, "recordingStatus")
            tryCompare(CallAudioRouter, "bridgedCalls", 1)
            mouseClick(record)
            tryCompare(session, "recordingState", CallSession.Recording)
            const path = session.recordingPath
            verify(path.startsWith(SimDriver.recordingFolder()))
            compare(label.text, "Recording to " + path)
            compare(record.text, "Stop recording")
            mouseClick(findChild(status, "pauseRecordingButton"))
            tryCompare(session, "recordingState", CallSession.RecordingPaused)
            compare(label.text, "Paused: " + path)
            verify(session.drop() > 0)
            tryCompare(session, "state", Tapi.Idle)
            tryCompare(session, "recordingState", CallSession.RecordingFinished)
            compare(session.recordingPath, path)
            compare(label.text, "Saved " + path)
            compare(record.text, "Record")
        }

        function test_dialPadKeyPlaysTheToneLocally() {
            const console = createTemporaryObject(consoleComponent, root)
            const session = connectedCall(console, "dave")
            const key = findChild(console, "dialKey5")
            verify(key)
            tryCompare(key, "enabled", true)
            dtmfSpy.clear()
            const before = DtmfFeedback.errorString
            mouseClick(key)
            // No playback device: the feedback tried and says why (only the first failure changes it).
            if (before === "")
                tryCompare(dtmfSpy, "count", 1)
            tryCompare(DtmfFeedback, "errorString", "no output device to play on")
        }

        function test_devicePickerPerRole_data() {
            return [
                { tag: "microphone", picker: "microphoneDevice", reason: "No microphone is available." },
                { tag: "earpiece", picker: "earpieceDevice", reason: "No output is available." },
                { tag: "ringer", picker: "ringerDevice", reason: "No output is available." },
            ]
        }

        function test_devicePickerPerRole(data) {
            const settings = createTemporaryObject(settingsComponent, root)
            const pane = findChild(settings, "audioDevicesPane")
            const combo = findChild(pane, data.picker + "Combo")
            verify(combo)
            // Without a sound server only the system default is offered, and it is the choice.
            compare(combo.count, 1)
            compare(combo.currentText, "System default (none available)")
            compare(combo.currentValue, "")
            compare(combo.Accessible.name, findChild(pane, data.picker).label)
            const fallback = findChild(pane, data.picker + "Fallback")
            verify(fallback.visible)
            compare(fallback.text, data.reason)
        }

        function test_rememberedDeviceThatIsMissingIsNamed() {
            SimDriver.setSettingValue("audio/playback/id", "usb-headset-that-is-gone")
            SimDriver.setSettingValue("audio/playback/description", "Old <b>USB</b> Headset")
            const settings = createTemporaryObject(settingsComponent, root)
            const pane = findChild(settings, "audioDevicesPane")
            const combo = findChild(pane, "earpieceDeviceCombo")
            compare(combo.count, 2)
            compare(combo.currentValue, "usb-headset-that-is-gone")
            compare(combo.currentText, "Old <b>USB</b> Headset (not connected)")
            // It cannot be chosen again while missing; "System default" can, and forgets it.
            combo.activated(0)
            combo.currentIndex = 0
            combo.activated(0)
            compare(SimDriver.settingValue("audio/playback/id"), undefined)
            tryCompare(combo, "count", 1)
        }

        function test_ringtoneSettingIsReloaded() {
            const settings = createTemporaryObject(settingsComponent, root)
            const pane = findChild(settings, "audioDevicesPane")
            compare(findChild(pane, "ringtoneInUse").text, "Ringing with the built-in ringtone.")
            verify(!findChild(pane, "ringtoneError").visible)
            const field = findChild(pane, "ringtoneFileField")
            toneSpy.clear()
            field.text = "/nonexistent/tone.wav"
            field.editingFinished()
            compare(SimDriver.settingValue("audio/ringtone"), "/nonexistent/tone.wav")
            compare(toneSpy.count, 1)
            verify(findChild(pane, "ringtoneError").visible)
            verify(RingtonePlayer.toneError.startsWith("/nonexistent/tone.wav: cannot read"))
            compare(findChild(pane, "ringtoneError").text, RingtonePlayer.toneError)
            compare(findChild(pane, "ringtoneInUse").text, "Ringing with the built-in ringtone.")
            mouseClick(findChild(pane, "ringtoneFileClear"))
            compare(SimDriver.settingValue("audio/ringtone"), "")
            compare(RingtonePlayer.toneError, "")
            verify(!findChild(pane, "ringtoneError").visible)
        }

        function test_recordingSettingsPersist() {
            let settings = createTemporaryObject(settingsComponent, root)
            let pane = findChild(settings, "audioDevicesPane")
            const format = findChild(pane, "recordingFormat")
            compare(format.displayText, "WAV")
            format.activated(1)
            compare(SimDriver.settingValue("recording/format"), "flac")
            const layout = findChild(pane, "recordingLayout")
            layout.activated(1)
            compare(SimDriver.settingValue("recording/layout"), "mono")
            const auto = findChild(pane, "autoRecord")
            verify(!auto.checked)
            mouseClick(auto)
            compare(SimDriver.settingValue("recording/auto"), true)
            const moh = findChild(pane, "musicOnHoldFileField")
            moh.text = "/music/hold.flac"
            moh.editingFinished()
            compare(SimDriver.settingValue("audio/musicOnHold"), "/music/hold.flac")
            // A new page shows what was stored.
            settings.destroy()
            settings = createTemporaryObject(settingsComponent, root)
            pane = findChild(settings, "audioDevicesPane")
            compare(findChild(pane, "recordingFormat").displayText, "FLAC")
            compare(findChild(pane, "recordingLayout").currentIndex, 1)
            verify(findChild(pane, "autoRecord").checked)
            compare(findChild(pane, "musicOnHoldFileField").text, "/music/hold.flac")
            // Put back for the other tests (auto recording would start on every call).
            mouseClick(findChild(pane, "autoRecord"))
            compare(SimDriver.settingValue("recording/auto"), false)
        }
    }
}
