import QtQuick
import QtQuick.Controls
import QtTest
import Hookline.Engine
import Hookline.Ui
import Hookline.TestSupport

// The settings page over ConsoleSettings: controls show what the user's file holds (a bad value shows the
// default) and store what the agent chooses; a key the administrator's file pins shows its pinned value,
// locked, saying why (visible note, tool-tip reason, accessible description), and cannot be changed.
// The audio device pickers too. Nothing in QML spells a default: the theme and the shortcuts start from
// ConsoleSettings and follow it.
Item {
    id: root
    width: 1280
    height: 800

    Component { id: settingsComponent; SettingsPage { anchors.fill: parent } }
    Component { id: audioPaneComponent; AudioDevicesPane { width: 900 } }
    Component { id: tipComponent; DisabledReasonTip { anchors.fill: parent } }
    Component { id: stateBarComponent; AgentStateBar { } }

    TestCase {
        name: "SettingsAdmin"
        when: windowShown

        function init() { SimDriver.reset() }

        function makePage() {
            const page = createTemporaryObject(settingsComponent, root)
            verify(page)
            return page
        }

        function test_controlsReadTheSchema_data() {
            return [
                { tag: "format", control: "recordingFormat", key: "recording/format", stored: "OPUS",
                  shown: "Ogg Opus", index: 2, schema: "opus" },
                { tag: "layout", control: "recordingLayout", key: "recording/layout", stored: "mono",
                  shown: "Mono: both mixed", index: 1, schema: "mono" },
                { tag: "bad format: the default", control: "recordingFormat", key: "recording/format",
                  stored: "mp3", shown: "WAV", index: 0, schema: "wav" },
                { tag: "theme", control: "themeChoice", key: "appearance/theme", stored: "dark",
                  shown: "Dark", index: 2, schema: "dark" },
                { tag: "bad theme: the default", control: "themeChoice", key: "appearance/theme", stored: "pink",
                  shown: "Follow the system", index: 0, schema: "system" },
            ]
        }
        function test_controlsReadTheSchema(data) {
            SimDriver.setSettingValue(data.key, data.stored)
            const page = makePage()
            const control = findChild(page, data.control)
            verify(control)
            compare(control.currentIndex, data.index)
            compare(control.displayText, data.shown)
            verify(control.enabled)
            // A choice is stored as the schema spells it.
            const other = (data.index + 1) % control.count
            control.activated(other)
            compare(SimDriver.settingValue(data.key), control.codes[other])
            compare(control.currentIndex, other)
        }

        function test_wrapUpSecondsFromTheSchema() {
            const page = makePage()
            const spin = findChild(page, "wrapUpSeconds")
            compare(spin.from, ConsoleSettings.wrapUpSeconds.minimum)
            compare(spin.to, 3600)
            spin.value = 90
            spin.valueModified()
            compare(SimDriver.settingValue("appearance/wrapUpSeconds"), 90)
            compare(AgentState.wrapUpSeconds, 90)
            AgentState.wrapUpSeconds = 60
        }

        function test_pinnedControlIsLocked_data() {
            return [
                { tag: "format", control: "recordingFormat", key: "recording/format", pinned: "flac",
                  note: "pinned_recording_format", shown: "FLAC" },
                { tag: "layout", control: "recordingLayout", key: "recording/layout", pinned: "mono",
                  note: "pinned_recording_layout", shown: "Mono: both mixed" },
                { tag: "theme", control: "themeChoice", key: "appearance/theme", pinned: "light",
                  note: "pinned_appearance_theme", shown: "Light" },
                { tag: "language", control: "languageChoice", key: "ui/language", pinned: "en",
                  note: "pinned_ui_language", shown: "English" },
            ]
        }
        function test_pinnedControlIsLocked(data) {
            const stored = SimDriver.settingValue(data.key)
            const page = makePage()
            const control = findChild(page, data.control)
            const note = findChild(page, data.note)
            verify(control.enabled)
            verify(!note.visible)
            verify(!findChild(page, "adminSettingsNote").visible)
            const pins = {}
            pins[data.key] = data.pinned
            SimDriver.setAdminSettings(pins)
            // Locked, showing the pinned value, saying why for sight, pointer and screen readers.
            tryCompare(control, "enabled", false)
            compare(control.displayText, data.shown)
            verify(note.visible)
            compare(note.text, "Set by your administrator")
            compare(control.disabledReason, "Set by your administrator")
            compare(control.Accessible.description, "Set by your administrator")
            const adminNote = findChild(page, "adminSettingsNote")
            verify(adminNote.visible)
            verify(adminNote.text.indexOf(ConsoleSettings.adminFile) > 0)
            // A write that gets through anyway is refused: the user's file keeps nothing for the key.
            control.activated(control.currentIndex === 0 ? 1 : 0)
            compare(SimDriver.settingValue(data.key), stored)
            compare(control.displayText, data.shown)
            // Unpinned: the control is the agent's again.
            SimDriver.setAdminSettings({})
            tryCompare(control, "enabled", true)
            verify(!note.visible)
            compare(control.disabledReason, "")
        }

        function test_pinnedFileAndCheckBoxAreLocked() {
            const page = makePage()
            const pane = findChild(page, "audioDevicesPane")
            SimDriver.setAdminSettings({ "recording/auto": true, "audio/musicOnHold": "/srv/hold.flac" })
            const auto = findChild(pane, "autoRecord")
            verify(auto.checked)
            verify(!auto.enabled)
            compare(auto.Accessible.description, "Set by your administrator")
            verify(findChild(pane, "pinned_recording_auto").visible)
            const field = findChild(pane, "musicOnHoldFileField")
            compare(field.text, "/srv/hold.flac")
            verify(!field.enabled)
            verify(!findChild(pane, "musicOnHoldFileBrowse").enabled)
            verify(!findChild(pane, "musicOnHoldFileClear").actionable)
            compare(findChild(pane, "musicOnHoldFileClear").disabledReason, "Set by your administrator")
            verify(findChild(pane, "pinned_audio_musicOnHold").visible)
            // The ringtone is not pinned: still the agent's.
            verify(findChild(pane, "ringtoneFileField").enabled)
            verify(!findChild(pane, "pinned_audio_ringtone").visible)
            mouseClick(auto)
            verify(ConsoleSettings.recordingAuto.value)
            compare(SimDriver.settingValue("recording/auto"), undefined)
        }

        // The pointer resting on a locked control shows why (the window's DisabledReasonTip).
        function test_pinnedControlShowsWhyOnHover() {
            const pane = createTemporaryObject(audioPaneComponent, root)
            const tip = createTemporaryObject(tipComponent, root, { scopes: [pane] })
            const format = findChild(pane, "recordingFormat")
            mouseMove(format, format.width / 2, format.height / 2)
            compare(tip.text, "") // free: nothing to explain
            SimDriver.setAdminSettings({ "recording/format": "opus" })
            mouseMove(format, format.width / 2 + 1, format.height / 2)
            tryCompare(tip, "text", "Set by your administrator")
            tryCompare(findChild(tip, "disabledReasonToolTip"), "visible", true)
        }

        function test_pinnedShortcutIsLocked() {
            const page = makePage()
            const editor = findChild(page, "shortcutEditor")
            verify(findChild(editor, "change_hold").enabled)
            SimDriver.setAdminSettings({ "shortcuts/hold": "F9" })
            compare(findChild(editor, "shortcut_hold").text, "F9")
            verify(!findChild(editor, "change_hold").enabled)
            compare(findChild(editor, "change_hold").Accessible.description, "Set by your administrator")
            verify(!findChild(editor, "reset_hold").actionable)
            compare(findChild(editor, "reset_hold").disabledReason, "Set by your administrator")
            verify(findChild(editor, "pinned_shortcuts_hold").visible)
            // Others stay free, and cannot take the pinned sequence either.
            verify(findChild(editor, "change_mute").enabled)
            verify(!editor.assign("hold", "Ctrl+Alt+H"))
            compare(ConsoleSettings.shortcuts.hold.value, "F9")
            verify(!editor.assign("mute", "F9"))
            compare(SimDriver.settingValue("shortcuts/hold"), undefined)
        }

        // A device picker whose role the administrator pins: locked on the pinned device, saying why; the
        // choice cannot be changed through the devices either. The other roles stay the agent's.
        function test_pinnedDevicePickerIsLocked_data() {
            return [
                { tag: "microphone", picker: "microphoneDevice", key: "audio/capture", role: AudioDevices.Capture,
                  free: "earpieceDevice" },
                { tag: "earpiece", picker: "earpieceDevice", key: "audio/playback", role: AudioDevices.Playback,
                  free: "ringerDevice" },
                { tag: "ringer", picker: "ringerDevice", key: "audio/ringer", role: AudioDevices.Ringer,
                  free: "microphoneDevice" },
            ]
        }
        function test_pinnedDevicePickerIsLocked(data) {
            const pane = createTemporaryObject(audioPaneComponent, root)
            const combo = findChild(pane, data.picker + "Combo")
            const note = findChild(pane, "pinned_" + data.key.replace(/\//g, "_") + "_id")
            verify(combo.enabled)
            verify(!note.visible)
            compare(combo.Accessible.description, "")
            const pins = {}
            pins[data.key + "/id"] = "desk-headset-id"
            pins[data.key + "/description"] = "Desk headset"
            SimDriver.setAdminSettings(pins)
            tryCompare(combo, "enabled", false)
            compare(combo.displayText, "Desk headset (not connected)")
            compare(combo.disabledReason, "Set by your administrator")
            compare(combo.Accessible.description, "Set by your administrator")
            verify(note.visible)
            verify(findChild(pane, data.free + "Combo").enabled)
            // Through the devices: refused, the pinned choice stays.
            verify(!CallAudioRouter.devices.chooseDevice(data.role, ""))
            compare(CallAudioRouter.devices.chosenDeviceId(data.role), "desk-headset-id")
            SimDriver.setAdminSettings({})
            tryCompare(combo, "enabled", true)
            verify(!note.visible)
            compare(combo.currentIndex, 0) // the system default again
        }

        // The theme starts from the schema's default and follows the setting, with no window binding it.
        function test_themeFollowsTheSchema() {
            compare(Theme.override, ConsoleSettings.theme.defaultValue)
            SimDriver.setSettingValue("appearance/theme", "dark")
            compare(Theme.override, "dark")
            verify(Theme.dark)
            SimDriver.setAdminSettings({ "appearance/theme": "light" })
            compare(Theme.override, "light")
            verify(!Theme.dark)
            SimDriver.reset()
            compare(Theme.override, ConsoleSettings.theme.defaultValue)
        }

        // The state bar's shortcuts are the settings' (no sequence spelled in QML).
        function test_shortcutsComeFromTheSettings() {
            const bar = createTemporaryObject(stateBarComponent, root)
            compare(bar.shortcuts.ready, ConsoleSettings.shortcuts.ready.defaultValue)
            compare(bar.shortcuts.stateMenu, ConsoleSettings.shortcuts.stateMenu.value)
            SimDriver.setAdminSettings({ "shortcuts/ready": "F8" })
            compare(bar.shortcuts.ready, "F8")
            SimDriver.setSettingValue("shortcuts/stateMenu", "Ctrl+Alt+N")
            compare(bar.shortcuts.stateMenu, "Ctrl+Alt+N")
        }
    }
}
