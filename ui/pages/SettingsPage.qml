import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Hookline.Engine
import Hookline.Ui

// Lines (their state and why one is out of service) and the SIP accounts (added, edited, removed), shortcuts, headsets, audio, theme, wrap-up time
// and language. Changes are stored in the user's settings at once (ConsoleSettings); a setting the
// administrator's file pins is shown locked, with the reason.
Pane {
    id: page
    objectName: "settingsPage"
    Accessible.name: qsTr("Settings")
    property PhoneBinding phoneBinding: null
    background: Rectangle { color: Theme.window }

    readonly property var actions: [
        { key: "answer", label: qsTr("Answer the incoming call") },
        { key: "reject", label: qsTr("Reject the incoming call") },
        { key: "drop", label: qsTr("Drop the selected call") },
        { key: "hold", label: qsTr("Hold or unhold the selected call") },
        { key: "mute", label: qsTr("Mute or unmute the microphone") },
        { key: "closeWrapUp", label: qsTr("Save the wrap-up and close the call") },
        { key: "ready", label: qsTr("Become ready") },
        { key: "stateMenu", label: qsTr("Change the agent state") }
    ]

    // The reason every locked control gives (its tool tip and accessible description).
    PinnedNote { id: pinnedNote; visible: false }

    ScrollView {
        id: scroll
        anchors.fill: parent
        contentWidth: availableWidth
        ScrollBar.horizontal.policy: ScrollBar.AlwaysOff // the page follows the width: nothing to scroll sideways
        Accessible.ignored: true // the page is the named container; its scroll bar is named after it

        ColumnLayout {
            width: Math.min(scroll.availableWidth, 820)
            spacing: Theme.spacing
            PlainLabel {
                objectName: "adminSettingsNote"
                Layout.fillWidth: true
                visible: ConsoleSettings.adminFile.length > 0
                text: qsTr("Settings marked “Set by your administrator” come from %1 and cannot be changed here.")
                      .arg(ConsoleSettings.adminFile)
                color: Theme.mutedText
                wrapMode: Text.Wrap
                elide: Text.ElideNone
                maximumLineCount: 3
                Accessible.name: text
            }
            Label { text: qsTr("Lines"); font.bold: true; font.pixelSize: Theme.fontLarge; color: Theme.text }
            LinesPane {
                Layout.fillWidth: true
            }
            Label { text: qsTr("SIP accounts"); font.bold: true; color: Theme.text }
            SipAccountsPane {
                Layout.fillWidth: true
            }

            Label { text: qsTr("Keyboard shortcuts"); font.bold: true; font.pixelSize: Theme.fontLarge; color: Theme.text }
            ShortcutEditor {
                id: shortcutEditor
                Layout.fillWidth: true
                settings: ConsoleSettings.shortcuts
                actions: page.actions
            }

            Label { text: qsTr("Headsets"); font.bold: true; font.pixelSize: Theme.fontLarge; color: Theme.text }
            HeadsetsPane {
                Layout.fillWidth: true
                binding: page.phoneBinding
            }

            Label { text: qsTr("Audio"); font.bold: true; font.pixelSize: Theme.fontLarge; color: Theme.text }
            AudioDevicesPane {
                Layout.fillWidth: true
            }

            Label { text: qsTr("Appearance"); font.bold: true; font.pixelSize: Theme.fontLarge; color: Theme.text }
            RowLayout {
                Label { text: qsTr("Theme"); color: Theme.text }
                ChoiceBox {
                    objectName: "themeChoice"
                    readonly property Setting setting: ConsoleSettings.theme
                    Layout.preferredWidth: Math.max(implicitWidth, 220)
                    codes: setting.allowed
                    code: setting.value
                    nameOf: function(value) {
                        return { system: qsTr("Follow the system"), light: qsTr("Light"), dark: qsTr("Dark") }[value]
                    }
                    enabled: !setting.pinned
                    property string disabledReason: setting.pinned ? pinnedNote.text : ""
                    Accessible.name: qsTr("Theme")
                    Accessible.description: disabledReason
                    onChosen: function(value) { setting.value = value } // Theme follows the setting
                }
                PinnedNote { setting: ConsoleSettings.theme }
            }
            Label { text: qsTr("Wrap-up"); font.bold: true; font.pixelSize: Theme.fontLarge; color: Theme.text }
            RowLayout {
                Label { text: qsTr("Wrap-up time after a call (seconds, 0 = until finished)"); color: Theme.text }
                SpinBox {
                    objectName: "wrapUpSeconds"
                    readonly property Setting setting: ConsoleSettings.wrapUpSeconds
                    palette.window: Theme.outlineBase // a visible edge (Theme.fieldBorder)
                    from: setting.minimum; to: setting.maximum; stepSize: 15; editable: true
                    value: AgentState.wrapUpSeconds
                    enabled: !setting.pinned
                    property string disabledReason: setting.pinned ? pinnedNote.text : ""
                    Accessible.name: qsTr("Wrap-up time in seconds")
                    Accessible.description: disabledReason
                    onValueModified: {
                        setting.value = value
                        AgentState.wrapUpSeconds = setting.value
                    }
                }
                PinnedNote { setting: ConsoleSettings.wrapUpSeconds }
            }
            Label { text: qsTr("Language"); font.bold: true; font.pixelSize: Theme.fontLarge; color: Theme.text }
            RowLayout {
                Label { text: qsTr("User interface language"); color: Theme.text }
                ChoiceBox {
                    objectName: "languageChoice"
                    Layout.preferredWidth: Math.max(implicitWidth, 220)
                    // "" follows the system; each language is named in itself, so it is found whatever is shown.
                    codes: ConsoleSettings.language.allowed
                    code: UiLanguage.choice
                    nameOf: function(value) {
                        return value === "en" ? "English" : value === "zh_TW" ? "繁體中文" : qsTr("Follow the system")
                    }
                    enabled: !ConsoleSettings.language.pinned
                    property string disabledReason: ConsoleSettings.language.pinned ? pinnedNote.text : ""
                    Accessible.name: qsTr("User interface language")
                    Accessible.description: disabledReason
                    onChosen: function(value) { UiLanguage.choice = value } // stored and applied at once
                }
                PinnedNote { setting: ConsoleSettings.language }
            }
            Label {
                objectName: "languageOverrideNote"
                visible: UiLanguage.commandLineOverride !== ""
                text: qsTr("This run started with --lang %1. A language chosen here applies at once and at every start.")
                      .arg(UiLanguage.commandLineOverride)
                color: Theme.mutedText; wrapMode: Text.WordWrap; Layout.fillWidth: true
            }
        }
    }
}
