import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Hookline.Engine
import Hookline.Ui
import "Formatting.js" as Fmt

// Every live session: caller, state and mode ("inactive here" on a bridged line), line, duration and
// conference membership. Up/Down move, Enter or Space selects. Delegates are created only for
// visible rows, so a long list stays cheap.
ListView {
    id: list
    objectName: "sessionList"

    property CallSession selectedSession: null
    signal sessionActivated(CallSession session)

    model: CallEngine.sessions
    clip: true
    spacing: 2
    keyNavigationEnabled: true
    activeFocusOnTab: true
    highlightFollowsCurrentItem: false
    reuseItems: false // a pooled row stayed in the accessibility tree, selected, after its call closed
    boundsBehavior: Flickable.StopAtBounds
    ScrollBar.vertical: ScrollBar { }

    Accessible.role: Accessible.List
    Accessible.name: qsTr("Sessions")

    Keys.onReturnPressed: if (currentItem) sessionActivated(currentItem.session)
    Keys.onSpacePressed: if (currentItem) sessionActivated(currentItem.session)

    Label {
        anchors.centerIn: parent
        visible: list.count === 0
        text: qsTr("No calls")
        color: Theme.mutedText
    }

    delegate: Rectangle {
        id: row
        required property int index
        required property CallSession session
        required property int state
        required property int mode
        required property string remoteName
        required property string remoteNumber
        required property string lineId
        required property bool isConference
        required property int conferenceParentId

        readonly property bool selected: row.session === list.selectedSession
        // A supervisor listening, coaching or joined on this call, or this call being a supervisor's
        // line into another (FloorCoachingLegs); empty otherwise.
        readonly property string supervision: row.session
            ? Names.supervision(FloorCoachingLegs.marks[String(row.session.sessionId)]) : ""
        width: ListView.view.width
        implicitHeight: rowLayout.implicitHeight + Theme.spacing * 1.5
        radius: Theme.radius
        color: selected ? Theme.selection : (index % 2 ? Theme.surfaceAlt : Theme.surface)
        border.color: row.ListView.isCurrentItem && list.activeFocus ? Theme.accent : "transparent"
        border.width: 2

        Accessible.role: Accessible.ListItem
        // What the row shows, in its order: who (or "Conference"), the state, the conference it is in.
        Accessible.name: [isConference ? qsTr("Conference") : Names.caller(remoteName, remoteNumber),
                          Names.stateAndMode(state, mode),
                          conferenceParentId > 0 ? qsTr("in conference %1").arg(conferenceParentId) : "",
                          supervision]
                         .filter(function(part) { return part.length > 0 }).join(", ")
        Accessible.selected: selected
        Accessible.selectable: true
        Accessible.onPressAction: rowMouse.clicked(null)

        MouseArea {
            id: rowMouse
            anchors.fill: parent
            onClicked: {
                list.currentIndex = row.index
                list.sessionActivated(row.session)
            }
        }

        RowLayout {
            id: rowLayout
            anchors.fill: parent
            anchors.leftMargin: Theme.spacing
            anchors.rightMargin: Theme.spacing
            spacing: Theme.spacing

            ColumnLayout {
                Layout.fillWidth: true
                Layout.preferredWidth: 0 // share the row by layout, not by how long a caller's name is
                spacing: 0
                PlainLabel {
                    objectName: "sessionCaller"
                    Layout.fillWidth: true
                    font.bold: true
                    text: row.isConference ? qsTr("Conference")
                        : (row.remoteName.length ? UntrustedText.display(row.remoteName)
                           : (row.remoteNumber.length ? UntrustedText.display(row.remoteNumber) : qsTr("Unknown caller")))
                }
                PlainLabel {
                    Layout.fillWidth: true
                    color: Theme.mutedText
                    font.pixelSize: Theme.fontSmall
                    text: row.isConference ? row.lineId : (row.remoteName.length ? UntrustedText.display(row.remoteNumber) + "  ·  " : "") + row.lineId
                }
                // The supervisor's mark: a coloured tag, read with the row by a screen reader.
                PlainLabel {
                    objectName: "sessionSupervision"
                    visible: text.length > 0
                    Layout.topMargin: 2
                    // As wide as its text, narrower (elided) only when the column is.
                    Layout.fillWidth: true
                    Layout.maximumWidth: implicitWidth
                    leftPadding: Theme.spacing / 2
                    rightPadding: Theme.spacing / 2
                    topPadding: 1
                    bottomPadding: 1
                    font.pixelSize: Theme.fontSmall
                    font.bold: true
                    text: row.supervision
                    Accessible.ignored: true // the row's name says it
                    background: Rectangle {
                        radius: Theme.radius
                        color: Theme.alertSurface
                        border.color: Theme.alert
                        border.width: 1
                    }
                }
            }
            ColumnLayout {
                spacing: 0
                Layout.fillWidth: false // its labels fill it, it does not fill the row
                Layout.preferredWidth: 190
                PlainLabel {
                    objectName: "sessionState"
                    Layout.fillWidth: true
                    text: Names.stateAndMode(row.state, row.mode)
                    color: row.state === Tapi.Offering ? Theme.alert
                         : (row.state === Tapi.Idle || row.state === Tapi.Disconnected) ? Theme.mutedText : Theme.text
                }
                PlainLabel {
                    Layout.fillWidth: true
                    font.pixelSize: Theme.fontSmall
                    color: Theme.mutedText
                    visible: text.length > 0
                    text: row.conferenceParentId > 0 ? qsTr("in conference %1").arg(row.conferenceParentId) : ""
                }
            }
            Label {
                objectName: "sessionDuration"
                Layout.preferredWidth: 56
                horizontalAlignment: Text.AlignRight
                font.family: "monospace"
                color: Theme.mutedText
                // Talk time once connected (the same clock tick and rounding as the call panel's duration);
                // while ringing, how long the caller has been waiting.
                text: {
                    const s = row.session
                    if (s && row.state === Tapi.Offering && s.offeredAt.getTime && !isNaN(s.offeredAt.getTime()))
                        return Fmt.duration(Clock.since(s.offeredAt.getTime()))
                    return s && s.connectedAt.getTime && !isNaN(s.connectedAt.getTime()) ? Fmt.duration(Clock.duration(s)) : ""
                }
            }
        }
    }
}
