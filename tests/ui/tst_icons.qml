import QtQuick
import QtQuick.Controls
import QtTest
import Hookline.Engine
import Hookline.Ui
import Hookline.TestSupport

// Our SVG icons are compiled in and render (the SVG image plugin is installed), and the buttons that
// use them keep their text for screen readers.
Item {
    id: root
    width: 800
    height: 600

    Component { id: imageComponent; Image { sourceSize: Qt.size(24, 24) } }
    Component { id: panelComponent; ActiveSessionPanel { width: 900; height: 600 } }
    Component { id: bannerComponent; IncomingBanner { width: 900 } }

    TestCase {
        name: "Icons"
        when: windowShown

        function init() { SimDriver.reset() }

        function test_iconLoads_data() {
            return ["answer", "reject", "drop", "hold", "resume", "mute", "microphone", "conference", "transfer",
                    "record", "headset", "settings", "history", "supervisor", "calls", "dialpad", "hookline"]
                .map(name => ({ tag: name, name: name }))
        }
        function test_iconLoads(data) {
            const image = createTemporaryObject(imageComponent, root, { source: Theme.icon(data.name) })
            tryCompare(image, "status", Image.Ready)
            compare(image.implicitWidth, 24)
            // Drawn, not empty: some pixel in the middle third is opaque.
            const grabbed = grabImage(image)
            let opaque = 0
            for (let x = 0; x < 24; ++x)
                for (let y = 0; y < 24; ++y)
                    opaque += grabbed.pixel(x, y).a > 0.5 ? 1 : 0
            verify(opaque > 20, data.name + ": " + opaque + " opaque pixels")
        }

        function test_buttonsCarryIconAndText() {
            const session = SimDriver.offer("sim/desk", "alice")
            verify(session.answer() > 0)
            tryCompare(session, "state", Tapi.Connected)
            const panel = createTemporaryObject(panelComponent, root, { session: session })
            const hold = findChild(panel, "holdButton")
            compare(hold.icon.source, Theme.icon("hold"))
            compare(hold.text, "Hold")
            compare(hold.Accessible.name, "Hold")
            const mute = findChild(panel, "muteButton")
            compare(mute.icon.source, Theme.icon("mute"))
            mouseClick(mute)
            compare(mute.icon.source, Theme.icon("microphone")) // the next action: unmute
            CallEngine.mute.setMuted(false)
            compare(findChild(panel, "dropButton").icon.source, Theme.icon("drop"))
            session.drop()
        }

        function test_bannerButtonsCarryIcons() {
            const session = SimDriver.offer("sim/desk", "alice")
            const banner = createTemporaryObject(bannerComponent, root, { session: session })
            const answer = findChild(banner, "answerButton")
            compare(answer.icon.source, Theme.icon("answer"))
            compare(answer.text, "Answer")
            const reject = findChild(banner, "rejectButton")
            compare(reject.icon.source, Theme.icon("reject"))
            compare(reject.Accessible.name, "Reject the incoming call")
            session.reject()
        }
    }
}
