import QtQuick
import QtQuick.Controls
import QtTest
import Hookline.Engine
import Hookline.Ui
import Hookline.TestSupport

// The supervisor view: a conference set up through the sessions' methods, one party dropped and then
// the whole conference from the view's buttons, with the states shown and logged; a bridged drop
// shows the station inactive.
Item {
    id: root
    width: 1280
    height: 800

    Component { id: viewComponent; SupervisorView { anchors.fill: parent } }

    TestCase {
        name: "Supervisor"
        when: windowShown

        function init() { SimDriver.reset() }

        function consultOn(line, except) {
            const list = SimDriver.sessionsOn(line)
            for (let i = 0; i < list.length; ++i)
                if (list[i].state === Tapi.DialTone && except.indexOf(list[i]) < 0)
                    return list[i]
            return null
        }

        function dialAndAnswer(consult, farEnd) {
            verify(consult.dial(SimDriver.farEndNumber(farEnd)) > 0)
            tryCompare(consult, "state", Tapi.Ringback, 10000)
            verify(SimDriver.remoteAnswer(farEnd))
            tryCompare(consult, "state", Tapi.Connected)
        }

        function test_conferenceDropPartyThenAll() {
            const view = createTemporaryObject(viewComponent, root)
            const first = SimDriver.offer("sim/desk", "alice")
            verify(first.answer() > 0)
            tryCompare(first, "state", Tapi.Connected)
            verify(first.setupConference() > 0)
            tryCompare(first, "state", Tapi.Conferenced)
            const parent = first.conferenceParent
            verify(parent)
            const consult = consultOn("sim/desk", [first, parent])
            verify(consult)
            dialAndAnswer(consult, "bob")
            verify(parent.addToConference(consult) > 0)
            tryCompare(consult, "state", Tapi.Conferenced)
            verify(parent.prepareAddToConference() > 0)
            tryCompare(parent, "state", Tapi.OnHoldPendConf)
            const third = consultOn("sim/desk", [first, parent, consult])
            dialAndAnswer(third, "carol")
            verify(parent.addToConference(third) > 0)
            tryCompare(third, "state", Tapi.Conferenced)

            const list = findChild(view, "conferenceList")
            tryCompare(list, "count", 1)
            list.currentIndex = 0
            const card = list.currentItem
            tryCompare(card.members, "length", 3)
            compare(findChild(card, "conferenceState").text.indexOf("Connected"), 0)
            // Every party shows its live state.
            const states = []
            for (let i = 0; i < 3; ++i)
                states.push(card.members[i].state)
            compare(states, [Tapi.Conferenced, Tapi.Conferenced, Tapi.Conferenced])
            compare(findChild(card, "partyState").text, "In conference")

            // Drop one party from the view: it goes IDLE and leaves the conference.
            EventLogModel.conferenceFilter = parent.sessionId
            // The row of `first` (the rows' order among the card's children is not the members' order).
            const dropParty = partyButton(card, first, "dropPartyButton")
            verify(dropParty.actionable)
            // The rows were just added: until their layouts are polished they overlap, and a click at the
            // button's position could land on another party's Drop.
            for (let item = dropParty.parent; item !== card.parent; item = item.parent)
                verify(waitForItemPolished(item))
            mouseClick(dropParty)
            tryCompare(first, "state", Tapi.Idle)
            tryCompare(card.members, "length", 2)
            compare(SimDriver.farEndState("alice"), "DISCONNECTED/NORMAL")
            verify(lastEventOf(first.sessionId) === "CONFERENCED->IDLE")

            // Drop the whole conference: asked first; Cancel keeps it, "Drop all" ends every party.
            const confirm = findChild(card, "confirmDropAll")
            const dropAll = findChild(card, "dropConferenceButton")
            // The second click on it comes soon after the first: on another spot of the button (further than
            // the double-click distance), or Qt takes the pair for a double click.
            mouseClick(dropAll, dropAll.width / 4, dropAll.height / 2)
            tryCompare(confirm, "opened", true)
            compare(findChild(confirm, "confirmDropAllText").text, "All 2 parties will be disconnected.")
            SimDriver.settle() // nothing is dropped while the agent decides
            compare(parent.state, Tapi.Connected)
            compare(root.Window.activeFocusItem, findChild(confirm, "cancelDropAllButton")) // Enter keeps it
            keyClick(Qt.Key_Escape)
            tryCompare(confirm, "visible", false)
            SimDriver.settle()
            compare(parent.state, Tapi.Connected)
            mouseClick(dropAll, dropAll.width * 3 / 4, dropAll.height / 2)
            tryCompare(confirm, "opened", true)
            mouseClick(findChild(confirm, "confirmDropAllButton"))
            tryCompare(parent, "state", Tapi.Idle)
            tryCompare(consult, "state", Tapi.Idle)
            tryCompare(third, "state", Tapi.Idle)
            compare(SimDriver.farEndState("bob"), "DISCONNECTED/NORMAL")
            compare(SimDriver.farEndState("carol"), "DISCONNECTED/NORMAL")
            compare(findChild(card, "conferenceState").text.indexOf("Ended"), 0)
            compare(lastEventOf(parent.sessionId).split("->")[1], "IDLE")
            EventLogModel.conferenceFilter = 0
        }

        function partyButton(item, session, name) {
            for (let i = 0; i < item.children.length; ++i) {
                const child = item.children[i]
                if (child.objectName === name && child.parent.modelData === session)
                    return child
                const found = partyButton(child, session, name)
                if (found)
                    return found
            }
            return null
        }

        function lastEventOf(sessionId) {
            for (let row = EventLogModel.count - 1; row >= 0; --row) {
                const i = EventLogModel.index(row, 0)
                if (EventLogModel.data(i, EventLogModel.SessionIdRole) === sessionId)
                    return EventLogModel.data(i, EventLogModel.OldStateNameRole) + "->" + EventLogModel.data(i, EventLogModel.StateNameRole)
            }
            return ""
        }

        function test_bridgedDropShowsInactive() {
            const view = createTemporaryObject(viewComponent, root)
            const x = SimDriver.offer("sim/x", "dave")
            verify(x)
            const y = SimDriver.sessionsOn("sim/y")[0]
            verify(y)
            verify(x.answer() > 0)
            tryCompare(x, "state", Tapi.Connected)
            verify(y.answer() > 0)
            tryCompare(y, "state", Tapi.Connected)
            const list = findChild(view, "bridgedList")
            tryCompare(list, "count", 2)
            verify(x.drop() > 0)
            tryCompare(x, "mode", Tapi.ConnectedInactive)
            list.currentIndex = 0
            compare(list.currentItem.modelData, x)
            tryCompare(findChild(list.currentItem, "stationActivity"), "text", "inactive station")
            list.currentIndex = 1
            compare(findChild(list.currentItem, "stationActivity").text, "active station · Connected")
        }

        // Without a floor the view opens on this console's calls; its Floor tab says plainly that no floor
        // is configured, and the floor is not watched until that tab is opened.
        function test_floorTabWithoutFloor() {
            const view = createTemporaryObject(viewComponent, root)
            const tabs = findChild(view, "supervisorTabs")
            compare(FloorLink.status, FloorLink.Off)
            compare(tabs.currentIndex, 1)
            verify(findChild(view, "conferenceList").visible)
            compare(FloorModel.watching, false)
            compare(findChild(view, "floorLoader").item, null)
            mouseClick(findChild(view, "floorTab"))
            tryCompare(tabs, "currentIndex", 0)
            const loader = findChild(view, "floorLoader")
            tryVerify(function() { return loader.item !== null })
            compare(FloorModel.watching, true)
            const message = findChild(loader.item, "floorNotConfigured")
            verify(message.visible)
            verify(message.text.indexOf("No floor is configured") === 0)
            compare(findChild(loader.item, "floorStatusText").text, "Not connected: no floor is configured")
            verify(!findChild(loader.item, "floorAgentList").visible)
            // Back on this console's calls, the floor page stays loaded.
            mouseClick(findChild(view, "thisConsoleTab"))
            tryCompare(tabs, "currentIndex", 1)
            verify(loader.item !== null)
        }
    }
}
