import QtQuick
import QtQuick.Controls
import Hookline.Ui

// Shows why a disabled control is disabled while the pointer rests on it: a tool tip with the control's
// `disabledReason` (IconButton has one). Disabled items get no hover events, so one hover handler over
// the whole window finds the control under the pointer. Put it in the window's overlay, over the items
// in `scopes` (the window's header and content).
Item {
    id: tips
    objectName: "disabledReasonTip"
    property var scopes: []
    // The disabled control under the pointer that gives a reason, or null.
    property Item target: null
    readonly property string text: target && !target.enabled ? target.disabledReason : ""

    function controlAt(item, x, y) {
        for (let current = item; current;) {
            if (current.disabledReason !== undefined)
                return !current.enabled && current.disabledReason.length > 0 ? current : null
            const p = current.mapFromItem(tips, x, y)
            current = current.childAt(p.x, p.y)
        }
        return null
    }
    function update() {
        let found = null
        if (hover.hovered) {
            for (const scope of scopes) {
                if (scope && scope.visible) {
                    const p = scope.mapFromItem(tips, hover.point.position.x, hover.point.position.y)
                    if (scope.contains(p))
                        found = controlAt(scope, hover.point.position.x, hover.point.position.y)
                }
            }
        }
        target = found
    }

    HoverHandler {
        id: hover
        onPointChanged: tips.update()
        onHoveredChanged: tips.update()
    }
    ToolTip {
        objectName: "disabledReasonToolTip"
        parent: tips
        visible: tips.text.length > 0
        delay: 300
        text: tips.text
        x: tips.target ? tips.target.mapToItem(tips, 0, 0).x : 0
        y: tips.target ? tips.target.mapToItem(tips, 0, tips.target.height).y + 4 : 0
    }
}
