import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Hookline.Engine
import Hookline.Ui

// The offered call the agent may take: caller id, line, UUI, Answer and Reject. Reject is disabled,
// with the reason shown, where the line cannot refuse a call. Announced to screen readers as an alert.
Rectangle {
    id: banner
    objectName: "incomingBanner"

    property CallSession session: null
    signal answered(CallSession session)

    readonly property bool canReject: session !== null && (session.features & Tapi.FeatureReject) !== 0
    readonly property string rejectReason: {
        if (!session || canReject)
            return ""
        if (session.line && !session.line.capabilities.canReject) {
            // The line's own reason (e.g. no hook relay wired) when it gives one. Appended last: it is
            // the provider's text, never a placeholder.
            const why = session.line.capabilities.rejectUnavailableReason
            return why.length ? qsTr("This line cannot reject calls: ") + why
                              : qsTr("This line cannot reject calls: answer it or let it ring.")
        }
        return qsTr("Reject is not available right now.")
    }

    visible: session !== null
    implicitHeight: visible ? content.implicitHeight + 2 * Theme.spacing * 2 : 0
    color: Theme.alertSurface
    border.color: Theme.alert
    border.width: 2
    radius: Theme.radius

    Accessible.role: Accessible.AlertMessage
    // Untrusted text goes in last, so a "%1" in a caller name is never taken for a placeholder.
    Accessible.name: session ? qsTr("Incoming call on %1 from %2").arg(session.line ? session.line.name : session.lineId)
                                                               .arg(Names.caller(session.remoteName, session.remoteNumber))
                             : ""

    RowLayout {
        id: content
        anchors.fill: parent
        anchors.margins: Theme.spacing * 2
        spacing: Theme.spacing * 2

        ColumnLayout {
            Layout.fillWidth: true
            spacing: 2
            Label {
                text: qsTr("Incoming call")
                color: Theme.alert
                font.bold: true
                font.pixelSize: Theme.fontNormal
            }
            PlainLabel {
                objectName: "incomingCallerName"
                Layout.fillWidth: true
                text: banner.session ? (banner.session.remoteName.length ? UntrustedText.display(banner.session.remoteName) : qsTr("Unknown caller")) : ""
                font.pixelSize: Theme.fontHuge
                font.bold: true
            }
            PlainLabel {
                objectName: "incomingCallerNumber"
                Layout.fillWidth: true
                text: banner.session ? UntrustedText.display(banner.session.remoteNumber) : ""
                font.pixelSize: Theme.fontLarge
            }
            PlainLabel {
                Layout.fillWidth: true
                color: Theme.mutedText
                text: banner.session ? qsTr("on %1").arg(banner.session.line ? banner.session.line.name : banner.session.lineId) : ""
            }
            PlainLabel {
                objectName: "incomingUui"
                Layout.fillWidth: true
                visible: text.length > 0
                color: Theme.mutedText
                text: banner.session && banner.session.userUserInfoText.length
                      ? qsTr("Caller data: ") + UntrustedText.display(banner.session.userUserInfoText) : ""
            }
            Label {
                objectName: "rejectReason"
                Layout.fillWidth: true
                visible: text.length > 0
                text: banner.rejectReason
                textFormat: Text.PlainText
                wrapMode: Text.WordWrap
                color: Theme.mutedText
                font.italic: true
            }
        }

        IconButton {
            id: answerButton
            objectName: "answerButton"
            iconName: "answer"
            text: qsTr("Answer")
            enabled: banner.session !== null && (banner.session.features & Tapi.FeatureAnswer) !== 0
            disabledReason: Reasons.unavailable(banner.session, Tapi.FeatureAnswer, text)
            // A filled button with white text and icon at 4.5:1 in both themes (the style's highlight
            // is a pale blue under white in the dark theme).
            palette.button: Theme.action
            palette.buttonText: Theme.actionText
            font.pixelSize: Theme.fontLarge
            Layout.preferredHeight: 48
            Layout.preferredWidth: 130
            Accessible.role: Accessible.Button
            Accessible.name: qsTr("Answer the incoming call")
            onClicked: {
                const s = banner.session
                if (s && Feedback.request(text, s.answer()))
                    banner.answered(s)
            }
        }
        IconButton {
            objectName: "rejectButton"
            iconName: "reject"
            text: qsTr("Reject")
            enabled: banner.canReject
            font.pixelSize: Theme.fontLarge
            Layout.preferredHeight: 48
            Layout.preferredWidth: 130
            Accessible.role: Accessible.Button
            Accessible.name: qsTr("Reject the incoming call")
            disabledReason: banner.rejectReason
            onClicked: Feedback.request(text, banner.session.reject())
        }
    }
}
