import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Hookline.Engine
import Hookline.Ui
import "Formatting.js" as Fmt

// Drop with an optional reason (it pre-fills the wrap-up disposition) and UUI text whose UTF-8 byte
// count is shown against the line's limit for UUI on drop.
ColumnLayout {
    id: drop
    property CallSession session: null
    property alias uuiText: uuiField.text
    readonly property string reasonCode: reasonBox.currentIndex > 0 ? Names.dispositions[reasonBox.currentIndex - 1] : ""
    readonly property int byteCount: Fmt.utf8Length(uuiField.text)
    readonly property int limit: session && session.line ? session.line.capabilities.uuiDropSize : 0
    readonly property bool uuiFits: byteCount === 0 || byteCount <= limit
    readonly property bool canDrop: session !== null && (session.features & Tapi.FeatureDrop) !== 0 && uuiFits
    signal dropRequested(string reasonCode)

    spacing: Theme.spacing / 2

    // Why Drop is unavailable now, "" when it is available.
    readonly property string dropUnavailableReason: !uuiFits
        ? qsTr("Too long: this line takes at most %1 bytes of UUI on drop.").arg(limit)
        : Reasons.unavailable(session, Tapi.FeatureDrop, qsTr("Drop"))

    // Drops through the session, as the shortcut and the headset do. Returns the request id or error;
    // 0 while the agent is asked to confirm dropping a whole conference.
    function dropNow() {
        if (!canDrop) {
            Feedback.show(dropUnavailableReason)
            return -1
        }
        if (session.isConference) {
            confirmDropAll.ask(session, drop.dropConfirmed)
            return 0
        }
        return dropConfirmed()
    }
    function dropConfirmed() {
        if (!session)
            return -1
        const reason = reasonCode
        const id = uuiField.text.length ? session.drop(uuiField.text) : session.drop()
        if (Feedback.request(qsTr("Drop"), id)) {
            dropRequested(reason)
            uuiField.text = ""
        }
        return id
    }

    ConfirmDropAll { id: confirmDropAll }

    RowLayout {
        spacing: Theme.spacing
        Layout.fillWidth: true
        ChoiceBox { // index 0 is no reason; the choice stays when the language changes
            id: reasonBox
            objectName: "dropReason"
            Layout.preferredWidth: 200
            codes: [""].concat(Names.dispositions)
            nameOf: function(value) { return value === "" ? qsTr("No reason") : Names.disposition(value) }
            Accessible.name: qsTr("Drop reason")
        }
        TextField {
            palette.window: Theme.outlineBase // a visible edge (Theme.fieldBorder)
            id: uuiField
            objectName: "dropUui"
            Layout.fillWidth: true
            placeholderText: drop.limit > 0 ? qsTr("Text for the caller's system (UUI), optional") : qsTr("This line sends no UUI on drop")
            enabled: drop.limit > 0
            Accessible.name: qsTr("User-to-user information sent with the drop")
            Keys.onReturnPressed: drop.dropNow()
        }
        Label {
            objectName: "uuiByteCount"
            text: qsTr("%1 / %2 bytes").arg(drop.byteCount).arg(drop.limit)
            color: drop.uuiFits ? Theme.mutedText : Theme.danger
            Accessible.role: Accessible.StaticText
            Accessible.name: text
        }
        IconButton {
            iconName: "drop"
            objectName: "dropButton"
            text: qsTr("Drop")
            available: drop.canDrop
            disabledReason: drop.dropUnavailableReason
            palette.button: Theme.danger
            textColor: Theme.dark ? "#1d2126" : "#ffffff" // readable on either theme's red
            Accessible.role: Accessible.Button
            Accessible.name: qsTr("Drop the call")
            onTriggered: drop.dropNow()
        }
    }
    Label {
        visible: !drop.uuiFits
        text: qsTr("Too long: this line takes at most %1 bytes of UUI on drop.").arg(drop.limit)
        color: Theme.danger
        font.pixelSize: Theme.fontSmall
    }
}
