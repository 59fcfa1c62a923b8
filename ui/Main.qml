import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Hookline.Engine

// The console's first window: every live session with the actions its features allow.
ApplicationWindow {
    id: window
    objectName: "mainWindow"
    width: 1280
    height: 800
    visible: true
    title: qsTr("Hookline")

    header: ToolBar {
        RowLayout {
            anchors.fill: parent
            Label {
                objectName: "sessionCount"
                text: qsTr("%n live session(s)", "", CallEngine.sessions.count)
                Layout.leftMargin: 12
                Layout.fillWidth: true
            }
            Repeater {
                model: CallEngine.lines
                Label {
                    required property var modelData
                    text: modelData.name + (modelData.inService ? "" : qsTr(" (out of service: %1)").arg(modelData.outOfServiceReason))
                    textFormat: Text.PlainText
                    Layout.rightMargin: 12
                }
            }
        }
    }

    ListView {
        id: sessionList
        objectName: "sessionList"
        anchors.fill: parent
        anchors.margins: 8
        spacing: 4
        clip: true
        model: CallEngine.sessions
        delegate: Frame {
            id: row
            required property var session
            required property string remoteName
            required property string remoteNumber
            required property string stateName
            required property string modeName
            required property string lineId
            required property int features
            width: ListView.view.width
            RowLayout {
                anchors.fill: parent
                spacing: 12
                Label {
                    // Caller names are untrusted: plain text, never markup.
                    text: (row.remoteName.length ? row.remoteName + "  " : "") + row.remoteNumber
                    textFormat: Text.PlainText
                    elide: Text.ElideRight
                    font.bold: true
                    Layout.preferredWidth: 320
                }
                Label {
                    text: row.stateName + (row.modeName.length ? " / " + row.modeName : "")
                    textFormat: Text.PlainText
                    Layout.preferredWidth: 260
                }
                Label {
                    text: row.lineId
                    textFormat: Text.PlainText
                    Layout.fillWidth: true
                }
                Button {
                    text: qsTr("Answer")
                    enabled: (row.features & Tapi.FeatureAnswer) !== 0
                    onClicked: row.session.answer()
                }
                Button {
                    text: qsTr("Reject")
                    enabled: (row.features & Tapi.FeatureReject) !== 0
                    onClicked: row.session.reject()
                }
                Button {
                    text: qsTr("Drop")
                    enabled: (row.features & Tapi.FeatureDrop) !== 0
                    onClicked: row.session.drop()
                }
                Button {
                    text: qsTr("Close")
                    enabled: row.stateName === "IDLE"
                    onClicked: row.session.terminate()
                }
            }
        }
    }
}
