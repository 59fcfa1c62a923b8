import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Hookline.Engine
import Hookline.Ui
import "Formatting.js" as Fmt

// The offered call the agent may take: caller id, line, UUI, Answer and Reject. Reject is disabled,
// with the reason shown, where the line cannot refuse a call. Announced to screen readers as an alert.
Rectangle {
    id: banner
    objectName: "incomingBanner"

    property CallSession session: null
    signal answered(CallSession session)

    // The other calls ringing for the agent at the same time, the longest waiting first: each can be
    // answered here. At most maxOthers rows, the rest counted (the call list shows every call): a burst of
    // calls then rebuilds a few rows, not one per call at every offer and answer (bench_sip_console saw the
    // GUI thread busy rebuilding them). Replaced only when the shown set changes, so the rows (and a screen
    // reader's place in them) stay. Read from AgentState.ringingSessions, which changes only when the set
    // of ringing calls does: a state change of any of 200 calls costs nothing here (a loop over every
    // session in QML at each change was most of the GUI thread's script time under 200 SIP calls).
    readonly property int maxOthers: 3
    property var others: []
    property int othersNotShown: 0
    function refreshOthers() {
        const result = []
        let ringing = 0
        for (const s of AgentState.ringingSessions) {
            if (s === session)
                continue
            if (result.length < maxOthers)
                result.push(s)
            ++ringing
        }
        if (result.length !== others.length || result.some(function(s, i) { return s !== others[i] }))
            others = result
        othersNotShown = ringing - result.length
    }
    Connections {
        target: AgentState
        function onRingingSessionsChanged() { banner.refreshOthers() }
    }
    // How long a caller has waited, on the console's one clock (as the call list shows it).
    function waiting(s) {
        return s && s.offeredAt && !isNaN(s.offeredAt.getTime()) ? Fmt.duration(Clock.since(s.offeredAt.getTime())) : ""
    }
    function answerCall(s) {
        if (s && Feedback.request(qsTr("Answer"), s.answer())) {
            answered(s)
            return true
        }
        return false
    }

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

    Accessible.role: Accessible.Grouping
    // Untrusted text goes in last, so a "%1" in a caller name is never taken for a placeholder.
    Accessible.name: session ? qsTr("Incoming call on %1 from %2").arg(session.line ? session.line.name : session.lineId)
                                                               .arg(Names.caller(session.remoteName, session.remoteNumber))
                             : ""

    // Screen readers present an alert when it appears: one appears for every call that starts alerting,
    // also when the banner goes straight from one call to the next. It takes no focus.
    Item {
        id: announcement
        anchors.fill: parent
        visible: false
        Accessible.role: Accessible.AlertMessage
        Accessible.name: banner.Accessible.name
    }
    onSessionChanged: {
        refreshOthers()
        announcement.visible = false
        announcement.visible = session !== null
    }

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
                objectName: "incomingLineAndWait"
                Layout.fillWidth: true
                color: Theme.mutedText
                text: banner.session ? qsTr("on %1, waiting %2").arg(banner.session.line ? banner.session.line.name : banner.session.lineId)
                                                                .arg(banner.waiting(banner.session)) : ""
            }
            PlainLabel {
                objectName: "incomingUui"
                Layout.fillWidth: true
                visible: text.length > 0
                color: Theme.mutedText
                text: banner.session && banner.session.userUserInfoText.length
                      ? qsTr("Caller data: ") + UntrustedText.display(banner.session.userUserInfoText) : ""
            }
            // The other calls ringing now, each with its waiting time and its own Answer.
            Repeater {
                model: banner.others
                delegate: RowLayout {
                    required property var modelData
                    Layout.fillWidth: true
                    spacing: Theme.spacing
                    Accessible.role: Accessible.Grouping
                    Accessible.name: qsTr("Also ringing: %1").arg(Names.caller(modelData.remoteName, modelData.remoteNumber))
                    PlainLabel {
                        objectName: "otherRingingCaller"
                        Layout.fillWidth: true
                        text: qsTr("Also ringing on %1, waiting %2: ").arg(modelData.line ? modelData.line.name : modelData.lineId)
                                                                        .arg(banner.waiting(modelData))
                              + Names.caller(modelData.remoteName, modelData.remoteNumber)
                    }
                    IconButton {
                        objectName: "answerOtherButton"
                        iconName: "answer"
                        text: qsTr("Answer")
                        enabled: (modelData.features & Tapi.FeatureAnswer) !== 0
                        Accessible.name: qsTr("Answer the call from %1").arg(Names.caller(modelData.remoteName, modelData.remoteNumber))
                        onClicked: banner.answerCall(modelData)
                    }
                }
            }
            PlainLabel {
                objectName: "moreRinging"
                Layout.fillWidth: true
                visible: banner.othersNotShown > 0
                color: Theme.mutedText
                text: qsTr("%n more call(s) ringing: see the call list", "", banner.othersNotShown)
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
            available: banner.session !== null && (banner.session.features & Tapi.FeatureAnswer) !== 0
            disabledReason: Reasons.unavailable(banner.session, Tapi.FeatureAnswer, text)
            // A filled button with white text and icon at 4.5:1 in both themes (the style's highlight,
            // and its gradient over any button colour, is a pale blue under white in the dark theme).
            textColor: Theme.actionText
            background: Rectangle {
                objectName: "answerBackground"
                implicitWidth: 100
                implicitHeight: 40
                radius: 3
                color: answerButton.down ? Qt.darker(Theme.action, 1.2) : answerButton.hovered ? Qt.darker(Theme.action, 1.1) : Theme.action
                border.color: answerButton.visualFocus ? Theme.focusRing : Qt.darker(Theme.action, 1.3)
                border.width: answerButton.visualFocus ? 2 : 1
            }
            font.pixelSize: Theme.fontLarge
            Layout.preferredHeight: 48
            Layout.preferredWidth: 130
            Accessible.role: Accessible.Button
            Accessible.name: qsTr("Answer the incoming call")
            onTriggered: banner.answerCall(banner.session)
        }
        IconButton {
            objectName: "rejectButton"
            iconName: "reject"
            text: qsTr("Reject")
            available: banner.canReject
            font.pixelSize: Theme.fontLarge
            Layout.preferredHeight: 48
            Layout.preferredWidth: 130
            Accessible.role: Accessible.Button
            Accessible.name: qsTr("Reject the incoming call")
            disabledReason: banner.rejectReason
            onTriggered: Feedback.request(text, banner.session.reject())
        }
    }
}
