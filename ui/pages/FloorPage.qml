import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Hookline.Engine
import Hookline.Ui

// The floor for a supervisor: every agent's console on the NATS floor (FloorModel, filtered and sorted by a
// FloorFilterModel), the figures at a glance, the conferences across agents, and the requests sent to the
// agents' consoles with their outcomes. The floor is watched from the moment this page first opens. Without a
// floor configured it says so; the console works alone.
Item {
    id: page
    objectName: "floorPage"

    readonly property bool configured: FloorLink.status !== FloorLink.Off
    Component.onCompleted: FloorModel.watch()

    FloorFilterModel {
        id: floorView
        objectName: "floorView"
        sourceModel: FloorModel
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.spacing
        spacing: Theme.spacing

        FloorStatus { Layout.fillWidth: true }

        Label {
            objectName: "floorNotConfigured"
            visible: !page.configured
            Layout.fillWidth: true
            Layout.fillHeight: true
            wrapMode: Text.WordWrap
            verticalAlignment: Text.AlignTop
            text: qsTr("No floor is configured, so this console works on its own and shows only its own calls (on the "
                       + "\"This console\" tab). To see every agent, add the [floor] settings with the NATS servers to the "
                       + "settings file (see the user guide).")
            color: Theme.text
            Accessible.role: Accessible.StaticText
            Accessible.name: text
        }

        FloorFigures { visible: page.configured; Layout.fillWidth: true }
        FloorFilters { visible: page.configured; view: floorView }

        SplitView {
            visible: page.configured
            Layout.fillWidth: true
            Layout.fillHeight: true
            orientation: Qt.Horizontal
            Accessible.ignored: true

            ColumnLayout {
                SplitView.preferredWidth: page.width * 0.62
                spacing: Theme.spacing / 2
                Label {
                    text: qsTr("Agents (%1 of %2)").arg(floorView.count).arg(FloorModel.count)
                    font.bold: true
                    color: Theme.text
                    Accessible.role: Accessible.Heading
                    Accessible.name: text
                }
                ListView {
                    id: agents
                    objectName: "floorAgentList"
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    model: floorView
                    clip: true
                    spacing: Theme.spacing / 2
                    activeFocusOnTab: true
                    reuseItems: false // pooled rows would stay in the accessibility tree
                    ScrollBar.vertical: ScrollBar { }
                    Accessible.role: Accessible.List
                    Accessible.name: qsTr("Agents on the floor")
                    Label {
                        anchors.centerIn: parent
                        visible: agents.count === 0
                        text: !FloorModel.synced ? qsTr("Waiting for the floor…")
                              : FloorModel.count === 0 ? qsTr("No agents on the floor") : qsTr("No agents match the filters")
                        color: Theme.mutedText
                    }
                    delegate: FloorAgentCard { requests: requestLog }
                }
            }
            ColumnLayout {
                SplitView.fillWidth: true
                spacing: Theme.spacing
                ScrollView {
                    id: conferencesScroll
                    Accessible.role: Accessible.Pane
                    Accessible.name: qsTr("Conferences across agents")
                    ScrollBar.horizontal.policy: ScrollBar.AlwaysOff // the rows follow the width
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    Layout.preferredHeight: 2
                    clip: true
                    contentWidth: availableWidth
                    FloorConferences { width: conferencesScroll.availableWidth; requests: requestLog }
                }
                FloorRequestLog {
                    id: requestLog
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    Layout.preferredHeight: 1
                }
            }
        }
    }
}
