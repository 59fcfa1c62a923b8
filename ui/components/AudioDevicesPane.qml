import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Qt.labs.settings
import Hookline.Engine
import Hookline.Ui

// The audio settings: the device for each role, the ringtone, music on hold and recording. A device
// choice is applied at once (a call in progress moves to it). The files and recording settings go to the
// same store the router and the ringtone read: the ringtone is re-read at once, the others are read when
// next used (music on hold at the next hold, recording settings at the next recording or call).
ColumnLayout {
    id: pane
    objectName: "audioDevicesPane"
    spacing: Theme.spacing / 2

    function flag(value) { return value === true || value === "true" }

    Settings { id: settingsStore }

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
    component RolePicker: ColumnLayout {
        id: picker
        property string label
        property int role
        property AudioDevices devices
        property int revision
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
                Accessible.name: picker.label
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
        label: qsTr("Microphone")
        role: AudioDevices.Capture
        devices: pane.devices
        revision: pane.revision
    }
    RolePicker {
        objectName: "earpieceDevice"
        label: qsTr("Earpiece")
        role: AudioDevices.Playback
        devices: pane.devices
        revision: pane.revision
    }
    RolePicker {
        objectName: "ringerDevice"
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
        property string settingsKey
        property string placeholder
        property bool folder: false
        property var nameFilters: []
        property var store // inline components do not see the pane's ids
        signal stored(string path)
        Layout.fillWidth: true
        Label { text: fileRow.label; color: Theme.text; Layout.preferredWidth: 140 }
        TextField {
            palette.window: Theme.outlineBase // a visible edge (Theme.fieldBorder)
            id: field
            objectName: fileRow.objectName + "Field"
            Layout.fillWidth: true
            text: fileRow.store.value(fileRow.settingsKey, "")
            placeholderText: fileRow.placeholder
            Accessible.name: fileRow.label
            onEditingFinished: {
                const path = text.trim()
                if (path === String(fileRow.store.value(fileRow.settingsKey, "")))
                    return
                fileRow.store.setValue(fileRow.settingsKey, path)
                fileRow.stored(path)
            }
        }
        BrowseButton {
            objectName: fileRow.objectName + "Browse"
            path: field.text.trim()
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
            available: field.text.length > 0
            disabledReason: qsTr("Already empty.")
            Accessible.name: qsTr("Clear %1").arg(fileRow.label)
            onTriggered: {
                field.text = ""
                field.editingFinished()
            }
        }
    }

    FileSetting {
        store: settingsStore
        objectName: "ringtoneFile"
        label: qsTr("Ringtone file")
        settingsKey: "audio/ringtone"
        placeholder: qsTr("The built-in ringtone")
        nameFilters: [qsTr("Sound files (*.wav *.flac *.ogg *.opus *.mp3)"), qsTr("All files (*)")]
        onStored: RingtonePlayer.reloadTone()
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
        store: settingsStore
        objectName: "musicOnHoldFile"
        label: qsTr("Music on hold")
        settingsKey: "audio/musicOnHold"
        nameFilters: [qsTr("Sound files (*.wav *.flac *.ogg *.opus *.mp3)"), qsTr("All files (*)")]
        placeholder: qsTr("None: a held caller hears silence")
    }

    CheckBox {
        palette.window: Theme.outlineBase // a visible edge (Theme.fieldBorder)
        objectName: "autoRecord"
        text: qsTr("Record every call automatically")
        checked: pane.flag(settingsStore.value("recording/auto", false))
        Accessible.name: text
        onToggled: settingsStore.setValue("recording/auto", checked)
    }
    FileSetting {
        store: settingsStore
        objectName: "recordingFolder"
        label: qsTr("Recordings folder")
        settingsKey: "recording/folder"
        folder: true
        placeholder: qsTr("The default folder")
    }
    RowLayout {
        Label { text: qsTr("Recording format"); color: Theme.text; Layout.preferredWidth: 140 }
        ChoiceBox { // keeps its choice when the language changes
            objectName: "recordingFormat"
            codes: ["wav", "flac", "opus"]
            code: String(settingsStore.value("recording/format", "wav")).toLowerCase()
            nameOf: function(value) { return value === "flac" ? qsTr("FLAC") : value === "opus" ? qsTr("Ogg Opus") : qsTr("WAV") }
            Layout.preferredWidth: Math.max(implicitWidth, 220)
            Accessible.name: qsTr("Recording format")
            onChosen: function(value) { settingsStore.setValue("recording/format", value) }
        }
    }
    RowLayout {
        Label { text: qsTr("Recording channels"); color: Theme.text; Layout.preferredWidth: 140 }
        ChoiceBox { // keeps its choice when the language changes
            objectName: "recordingLayout"
            codes: ["stereo", "mono"]
            code: String(settingsStore.value("recording/layout", "stereo"))
            nameOf: function(value) { return value === "mono" ? qsTr("Mono: both mixed") : qsTr("Stereo: caller left, agent right") }
            Layout.preferredWidth: Math.max(implicitWidth, 220)
            Accessible.name: qsTr("Recording channels")
            onChosen: function(value) { settingsStore.setValue("recording/layout", value) }
        }
    }
    Label {
        text: qsTr("Music on hold takes effect at the next hold; recording settings at the next recording.")
        color: Theme.mutedText
        wrapMode: Text.WordWrap
        Layout.fillWidth: true
    }
}
