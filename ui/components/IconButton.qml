import QtQuick
import QtQuick.Controls
import Hookline.Ui

// A button with one of our icons (resources/icons) tinted with the theme's text colour, so it reads
// on the light and the dark theme; the text stays, for sight and for screen readers.
Button {
    property string iconName: ""
    icon.source: iconName.length ? Theme.icon(iconName) : ""
    icon.color: enabled ? palette.buttonText : Theme.mutedText
    display: AbstractButton.TextBesideIcon
    // Qt 6.4 maps AT-SPI Press to nothing on Quick Controls buttons: the click's own handler runs.
    Accessible.onPressAction: if (enabled) clicked()
}
