import QtQuick
import QtQuick.Controls

// A combo box over fixed codes whose shown names are translated. The model is the codes, never the names: a
// language switch (QQmlEngine::retranslate) then changes only the names shown, while a model of names would be
// replaced and reset the current index to the first entry.
ComboBox {
    id: box
    // The codes in order, and the one chosen now (bound to the setting it shows).
    property var codes: []
    property string code
    // The name shown for a code; names with qsTr follow the language.
    property var nameOf: function(value) { return String(value) }
    // The user chose another entry (mouse, keyboard or accessibility action).
    signal chosen(string code)

    model: codes
    currentIndex: Math.max(0, codes.indexOf(code))
    displayText: currentIndex >= 0 && currentIndex < codes.length ? nameOf(codes[currentIndex]) : ""
    delegate: ItemDelegate {
        required property var modelData
        required property int index
        width: ListView.view ? ListView.view.width : implicitWidth
        text: box.nameOf(modelData)
        highlighted: box.highlightedIndex === index
    }
    onActivated: function(i) { box.chosen(codes[i]) }
}
