import QtQuick
import QtQuick.Controls
import Hookline.Ui

// A button with one of our icons (resources/icons) tinted with the theme's text colour, so it reads
// on the light and the dark theme; the text stays, for sight and for screen readers.
// Unavailable (`available` false, or disabled), it is dimmed (the style alone draws a disabled button
// almost like an enabled one) and says why. An unavailable button keeps its place in the Tab order, so
// that a keyboard user meets it and reads its reason: focused from the keyboard it shows the reason as a
// tool tip; Space, Enter, a click or a screen reader's Press do not act but show the reason where refused
// actions are reported (Feedback); screen readers hear it as unavailable (AccessibleQuickItem reads
// `actionable`) with the reason as its description. The window's DisabledReasonTip shows the reason on
// hover. Handle `triggered`, which comes only when the button is actionable, not `clicked`.
Button {
    id: control
    property string iconName: ""
    // Whether the action can be taken now; the button stays focusable either way.
    property bool available: true
    // Why the button is unavailable, for the agent ("Hold is not available while the call is ringing").
    property string disabledReason: ""
    readonly property bool actionable: enabled && available

    signal triggered()

    onClicked: {
        if (actionable)
            triggered()
        else if (disabledReason.length > 0)
            Feedback.show(disabledReason)
    }

    icon.source: iconName.length ? Theme.icon(iconName) : ""
    // The text's colour while actionable (a filled button sets its own); unavailable, the style's disabled
    // look is drawn while the button stays enabled for the focus.
    property color textColor: Theme.text
    palette.active.buttonText: actionable ? textColor : Theme.disabledText
    palette.inactive.buttonText: actionable ? textColor : Theme.disabledText
    icon.color: actionable ? palette.buttonText : Theme.disabledText
    display: AbstractButton.TextBesideIcon
    opacity: actionable ? 1 : Theme.disabledOpacity

    Accessible.description: actionable ? "" : disabledReason

    ToolTip {
        objectName: "focusReasonToolTip"
        visible: control.visible && control.activeFocus && !control.actionable && control.disabledReason.length > 0
                 && (control.focusReason === Qt.TabFocusReason || control.focusReason === Qt.BacktabFocusReason)
        text: control.disabledReason
        delay: 0
        y: control.height + 4
    }
}
