import QtQuick
import QtQuick.Controls
import QtTest
import Hookline.Engine
import Hookline.Ui
import Hookline.TestSupport

// Traditional Chinese: the catalogue loads and the console's strings switch at run time.
Item {
    id: root
    width: 1280
    height: 800

    Component { id: bannerComponent; IncomingBanner { width: 900 } }

    TestCase {
        name: "Language"
        when: windowShown

        function cleanup() {
            SimDriver.setLanguage("en")
            SimDriver.reset()
        }

        function test_zhTW() {
            const session = SimDriver.offer("sim/norej", "grace")
            const banner = createTemporaryObject(bannerComponent, root, { session: session })
            compare(findChild(banner, "answerButton").text, "Answer")
            verify(SimDriver.setLanguage("zh_TW"))
            tryCompare(findChild(banner, "answerButton"), "text", "接聽")
            compare(findChild(banner, "rejectButton").text, "拒接")
            compare(findChild(banner, "rejectReason").text, "此線路無法拒接來電：請接聽或讓它繼續響鈴。")
            compare(Names.state(Tapi.Connected), "通話中")
            compare(Names.mode(Tapi.Connected, Tapi.ConnectedInactive), "本機未參與")
            compare(Names.agentState(AgentState.NotReady), "未就緒")
            // The caller's name is data, never translated or interpreted.
            compare(findChild(banner, "incomingCallerName").text, "Grace Gray")
        }
    }
}
