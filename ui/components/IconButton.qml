import QtQuick
import QtQuick.Controls
import Hookline.Ui

// A button with one of our icons (resources/icons) tinted with the theme's text colour, so it reads
// on the light and the dark theme; the text stays, for sight and for screen readers.
// Disabled, it is dimmed (the style alone draws it almost like an enabled one) and says why: the
// reason is its accessible description, and the window's DisabledReasonTip shows it on hover (a
// disabled item gets no hover events of its own).
Button {
    id: control
    property string iconName: ""
    // Why the button is disabled, for the agent ("Hold is not available while the call is ringing").
    property string disabledReason: ""

    icon.source: iconName.length ? Theme.icon(iconName) : ""
    icon.color: enabled ? palette.buttonText : Theme.disabledText
    display: AbstractButton.TextBesideIcon
    opacity: enabled ? 1 : Theme.disabledOpacity

    Accessible.description: enabled ? "" : disabledReason
}
