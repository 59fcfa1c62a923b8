import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Hookline.Engine
import Hookline.Ui

// Shortcuts, headsets, audio, theme and wrap-up time. Changes are stored in the user's settings (QSettings) at once.
Pane {
    id: page
    objectName: "settingsPage"
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
        { key: "mute", label: qsTr("Mute or unmute the microphone") }
    ]

    ScrollView {
        id: scroll
        anchors.fill: parent
        contentWidth: availableWidth

        ColumnLayout {
            width: Math.min(scroll.availableWidth, 820)
            spacing: Theme.spacing
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
                ComboBox {
                    objectName: "themeChoice"
                    Layout.preferredWidth: Math.max(implicitWidth, 220)
                    readonly property var codes: ["system", "light", "dark"]
                    model: [qsTr("Follow the system"), qsTr("Light"), qsTr("Dark")]
                    currentIndex: Math.max(0, codes.indexOf(Theme.override))
                    Accessible.name: qsTr("Theme")
                    onActivated: function(i) {
                        Theme.override = codes[i]
                        if (page.appearanceSettings)
                            page.appearanceSettings.theme = codes[i]
                    }
                }
            }
            Label { text: qsTr("Wrap-up"); font.bold: true; font.pixelSize: Theme.fontLarge; color: Theme.text }
            RowLayout {
                Label { text: qsTr("Wrap-up time after a call (seconds, 0 = until finished)"); color: Theme.text }
                SpinBox {
                    from: 0; to: 3600; stepSize: 15; editable: true
                    value: AgentState.wrapUpSeconds
                    Accessible.name: qsTr("Wrap-up time in seconds")
                    Accessible.onIncreaseAction: if (enabled) { increase(); valueModified() }
                    Accessible.onDecreaseAction: if (enabled) { decrease(); valueModified() }
                    onValueModified: {
                        AgentState.wrapUpSeconds = value
                        if (page.appearanceSettings)
                            page.appearanceSettings.wrapUpSeconds = value
                    }
                }
            }
            Label {
                text: qsTr("The language follows the system; start with --lang zh_TW or --lang en to choose another.")
                color: Theme.mutedText; wrapMode: Text.WordWrap; Layout.fillWidth: true
            }
        }
    }
}
