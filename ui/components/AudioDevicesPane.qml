import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Hookline.Engine
import Hookline.Ui

// The audio settings: the device for each role, the ringtone, music on hold and recording. A device
// choice is applied at once (a call in progress moves to it). The files and recording settings are
// ConsoleSettings' (the ones the router and the ringtone read): the ringtone is re-read at once, the others
// are read when next used (music on hold at the next hold, recording settings at the next recording or
// call). A setting the administrator pinned is shown locked, with the reason.
ColumnLayout {
    id: pane
    objectName: "audioDevicesPane"
    spacing: Theme.spacing / 2

    // The reason every locked control gives (its tool tip and accessible description).
    PinnedNote { id: pinnedText; visible: false }

    readonly property AudioDevices devices: CallAudioRouter.devices
    // Bumped when the device lists or a role's device change, so the pickers re-read their choices.
    property int revision: 0
    Connections {
        target: pane.devices
        function onDevicesChanged() { ++pane.revision }
        function onDeviceChanged() { ++pane.revision }
        function onChoiceChanged() { ++pane.revision }
        function onTextsChanged() { ++pane.revision }
    }

    // A role's device: "System default" or one of the present devices; why the role falls back, if it does.
    // Locked, saying why, when the administrator pins the role's device.
    component RolePicker: ColumnLayout {
        id: picker
        property string label
        property int role
        property AudioDevices devices
        property int revision
        property string lockedReason // inline components do not see the pane's ids
        readonly property Setting setting: devices ? devices.setting(role) : null
        readonly property bool pinned: setting !== null && setting.pinned
        Layout.fillWidth: true
        spacing: 2
        RowLayout {
            Layout.fillWidth: true
            Label { text: picker.label; color: Theme.text; Layout.preferredWidth: 140 }
            ComboBox {
                id: combo
                objectName: picker.objectName + "Combo"
                Layout.fillWidth: true
                textRole: "name"
                valueRole: "id"
                model: picker.devices && picker.revision >= 0 ? picker.devices.choices(picker.role) : []
                enabled: !picker.pinned
                property string disabledReason: picker.pinned ? picker.lockedReason : ""
                Accessible.name: picker.label
                Accessible.description: disabledReason
                function sync() {
                    currentIndex = picker.devices ? Math.max(0, indexOfValue(picker.devices.chosenDeviceId(picker.role))) : -1
                }
                onModelChanged: sync()
                Component.onCompleted: sync()
                onActivated: {
                    // A remembered device that is not connected cannot be chosen again: show the choice as it is.
                    if (!picker.devices.chooseDevice(picker.role, currentValue))
                        sync()
                }
            }
            PinnedNote { setting: picker.setting }
        }
        PlainLabel {
            objectName: picker.objectName + "Fallback"
            Layout.fillWidth: true
            Layout.leftMargin: 140
            text: picker.devices && picker.revision >= 0 ? picker.devices.fallbackReason(picker.role) : ""
            visible: text.length > 0
            color: Theme.danger
            wrapMode: Text.Wrap
            elide: Text.ElideNone
            maximumLineCount: 3
            Accessible.role: Accessible.AlertMessage
        }
    }

    RolePicker {
        objectName: "microphoneDevice"
        lockedReason: pinnedText.text
        label: qsTr("Microphone")
        role: AudioDevices.Capture
        devices: pane.devices
        revision: pane.revision
    }
    RolePicker {
        objectName: "earpieceDevice"
        lockedReason: pinnedText.text
        label: qsTr("Earpiece")
        role: AudioDevices.Playback
        devices: pane.devices
        revision: pane.revision
    }
    RolePicker {
        objectName: "ringerDevice"
        lockedReason: pinnedText.text
        label: qsTr("Ringer")
        role: AudioDevices.Ringer
        devices: pane.devices
        revision: pane.revision
    }

    // A file or folder setting: a path typed in (stored when editing ends: Enter or leaving the field)
    // or chosen with Browse.
    component FileSetting: RowLayout {
        id: fileRow
        property string label
        property Setting setting
        property string placeholder
        property bool folder: false
        property var nameFilters: []
        property string lockedReason // inline components do not see the pane's ids
        Layout.fillWidth: true
        Label { text: fileRow.label; color: Theme.text; Layout.preferredWidth: 140 }
        TextField {
            palette.window: Theme.outlineBase // a visible edge (Theme.fieldBorder)
            id: field
            objectName: fileRow.objectName + "Field"
            Layout.fillWidth: true
            text: fileRow.setting.value
            placeholderText: fileRow.placeholder
            enabled: !fileRow.setting.pinned
            property string disabledReason: fileRow.setting.pinned ? fileRow.lockedReason : ""
            Accessible.name: fileRow.label
            Accessible.description: disabledReason
            onEditingFinished: {
                const path = text.trim()
                if (path !== fileRow.setting.value)
                    fileRow.setting.value = path
            }
        }
        BrowseButton {
            objectName: fileRow.objectName + "Browse"
            path: field.text.trim()
            enabled: !fileRow.setting.pinned
            property string disabledReason: fileRow.setting.pinned ? fileRow.lockedReason : ""
            Accessible.description: disabledReason
            folder: fileRow.folder
            nameFilters: fileRow.nameFilters
            title: fileRow.label
            Accessible.name: qsTr("Browse for %1").arg(fileRow.label)
            onChosen: function(path) {
                field.text = path
                field.editingFinished()
            }
        }
        IconButton {
            objectName: fileRow.objectName + "Clear"
            text: qsTr("Clear")
            available: !fileRow.setting.pinned && field.text.length > 0
            disabledReason: fileRow.setting.pinned ? fileRow.lockedReason : qsTr("Already empty.")
            Accessible.name: qsTr("Clear %1").arg(fileRow.label)
            onTriggered: {
                field.text = ""
                field.editingFinished()
            }
        }
        PinnedNote { setting: fileRow.setting }
    }

    FileSetting {
        objectName: "ringtoneFile"
        label: qsTr("Ringtone file")
        setting: ConsoleSettings.ringtone
        lockedReason: pinnedText.text
        placeholder: qsTr("The built-in ringtone")
        nameFilters: [qsTr("Sound files (*.wav *.flac *.ogg *.opus *.mp3)"), qsTr("All files (*)")]
    }
    PlainLabel {
        objectName: "ringtoneInUse"
        Layout.fillWidth: true
        color: Theme.mutedText
        text: RingtonePlayer.toneName.startsWith(":/") ? qsTr("Ringing with the built-in ringtone.")
                                                      : qsTr("Ringing with %1.").arg(RingtonePlayer.toneName)
        Accessible.name: text
    }
    PlainLabel {
        objectName: "ringtoneError"
        Layout.fillWidth: true
        visible: RingtonePlayer.toneError.length > 0
        text: RingtonePlayer.toneError
        color: Theme.danger
        wrapMode: Text.Wrap
        elide: Text.ElideNone
        maximumLineCount: 3
        Accessible.role: Accessible.AlertMessage
        Accessible.name: text
    }
    FileSetting {
        objectName: "musicOnHoldFile"
        label: qsTr("Music on hold")
        setting: ConsoleSettings.musicOnHold
        lockedReason: pinnedText.text
        nameFilters: [qsTr("Sound files (*.wav *.flac *.ogg *.opus *.mp3)"), qsTr("All files (*)")]
        placeholder: qsTr("None: a held caller hears silence")
    }

    RowLayout {
        CheckBox {
            palette.window: Theme.outlineBase // a visible edge (Theme.fieldBorder)
            objectName: "autoRecord"
            text: qsTr("Record every call automatically")
            checked: ConsoleSettings.recordingAuto.value
            enabled: !ConsoleSettings.recordingAuto.pinned
            property string disabledReason: ConsoleSettings.recordingAuto.pinned ? pinnedText.text : ""
            Accessible.name: text
            Accessible.description: disabledReason
            onToggled: ConsoleSettings.recordingAuto.value = checked
        }
        PinnedNote { setting: ConsoleSettings.recordingAuto }
    }
    FileSetting {
        objectName: "recordingFolder"
        label: qsTr("Recordings folder")
        setting: ConsoleSettings.recordingFolder
        lockedReason: pinnedText.text
        folder: true
        placeholder: qsTr("The default folder")
    }
    RowLayout {
        Label { text: qsTr("Recording format"); color: Theme.text; Layout.preferredWidth: 140 }
        ChoiceBox { // keeps its choice when the language changes
            objectName: "recordingFormat"
            codes: ConsoleSettings.recordingFormat.allowed
            code: ConsoleSettings.recordingFormat.value
            nameOf: function(value) { return { wav: qsTr("WAV"), flac: qsTr("FLAC"), opus: qsTr("Ogg Opus") }[value] }
            Layout.preferredWidth: Math.max(implicitWidth, 220)
            enabled: !ConsoleSettings.recordingFormat.pinned
            property string disabledReason: ConsoleSettings.recordingFormat.pinned ? pinnedText.text : ""
            Accessible.name: qsTr("Recording format")
            Accessible.description: disabledReason
            onChosen: function(value) { ConsoleSettings.recordingFormat.value = value }
        }
        PinnedNote { setting: ConsoleSettings.recordingFormat }
    }
    RowLayout {
        Label { text: qsTr("Recording channels"); color: Theme.text; Layout.preferredWidth: 140 }
        ChoiceBox { // keeps its choice when the language changes
            objectName: "recordingLayout"
            codes: ConsoleSettings.recordingLayout.allowed
            code: ConsoleSettings.recordingLayout.value
            nameOf: function(value) { return { stereo: qsTr("Stereo: caller left, agent right"), mono: qsTr("Mono: both mixed") }[value] }
            Layout.preferredWidth: Math.max(implicitWidth, 220)
            enabled: !ConsoleSettings.recordingLayout.pinned
            property string disabledReason: ConsoleSettings.recordingLayout.pinned ? pinnedText.text : ""
            Accessible.name: qsTr("Recording channels")
            Accessible.description: disabledReason
            onChosen: function(value) { ConsoleSettings.recordingLayout.value = value }
        }
        PinnedNote { setting: ConsoleSettings.recordingLayout }
    }
    Label {
        text: qsTr("Music on hold takes effect at the next hold; recording settings at the next recording.")
        color: Theme.mutedText
        wrapMode: Text.WordWrap
        Layout.fillWidth: true
    }
}
