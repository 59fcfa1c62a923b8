import QtQuick
import QtQuick.Controls
import Hookline.Ui

// The keyboard focus indicator for every control of the window, drawn once, over everything: a ring
// in the theme's focus colour around the item that has the keyboard focus. The style's own hints are
// faint (Fusion) or missing (tab buttons, lists). Controls show it for keyboard focus only (Tab, a
// shortcut, focus moved by the console), not for a mouse click; lists and plain items always.
Rectangle {
    id: ring
    objectName: "focusRing"
    // The window whose focus is shown (its contentItem's Overlay is this item's parent).
    property var window: null // a QQuickWindow (ApplicationWindow, or a test's view)
    readonly property Item target: window ? window.activeFocusItem : null
    readonly property bool keyboardFocus: {
        const t = target
        if (!t)
            return false
        if (t.visualFocus !== undefined)
            return t.visualFocus
        if (t.focusReason !== undefined) // text fields: not a Control, but they know how focus came
            return t.focusReason === Qt.TabFocusReason || t.focusReason === Qt.BacktabFocusReason
                || t.focusReason === Qt.ShortcutFocusReason || t.focusReason === Qt.OtherFocusReason
        return t !== window.contentItem
    }
    // Re-read after every frame (a scrolled page moves the target without changing its own x or y);
    // the ring sits in the overlay's coordinates.
    property int frames: 0
    Connections {
        target: ring.window
        function onFrameSwapped() { ring.frames++ }
    }
    readonly property rect area: {
        const t = target
        if (!t || !parent)
            return Qt.rect(0, 0, 0, 0)
        frames; t.x; t.y; t.width; t.height; // dependencies
        const p = t.mapToItem(parent, 0, 0)
        return Qt.rect(p.x, p.y, t.width, t.height)
    }

    visible: keyboardFocus && target !== null && target.visible && area.width > 0
    x: area.x - 2 * Theme.focusRingWidth
    y: area.y - 2 * Theme.focusRingWidth
    width: area.width + 4 * Theme.focusRingWidth
    height: area.height + 4 * Theme.focusRingWidth
    z: 1e6
    color: "transparent"
    radius: Theme.radius
    border.color: Theme.focusRing
    border.width: Theme.focusRingWidth
    Accessible.ignored: true
}
