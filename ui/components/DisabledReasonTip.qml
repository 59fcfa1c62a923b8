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
    readonly property string text: target && !tips.actionable(target) ? target.disabledReason : ""

    // IconButton's `actionable` (unavailable but focusable), or `enabled` for other controls.
    function actionable(item) { return item.actionable !== undefined ? item.actionable : item.enabled }

    // The control with a disabledReason under (x, y) (tips' coordinates) in item's tree; every child under
    // the point is searched (a background may be listed after the content it lies beneath).
    function controlAt(item, x, y) {
        if (!item.visible)
            return null
        const p = item.mapFromItem(tips, x, y)
        if (item.clip && !item.contains(p))
            return null
        if (item.disabledReason !== undefined)
            return item.contains(p) && !actionable(item) && item.disabledReason.length > 0 ? item : null
        const children = item.children
        for (let i = children.length - 1; i >= 0; --i) {
            const found = controlAt(children[i], x, y)
            if (found)
                return found
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
