import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Hookline.Engine
import Hookline.Ui

// The console window: the agent console, the call history, the supervisor view and settings as
// tabs. `hookline --supervisor` opens it on the supervisor view.
ApplicationWindow {
    id: window
    objectName: "mainWindow"
    width: 1280
    height: 800
    minimumWidth: 1024
    minimumHeight: 640
    visible: true
    title: currentPage === 2 ? qsTr("Hookline supervisor") : qsTr("Hookline")

    property bool supervisorMode: false
    // The headset binding, when the console has headset support (set by the app).
    property PhoneBinding phoneBinding: null
    property alias currentPage: tabs.currentIndex

    color: Theme.window
    palette.window: Theme.window
    palette.alternateBase: Theme.surfaceAlt
    // Set per group: a colour set for all groups at once would also overwrite the disabled ones below
    // whenever the theme changes.
    palette.active.windowText: Theme.text
    palette.inactive.windowText: Theme.text
    palette.active.base: Theme.surface
    palette.inactive.base: Theme.surface
    palette.active.text: Theme.text
    palette.inactive.text: Theme.text
    palette.active.button: Theme.surfaceAlt
    palette.inactive.button: Theme.surfaceAlt
    palette.active.buttonText: Theme.text
    palette.inactive.buttonText: Theme.text
    palette.highlight: Theme.accent
    palette.highlightedText: Theme.accentText
    palette.placeholderText: Theme.mutedText
    palette.mid: Theme.border
    palette.toolTipBase: Theme.surface
    palette.toolTipText: Theme.text
    palette.light: Theme.dark ? "#3a4048" : "#ffffff"
    palette.dark: Theme.dark ? "#15171a" : "#9aa1ab"
    // Disabled controls look disabled (the same colours in both groups made them look enabled).
    palette.disabled.buttonText: Theme.disabledText
    palette.disabled.windowText: Theme.disabledText
    palette.disabled.text: Theme.disabledText
    palette.disabled.button: Theme.disabledSurface
    palette.disabled.base: Theme.disabledSurface

    // The theme (Theme.override) and the wrap-up time follow their settings (ConsoleSettings: the user's file under the
    // administrator's pins), at start-up and whenever they change.
    Binding { target: AgentState; property: "wrapUpSeconds"; value: ConsoleSettings.wrapUpSeconds.value }
    Component.onCompleted: {
        if (supervisorMode)
            tabs.currentIndex = 2
    }

    header: ToolBar {
        Accessible.name: qsTr("Pages and agent state")
        palette.button: Theme.surface
        background: Rectangle { color: Theme.surface; Rectangle { anchors.bottom: parent.bottom; width: parent.width; height: 1; color: Theme.border } }
        RowLayout {
            anchors.fill: parent
            anchors.leftMargin: Theme.spacing
            anchors.rightMargin: Theme.spacing
            spacing: Theme.spacing
            TabBar {
                id: tabs
                objectName: "pageTabs"
                Accessible.name: qsTr("Pages")
                TabButton { objectName: "callsTab"; icon.source: Theme.icon("calls"); icon.color: Theme.text; text: qsTr("Calls"); width: implicitWidth + 24; Accessible.name: text }
                TabButton { objectName: "historyTab"; icon.source: Theme.icon("history"); icon.color: Theme.text; text: qsTr("History"); width: implicitWidth + 24; Accessible.name: text }
                TabButton { objectName: "supervisorTab"; icon.source: Theme.icon("supervisor"); icon.color: Theme.text; text: qsTr("Supervisor"); width: implicitWidth + 24; Accessible.name: text }
                TabButton { objectName: "settingsTab"; icon.source: Theme.icon("settings"); icon.color: Theme.text; text: qsTr("Settings"); width: implicitWidth + 24; Accessible.name: text }
            }
            Item { Layout.fillWidth: true }
            // A line out of service is seen at once, whatever page is open; it leads to Settings › Lines.
            ToolButton {
                objectName: "linesOutOfService"
                readonly property int count: CallEngine.lines.filter(function(l) { return l.open && !l.inService }).length
                visible: count > 0
                text: qsTr("%n line(s) out of service", "", count)
                icon.source: Theme.icon("warning")
                icon.color: Theme.danger
                palette.buttonText: Theme.danger
                Accessible.role: Accessible.Button
                Accessible.name: text
                Accessible.description: qsTr("Opens Settings, where each line says why")
                onClicked: tabs.currentIndex = 3
            }
            AgentStateBar { } // its shortcuts are the settings'
        }
    }

    FocusRing {
        parent: window.Overlay.overlay
        window: window
    }
    DisabledReasonTip {
        parent: window.Overlay.overlay
        anchors.fill: parent
        scopes: [window.header, window.contentItem]
    }
    // What a supervisor did on this console from the floor, over whatever page is open.
    SupervisorNotice {
        parent: window.Overlay.overlay
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        anchors.margins: 2 * Theme.spacing
        z: 10
    }

    StackLayout {
        anchors.fill: parent
        currentIndex: tabs.currentIndex
        AgentConsole {
            id: agentConsole // its shortcuts are the settings'
        }
        Loader {
            active: tabs.currentIndex === 1
            sourceComponent: HistoryPage { onCallPlaced: tabs.currentIndex = 0 }
        }
        Loader {
            objectName: "supervisorLoader"
            active: tabs.currentIndex === 2
            sourceComponent: SupervisorView { }
        }
        SettingsPage {
            phoneBinding: window.phoneBinding
        }
    }
}
