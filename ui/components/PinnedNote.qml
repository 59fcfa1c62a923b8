import QtQuick
import QtQuick.Controls
import Hookline.Engine
import Hookline.Ui

// Shown beside a control whose setting the administrator's file pins: the control is disabled and this
// says why, for sight and for screen readers (the control's tool tip and description give the same text).
PlainLabel {
    id: note
    property Setting setting: null
    objectName: setting ? "pinned_" + setting.key.replace(/\//g, "_") : "pinnedNote"
    visible: setting !== null && setting.pinned
    text: qsTr("Set by your administrator")
    color: Theme.mutedText
    font.italic: true
    Accessible.role: Accessible.StaticText
    Accessible.name: text
}
