import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Hookline.Engine
import Hookline.Ui

// The floor view's filters (team, agent state, line; "All" lets everyone through) and its order.
RowLayout {
    id: filters
    objectName: "floorFilters"
    required property FloorFilterModel view
    spacing: Theme.spacing

    Label { text: qsTr("Team"); color: Theme.text; Accessible.ignored: true }
    ChoiceBox {
        objectName: "teamFilter"
        codes: [""].concat(Array.from(FloorModel.teams))
        code: filters.view.team
        nameOf: function(value) { return value === "" ? qsTr("All teams") : value }
        Accessible.name: qsTr("Show the team")
        onChosen: function(value) { filters.view.team = value }
    }
    Label { text: qsTr("State"); color: Theme.text; Accessible.ignored: true }
    ChoiceBox {
        objectName: "stateFilter"
        codes: ["", "Ready", "NotReady", "WrapUp", "Offline"]
        code: filters.view.state
        nameOf: function(value) { return value === "" ? qsTr("All states") : Names.agentStateKey(value) }
        Accessible.name: qsTr("Show agents in the state")
        onChosen: function(value) { filters.view.state = value }
    }
    Label { text: qsTr("Line"); color: Theme.text; Accessible.ignored: true }
    ChoiceBox {
        objectName: "lineFilter"
        codes: [""].concat(Array.from(FloorModel.lines))
        code: filters.view.line
        nameOf: function(value) { return value === "" ? qsTr("All lines") : value }
        Accessible.name: qsTr("Show agents with a call on the line")
        onChosen: function(value) { filters.view.line = value }
    }
    Label { text: qsTr("Sort by"); color: Theme.text; Accessible.ignored: true }
    ChoiceBox {
        objectName: "sortKey"
        // Codes are strings (ChoiceBox.code is one): the enum's values written out.
        codes: [FloorFilterModel.ByArrival, FloorFilterModel.ByName, FloorFilterModel.ByState,
                FloorFilterModel.ByTimeInState, FloorFilterModel.ByCallCount].map(String)
        code: String(filters.view.sortKey)
        nameOf: function(value) {
            switch (Number(value)) {
            case FloorFilterModel.ByName: return qsTr("Name")
            case FloorFilterModel.ByState: return qsTr("State")
            case FloorFilterModel.ByTimeInState: return qsTr("Time in state")
            case FloorFilterModel.ByCallCount: return qsTr("Number of calls")
            }
            return qsTr("Arrival")
        }
        Accessible.name: qsTr("Sort the agents by")
        onChosen: function(value) { filters.view.sortKey = Number(value) }
    }
    Button {
        objectName: "sortOrder"
        readonly property bool descending: filters.view.sortOrder === Qt.DescendingOrder
        text: descending ? qsTr("Descending") : qsTr("Ascending")
        Accessible.name: descending ? qsTr("Sort order: descending; press for ascending")
                                    : qsTr("Sort order: ascending; press for descending")
        function toggle() { filters.view.sortOrder = descending ? Qt.AscendingOrder : Qt.DescendingOrder }
        onClicked: toggle()
        Accessible.onPressAction: toggle()
    }
}
