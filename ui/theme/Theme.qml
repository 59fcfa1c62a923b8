pragma Singleton
import QtQuick
import Hookline.Engine

// Colours and sizes for the console. "system" follows the desktop: Qt 6.4 has no colour-scheme
// hint (QStyleHints::colorScheme is 6.5+), so dark is derived from the window colour's lightness.
QtObject {
    id: theme

    // "system", "light" or "dark": the setting appearance/theme (its default is the schema's); a test may
    // set it for one window.
    property string override: ConsoleSettings.theme.value

    readonly property SystemPalette system: SystemPalette { colorGroup: SystemPalette.Active }
    readonly property bool systemDark: system.window.hslLightness < 0.5
    readonly property bool dark: override === "dark" || (override === "system" && systemDark)

    readonly property color window: dark ? "#1e2126" : "#f4f5f7"
    readonly property color surface: dark ? "#272b31" : "#ffffff"
    readonly property color surfaceAlt: dark ? "#2f343b" : "#eef0f3"
    readonly property color text: dark ? "#e8eaed" : "#1d2126"
    readonly property color mutedText: dark ? "#a3aab4" : "#5a6270"
    readonly property color border: dark ? "#3d434b" : "#d5d9df"
    // Edges of fields, check boxes and other controls the agent types in or toggles: at least 3:1
    // against the surface in both themes, so they do not fade like the panel borders.
    readonly property color fieldBorder: dark ? "#8a939e" : "#7b8491"
    // Fusion draws a field's or check box's edge as palette.window.darker(140): a control given this
    // as its palette.window gets fieldBorder as its edge (1.4 x fieldBorder's value).
    readonly property color outlineBase: dark ? "#c1cedd" : "#acb9cb"
    // Disabled controls: dimmed as a whole (the style alone draws them almost like enabled ones) and
    // their text in a colour that stays readable for the reason they give.
    readonly property real disabledOpacity: 0.45
    readonly property color disabledText: dark ? "#8b929c" : "#8a919b"
    readonly property color disabledSurface: dark ? "#23272c" : "#e7e9ed"
    // The keyboard focus ring drawn around the focused control.
    readonly property color focusRing: dark ? "#8cc4ff" : "#0b62c4"
    readonly property int focusRingWidth: 2
    readonly property color accent: dark ? "#5aa9ff" : "#0b62c4"
    readonly property color accentText: "#ffffff"
    // A filled action button (Answer): white text and icon at 4.5:1 or more in both themes.
    readonly property color action: dark ? "#1f68c7" : "#0b62c4"
    readonly property color actionText: "#ffffff"
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
