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
    Component { id: wrapUpComponent; WrapUpForm { width: 600 } }
    Component { id: dropComponent; DropControls { width: 600 } }

    TestCase {
        name: "Language"
        when: windowShown

        function cleanup() {
            SimDriver.setSettingValue("ui/language", "")
            SimDriver.startLanguage("") // no --lang override left for the next test
            SimDriver.setLanguage("en")
            SimDriver.reset()
        }

        function countNamed(item, name) {
            let count = item.objectName === name ? 1 : 0
            for (let i = 0; i < item.children.length; ++i)
                count += countNamed(item.children[i], name)
            return count
        }

        function settingsPage() {
            return createTemporaryObject(settingsComponent, root, { phoneBinding: SimDriver.phoneBinding() })
        }

        // What the binary ships: the catalogues compiled into the executable and the compiled Hookline.Ui
        // module, never copies in the build folder.
        function test_shippedCatalogueAndModule() {
            verify(SimDriver.setLanguage("zh_TW"))
            compare(UiLanguage.current, "zh_TW")
            compare(UiLanguage.catalogue, ":/i18n/hookline_zh_TW.qm")
            verify(SimDriver.setLanguage("en"))
            compare(UiLanguage.current, "en")
            compare(UiLanguage.catalogue, ":/i18n/hookline_en.qm")
            verify(!SimDriver.setLanguage("fr")) // no catalogue: the English source strings show
            compare(UiLanguage.catalogue, "")
            const page = settingsPage()
            compare(SimDriver.sourceUrl(findChild(page, "languageChoice")), "qrc:/qt/qml/Hookline/Ui/pages/SettingsPage.qml")
        }

        // Settings › Language: stored, applied at once (retranslated), back to the system's language.
        function test_settingsChoice() {
            SimDriver.setLanguage("en")
            const page = settingsPage()
            const choice = findChild(page, "languageChoice")
            const theme = findChild(page, "themeChoice")
            compare(choice.currentIndex, 0) // nothing stored: follows the system
            compare(theme.displayText, "Follow the system")
            verify(!findChild(page, "languageOverrideNote").visible)
            choice.forceActiveFocus()
            keyClick(Qt.Key_Down) // English
            keyClick(Qt.Key_Down) // 繁體中文
            compare(choice.displayText, "繁體中文")
            compare(SimDriver.settingValue("ui/language"), "zh_TW")
            compare(UiLanguage.choice, "zh_TW")
            compare(UiLanguage.current, "zh_TW")
            tryCompare(theme, "displayText", "跟隨系統") // the open page follows at once
            compare(findChild(page, "languageChoice").displayText, "繁體中文")
            keyClick(Qt.Key_Up)
            compare(SimDriver.settingValue("ui/language"), "en")
            tryCompare(theme, "displayText", "Follow the system")
            // A choice shown in another combo box survives the switch (its model is not replaced).
            theme.forceActiveFocus()
            keyClick(Qt.Key_Down) // Light
            keyClick(Qt.Key_Down) // Dark
            compare(Theme.override, "dark")
            choice.forceActiveFocus()
            keyClick(Qt.Key_Down) // 繁體中文
            tryCompare(theme, "displayText", "深色")
            compare(theme.currentIndex, 2)
            compare(Theme.override, "dark")
            Theme.override = "system"
            keyClick(Qt.Key_Up) // English
            // The recording channels likewise (stored mono, shown in the new language after the switch).
            const channels = findChild(findChild(page, "audioDevicesPane"), "recordingLayout")
            channels.forceActiveFocus()
            keyClick(Qt.Key_Down) // Mono
            compare(SimDriver.settingValue("recording/layout"), "mono")
            compare(channels.displayText, "Mono: both mixed")
            choice.forceActiveFocus()
            keyClick(Qt.Key_Down) // 繁體中文
            tryCompare(channels, "displayText", "單聲道：雙方混音")
            compare(channels.currentIndex, 1)
            SimDriver.setSettingValue("recording/layout", "stereo")
            keyClick(Qt.Key_Up) // English
            keyClick(Qt.Key_Up)
            compare(SimDriver.settingValue("ui/language"), "")
            compare(UiLanguage.choice, "")
            // The system's language (the test machine's locale decides which catalogue that is).
            compare(UiLanguage.current === "zh_TW", Qt.locale().name === "zh_TW")
        }

        // A disposition or drop reason being chosen stays chosen when the language changes.
        function test_choicesSurviveLanguageSwitch() {
            SimDriver.setLanguage("en")
            const wrapUp = createTemporaryObject(wrapUpComponent, root)
            const drop = createTemporaryObject(dropComponent, root, { y: 200 })
            const disposition = findChild(wrapUp, "wrapUpDisposition")
            const reason = findChild(drop, "dropReason")
            disposition.forceActiveFocus()
            keyClick(Qt.Key_Down)
            keyClick(Qt.Key_Down)
            compare(disposition.displayText, "Sale")
            reason.forceActiveFocus()
            keyClick(Qt.Key_Down)
            keyClick(Qt.Key_Down)
            compare(drop.reasonCode, "sale")
            verify(SimDriver.setLanguage("zh_TW"))
            tryCompare(disposition, "displayText", "成交")
            compare(disposition.currentIndex, 2)
            compare(reason.displayText, "成交")
            compare(drop.reasonCode, "sale")
        }

        // As main.cpp at start-up: the stored choice, unless --lang overrides it for this run (with a note).
        function test_commandLineOverridesChoice() {
            SimDriver.setSettingValue("ui/language", "zh_TW")
            SimDriver.startLanguage("")
            compare(UiLanguage.current, "zh_TW")
            SimDriver.startLanguage("en")
            compare(UiLanguage.current, "en")
            compare(UiLanguage.commandLineOverride, "en")
            compare(SimDriver.settingValue("ui/language"), "zh_TW") // the run's --lang is not stored
            const page = settingsPage()
            const note = findChild(page, "languageOverrideNote")
            verify(note.visible)
            compare(note.text, "This run started with --lang en. A language chosen here applies at once and at every start.")
            compare(findChild(page, "languageChoice").displayText, "繁體中文") // the stored choice
            // A choice made here ends the override and applies.
            findChild(page, "languageChoice").forceActiveFocus()
            keyClick(Qt.Key_Up) // English
            compare(UiLanguage.commandLineOverride, "")
            verify(!note.visible)
            keyClick(Qt.Key_Down) // 繁體中文
            compare(UiLanguage.current, "zh_TW")
            compare(SimDriver.settingValue("ui/language"), "zh_TW")
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
            // The retranslated rows replace the old ones, which go at a later deferred delete: until then a
            // click may land on a row that moved.
            tryVerify(function() { return countNamed(editor, "change_answer") === 1 })
            waitForRendering(editor) // and the layout has closed the gap they left
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
