import QtQuick
import QtQuick.Controls
import Hookline.Ui

// Text from outside (caller names, numbers, UUI): always plain text, elided, never a link.
Label {
    textFormat: Text.PlainText
    elide: Text.ElideRight
    maximumLineCount: 1
    color: Theme.text
    font.pixelSize: Theme.fontNormal
    Accessible.role: Accessible.StaticText
    Accessible.name: text
}
