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
    Component { id: settingsComponent; SettingsPage { anchors.fill: parent } }

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

        function test_zhTWSettings() {
            SimDriver.plugPhone("0b0e:0307:A1", "Jabra Evolve")
            SimDriver.phoneUnusable("1395:0300:C3", "EPOS Impact", "no permission")
            const store = Qt.createQmlObject('import QtQuick; QtObject { property string answer: "Ctrl+Shift+A" }', root)
            const page = createTemporaryObject(settingsComponent, root, { phoneBinding: SimDriver.phoneBinding(),
                                                 shortcutSettings: store, defaultShortcuts: { answer: "Ctrl+Shift+A" } })
            const editor = findChild(page, "shortcutEditor")
            mouseClick(findChild(editor, "change_answer"))
            keyClick(Qt.Key_Escape)
            compare(editor.message, "Unchanged: Answer the incoming call stays Ctrl+Shift+A.")
            verify(SimDriver.setLanguage("zh_TW"))
            wait(0) // the retranslated rows replace the old ones, which go at the next deferred delete
            tryCompare(findChild(editor, "change_answer"), "text", "變更")
            compare(editor.message, "未變更：接聽來電 仍為 Ctrl+Shift+A。") // the last message follows the language
            compare(findChild(editor, "reset_answer").text, "重設")
            mouseClick(findChild(editor, "change_answer"))
            compare(editor.capturing, "answer")
            compare(findChild(editor, "shortcut_answer").text, "請按下按鍵…")
            keyClick(Qt.Key_Escape)
            compare(findChild(findChild(page, "headset_0b0e:0307:A1"), "headsetStatus").text, "使用中")
            compare(findChild(findChild(page, "headset_1395:0300:C3"), "headsetStatus").text, "無法使用：no permission")
            verify(findChild(page, "muteLockStatus").text.startsWith("靜音鎖定：關閉"))
            store.destroy()
        }
    }
}
