import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Hookline.Engine
import Hookline.Ui

// Lines (read only: their state and why one is out of service), shortcuts, headsets, audio, theme, wrap-up time
// and language. Changes are stored in the user's settings (QSettings) at once.
Pane {
    id: page
    objectName: "settingsPage"
    Accessible.name: qsTr("Settings")
    property var shortcutSettings: null
    property var appearanceSettings: null
    property var defaultShortcuts: ({})
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

    ScrollView {
        id: scroll
        anchors.fill: parent
        contentWidth: availableWidth
        ScrollBar.horizontal.policy: ScrollBar.AlwaysOff // the page follows the width: nothing to scroll sideways
        Accessible.ignored: true // the page is the named container; its scroll bar is named after it

        ColumnLayout {
            width: Math.min(scroll.availableWidth, 820)
            spacing: Theme.spacing
            Label { text: qsTr("Lines"); font.bold: true; font.pixelSize: Theme.fontLarge; color: Theme.text }
            LinesPane {
                Layout.fillWidth: true
            }

            Label { text: qsTr("Keyboard shortcuts"); font.bold: true; font.pixelSize: Theme.fontLarge; color: Theme.text }
            ShortcutEditor {
                id: shortcutEditor
                Layout.fillWidth: true
                store: page.shortcutSettings
                defaults: page.defaultShortcuts
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
                    Layout.preferredWidth: Math.max(implicitWidth, 220)
                    codes: ["system", "light", "dark"]
                    code: Theme.override
                    nameOf: function(value) {
                        return value === "light" ? qsTr("Light") : value === "dark" ? qsTr("Dark") : qsTr("Follow the system")
                    }
                    Accessible.name: qsTr("Theme")
                    onChosen: function(value) {
                        Theme.override = value
                        if (page.appearanceSettings)
                            page.appearanceSettings.theme = value
                    }
                }
            }
            Label { text: qsTr("Wrap-up"); font.bold: true; font.pixelSize: Theme.fontLarge; color: Theme.text }
            RowLayout {
                Label { text: qsTr("Wrap-up time after a call (seconds, 0 = until finished)"); color: Theme.text }
                SpinBox {
                    palette.window: Theme.outlineBase // a visible edge (Theme.fieldBorder)
                    from: 0; to: 3600; stepSize: 15; editable: true
                    value: AgentState.wrapUpSeconds
                    Accessible.name: qsTr("Wrap-up time in seconds")
                    onValueModified: {
                        AgentState.wrapUpSeconds = value
                        if (page.appearanceSettings)
                            page.appearanceSettings.wrapUpSeconds = value
                    }
                }
            }
            Label { text: qsTr("Language"); font.bold: true; font.pixelSize: Theme.fontLarge; color: Theme.text }
            RowLayout {
                Label { text: qsTr("User interface language"); color: Theme.text }
                ChoiceBox {
                    objectName: "languageChoice"
                    Layout.preferredWidth: Math.max(implicitWidth, 220)
                    // "" follows the system; each language is named in itself, so it is found whatever is shown.
                    codes: ["", "en", "zh_TW"]
                    code: UiLanguage.choice
                    nameOf: function(value) {
                        return value === "en" ? "English" : value === "zh_TW" ? "繁體中文" : qsTr("Follow the system")
                    }
                    Accessible.name: qsTr("User interface language")
                    onChosen: function(value) { UiLanguage.choice = value } // stored and applied at once
                }
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
