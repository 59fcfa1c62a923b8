import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Hookline.Ui

// Keyboard shortcuts: every action's key sequence. "Change" captures the next key combination
// (Escape cancels); a sequence another action already has is refused with a message; "Reset"
// restores the default. Sequences go to `settings` (ConsoleSettings.shortcuts: one Setting per action)
// and apply at once: the console's Shortcut objects bind to them. A shortcut the administrator pinned
// cannot be changed or reset, and says so.
ColumnLayout {
    id: editor
    objectName: "shortcutEditor"

    property var settings: ({}) // action key → Setting
    property var actions: [] // [{ key, label }]
    // The action whose new sequence is being captured, "" when none.
    property string capturing: ""
    // What the last step did: { kind, key, sequence, owner }; the text is made in a binding, so it
    // follows a language change like every other string.
    property var note: null
    readonly property bool messageIsError: note !== null && (note.kind === "unusable" || note.kind === "taken")
    readonly property string message: {
        if (!note)
            return ""
        const label = labelOf(note.key)
        const shown = KeySequences.nativeText(note.sequence)
        switch (note.kind) {
        case "capturing": return qsTr("Press the new shortcut for “%1”, or Escape to keep %2.").arg(label).arg(shown)
        case "unchanged": return qsTr("Unchanged: %1 stays %2.").arg(label).arg(shown)
        case "unusable": return qsTr("%1 cannot be a shortcut: use Ctrl, Alt or Meta with a key, or a function key.").arg(shown)
        case "taken": return qsTr("%1 is already the shortcut for “%2”; choose another or change that one first.").arg(shown).arg(labelOf(note.owner))
        default: return qsTr("%1: %2").arg(label).arg(shown)
        }
    }

    spacing: Theme.spacing / 2

    function sequenceOf(key) { return settings[key] ? settings[key].value : "" }
    function defaultOf(key) { return settings[key] ? settings[key].defaultValue : "" }
    function pinned(key) { return settings[key] ? settings[key].pinned : false }
    function labelOf(key) {
        for (const action of actions)
            if (action.key === key)
                return action.label
        return key
    }
    // The action (other than `except`) that already has this sequence, or "".
    function ownerOf(sequence, except) {
        const wanted = KeySequences.normalized(sequence)
        for (const action of actions)
            if (action.key !== except && KeySequences.normalized(sequenceOf(action.key)) === wanted)
                return action.key
        return ""
    }
    function startCapture(key) {
        capturing = key
        note = { kind: "capturing", key: key, sequence: sequenceOf(key) }
        capture.forceActiveFocus()
    }
    function cancelCapture() {
        if (!capturing.length)
            return
        note = { kind: "unchanged", key: capturing, sequence: sequenceOf(capturing) }
        capturing = ""
    }
    // Stores `sequence` for `key` unless it is unusable or taken; says what happened either way.
    function assign(key, sequence) {
        if (!KeySequences.isUsableShortcut(sequence)) {
            note = { kind: "unusable", key: key, sequence: sequence }
            return false
        }
        const owner = ownerOf(sequence, key)
        if (owner.length) {
            note = { kind: "taken", key: key, sequence: sequence, owner: owner }
            return false
        }
        if (!settings[key] || !settings[key].change(KeySequences.normalized(sequence)))
            return false // pinned: the row's buttons are disabled and say so
        note = { kind: "assigned", key: key, sequence: sequence }
        return true
    }
    function reset(key) {
        capturing = ""
        return assign(key, defaultOf(key))
    }

    PinnedNote { id: pinnedText; visible: false } // the reason a pinned row's buttons give

    Repeater {
        model: editor.actions
        delegate: RowLayout {
            id: row
            required property var modelData
            readonly property string key: modelData.key
            Layout.fillWidth: true
            spacing: Theme.spacing
            Label {
                Layout.fillWidth: true
                text: row.modelData.label
                color: Theme.text
                elide: Text.ElideRight
            }
            Label {
                objectName: "shortcut_" + row.key
                Layout.preferredWidth: 200
                text: editor.capturing === row.key ? qsTr("Press keys…") : KeySequences.nativeText(editor.sequenceOf(row.key))
                color: editor.capturing === row.key ? Theme.accent : Theme.text
                font.family: "monospace"
                Accessible.role: Accessible.StaticText
                Accessible.name: qsTr("Shortcut for %1: %2").arg(row.modelData.label).arg(text)
            }
            PinnedNote { setting: editor.settings[row.key] || null }
            Button {
                objectName: "change_" + row.key
                enabled: !editor.pinned(row.key)
                property string disabledReason: editor.pinned(row.key) ? pinnedText.text : ""
                Accessible.description: disabledReason
                text: editor.capturing === row.key ? qsTr("Cancel") : qsTr("Change")
                Accessible.name: editor.capturing === row.key ? qsTr("Cancel changing the shortcut")
                                                              : qsTr("Change the shortcut for %1").arg(row.modelData.label)
                onClicked: editor.capturing === row.key ? editor.cancelCapture() : editor.startCapture(row.key)
            }
            IconButton {
                objectName: "reset_" + row.key
                text: qsTr("Reset")
                available: !editor.pinned(row.key)
                           && KeySequences.normalized(editor.sequenceOf(row.key)) !== KeySequences.normalized(editor.defaultOf(row.key))
                disabledReason: editor.pinned(row.key) ? pinnedText.text : qsTr("This is the default shortcut.")
                Accessible.name: qsTr("Reset the shortcut for %1 to %2").arg(row.modelData.label).arg(KeySequences.nativeText(editor.defaultOf(row.key)))
                onTriggered: editor.reset(row.key)
            }
        }
    }

    Label {
        objectName: "shortcutMessage"
        Layout.fillWidth: true
        visible: text.length > 0
        text: editor.message
        color: editor.messageIsError ? Theme.danger : Theme.mutedText
        wrapMode: Text.WordWrap
        Accessible.role: editor.messageIsError ? Accessible.AlertMessage : Accessible.StaticText
        Accessible.name: text
    }

    // Takes the keys while capturing: it accepts the shortcut override, so the console's own
    // shortcuts do not fire for the combination being recorded.
    Item {
        id: capture
        objectName: "shortcutCapture"
        implicitWidth: 0
        implicitHeight: 0
        Accessible.role: Accessible.EditableText
        Accessible.name: qsTr("Shortcut capture")
        Keys.onShortcutOverride: function(event) { event.accepted = editor.capturing.length > 0 }
        Keys.onPressed: function(event) {
            if (!editor.capturing.length)
                return
            event.accepted = true
            if (event.key === Qt.Key_Escape && !(event.modifiers & (Qt.ControlModifier | Qt.AltModifier | Qt.MetaModifier))) {
                editor.cancelCapture()
                return
            }
            const sequence = KeySequences.fromKeyEvent(event.key, event.modifiers)
            if (!sequence.length)
                return // a modifier on its own: wait for the key
            const key = editor.capturing
            if (editor.assign(key, sequence))
                editor.capturing = ""
        }
        onActiveFocusChanged: if (!activeFocus) editor.cancelCapture()
    }
}
