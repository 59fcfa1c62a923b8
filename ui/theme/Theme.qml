pragma Singleton
import QtQuick

// Colours and sizes for the console. "system" follows the desktop: Qt 6.4 has no colour-scheme
// hint (QStyleHints::colorScheme is 6.5+), so dark is derived from the window colour's lightness.
QtObject {
    id: theme

    // "system", "light" or "dark"; the console stores the choice in its settings.
    property string override: "system"

    readonly property SystemPalette system: SystemPalette { colorGroup: SystemPalette.Active }
    readonly property bool systemDark: system.window.hslLightness < 0.5
    readonly property bool dark: override === "dark" || (override === "system" && systemDark)

    readonly property color window: dark ? "#1e2126" : "#f4f5f7"
    readonly property color surface: dark ? "#272b31" : "#ffffff"
    readonly property color surfaceAlt: dark ? "#2f343b" : "#eef0f3"
    readonly property color text: dark ? "#e8eaed" : "#1d2126"
    readonly property color mutedText: dark ? "#a3aab4" : "#5a6270"
    readonly property color border: dark ? "#3d434b" : "#d5d9df"
    readonly property color accent: dark ? "#5aa9ff" : "#0b62c4"
    readonly property color accentText: "#ffffff"
    readonly property color alert: dark ? "#f2b13c" : "#b86e00"
    readonly property color alertSurface: dark ? "#43361d" : "#fff3dc"
    readonly property color danger: dark ? "#ff6b6b" : "#c62828"
    readonly property color success: dark ? "#5fd38d" : "#1f7a44"
    readonly property color selection: dark ? "#24405f" : "#dcebfd"

    // Our SVG icons (resources/icons), compiled into the UI module.
    function icon(name) { return "qrc:/hookline/icons/" + name + ".svg" }

    readonly property int spacing: 8
    readonly property int radius: 6
    readonly property int fontSmall: 11
    readonly property int fontNormal: 13
    readonly property int fontLarge: 17
    readonly property int fontHuge: 22
}
