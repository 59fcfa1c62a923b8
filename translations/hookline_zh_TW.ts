<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW">
<context>
    <name>AccessibleQuickItem</name>
    <message>
        <location filename="../ui/AccessibleQuickItem.cpp" line="95"/>
        <source>Scroll %1</source>
        <translation>捲動%1</translation>
    </message>
    <message>
        <location filename="../ui/AccessibleQuickItem.cpp" line="93"/>
        <source>Scroll %1 sideways</source>
        <translation>左右捲動%1</translation>
    </message>
</context>
<context>
    <name>ActiveSessionPanel</name>
    <message>
        <location filename="../ui/components/ActiveSessionPanel.qml" line="56"/>
        <source>Select a call in the list</source>
        <translation>請從清單中選擇通話</translation>
    </message>
    <message>
        <location filename="../ui/components/ActiveSessionPanel.qml" line="76"/>
        <location filename="../ui/components/ActiveSessionPanel.qml" line="174"/>
        <source>Conference</source>
        <translation>會議</translation>
    </message>
    <message>
        <location filename="../ui/components/ActiveSessionPanel.qml" line="116"/>
        <source>Ended by</source>
        <translation>結束原因</translation>
    </message>
    <message>
        <location filename="../ui/components/ActiveSessionPanel.qml" line="121"/>
        <source>this station</source>
        <translation>本機</translation>
    </message>
    <message>
        <location filename="../ui/components/ActiveSessionPanel.qml" line="123"/>
        <source>Caller-ID date</source>
        <translation>來電顯示日期</translation>
    </message>
    <message>
        <location filename="../ui/components/ActiveSessionPanel.qml" line="131"/>
        <source>Caller data</source>
        <translation>來電資料</translation>
    </message>
    <message>
        <location filename="../ui/components/ActiveSessionPanel.qml" line="135"/>
        <source>none</source>
        <translation>無</translation>
    </message>
    <message>
        <location filename="../ui/components/ActiveSessionPanel.qml" line="29"/>
        <location filename="../ui/components/ActiveSessionPanel.qml" line="147"/>
        <source>Unhold</source>
        <translation>取回</translation>
    </message>
    <message>
        <location filename="../ui/components/ActiveSessionPanel.qml" line="29"/>
        <location filename="../ui/components/ActiveSessionPanel.qml" line="147"/>
        <source>Hold</source>
        <translation>保留</translation>
    </message>
    <message>
        <location filename="../ui/components/ActiveSessionPanel.qml" line="156"/>
        <source>Consult transfer</source>
        <translation>諮詢轉接</translation>
    </message>
    <message>
        <location filename="../ui/components/ActiveSessionPanel.qml" line="159"/>
        <source>Start a consultation for transfer</source>
        <translation>開始諮詢以便轉接</translation>
    </message>
    <message>
        <location filename="../ui/components/ActiveSessionPanel.qml" line="166"/>
        <source>Complete transfer</source>
        <translation>完成轉接</translation>
    </message>
    <message>
        <location filename="../ui/components/ActiveSessionPanel.qml" line="177"/>
        <source>Set up a conference</source>
        <translation>建立會議</translation>
    </message>
    <message>
        <location filename="../ui/components/ActiveSessionPanel.qml" line="184"/>
        <source>Add party</source>
        <translation>加入通話方</translation>
    </message>
    <message>
        <location filename="../ui/components/ActiveSessionPanel.qml" line="187"/>
        <source>Call another party for the conference</source>
        <translation>撥給另一方以加入會議</translation>
    </message>
    <message>
        <location filename="../ui/components/ActiveSessionPanel.qml" line="194"/>
        <source>Add to conference</source>
        <translation>加入會議</translation>
    </message>
    <message>
        <location filename="../ui/components/ActiveSessionPanel.qml" line="203"/>
        <source>Remove from conference</source>
        <translation>移出會議</translation>
    </message>
    <message>
        <location filename="../ui/components/ActiveSessionPanel.qml" line="214"/>
        <source>Unmute</source>
        <translation>取消靜音</translation>
    </message>
    <message>
        <location filename="../ui/components/ActiveSessionPanel.qml" line="214"/>
        <source>Mute</source>
        <translation>靜音</translation>
    </message>
    <message>
        <location filename="../ui/components/ActiveSessionPanel.qml" line="215"/>
        <source>Unmute the microphone</source>
        <translation>取消麥克風靜音</translation>
    </message>
    <message>
        <location filename="../ui/components/ActiveSessionPanel.qml" line="215"/>
        <source>Mute the microphone</source>
        <translation>將麥克風靜音</translation>
    </message>
    <message>
        <location filename="../ui/components/ActiveSessionPanel.qml" line="42"/>
        <source>Nothing to save: the selected call has not ended.</source>
        <translation>沒有要儲存的內容：選取的通話尚未結束。</translation>
    </message>
    <message>
        <location filename="../ui/components/ActiveSessionPanel.qml" line="249"/>
        <source>Notes</source>
        <translation>備註</translation>
    </message>
    <message>
        <location filename="../ui/components/ActiveSessionPanel.qml" line="252"/>
        <source>Call notes</source>
        <translation>通話備註</translation>
    </message>
    <message>
        <location filename="../ui/components/ActiveSessionPanel.qml" line="51"/>
        <source>Selected call</source>
        <translation>選取的通話</translation>
    </message>
</context>
<context>
    <name>AgentConsole</name>
    <message>
        <location filename="../ui/AgentConsole.qml" line="181"/>
        <source>Calls (%1)</source>
        <translation>通話（%1）</translation>
    </message>
    <message>
        <location filename="../ui/AgentConsole.qml" line="21"/>
        <location filename="../ui/AgentConsole.qml" line="32"/>
        <source>No call is ringing.</source>
        <translation>目前沒有來電響鈴。</translation>
    </message>
    <message>
        <location filename="../ui/AgentConsole.qml" line="24"/>
        <source>Answer</source>
        <translation>接聽</translation>
    </message>
    <message>
        <location filename="../ui/AgentConsole.qml" line="40"/>
        <source>Reject</source>
        <translation>拒接</translation>
    </message>
</context>
<context>
    <name>AgentStateBar</name>
    <message>
        <location filename="../ui/components/AgentStateBar.qml" line="53"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location filename="../ui/components/AgentStateBar.qml" line="58"/>
        <source>Agent state: %1</source>
        <translation>客服狀態：%1</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/components/AgentStateBar.qml" line="81"/>
        <source>%n s left</source>
        <translation>
            <numerusform>剩 %n 秒</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/components/AgentStateBar.qml" line="87"/>
        <source>+30 s</source>
        <translation>+30 秒</translation>
    </message>
    <message>
        <location filename="../ui/components/AgentStateBar.qml" line="88"/>
        <source>Extend wrap-up by 30 seconds</source>
        <translation>整理時間延長 30 秒</translation>
    </message>
    <message>
        <location filename="../ui/components/AgentStateBar.qml" line="94"/>
        <source>Finish wrap-up</source>
        <translation>結束整理</translation>
    </message>
    <message>
        <location filename="../ui/components/AgentStateBar.qml" line="101"/>
        <source>Next state…</source>
        <translation>下一個狀態…</translation>
    </message>
    <message>
        <location filename="../ui/components/AgentStateBar.qml" line="101"/>
        <source>Change state…</source>
        <translation>變更狀態…</translation>
    </message>
    <message>
        <location filename="../ui/components/AgentStateBar.qml" line="102"/>
        <source>Choose the state after this call</source>
        <translation>選擇本通話後的狀態</translation>
    </message>
    <message>
        <location filename="../ui/components/AgentStateBar.qml" line="102"/>
        <source>Change the agent state</source>
        <translation>變更客服狀態</translation>
    </message>
    <message>
        <location filename="../ui/components/AgentStateBar.qml" line="109"/>
        <source>Ready</source>
        <translation>就緒</translation>
    </message>
    <message>
        <location filename="../ui/components/AgentStateBar.qml" line="114"/>
        <source>Not ready</source>
        <translation>未就緒</translation>
    </message>
    <message>
        <location filename="../ui/components/AgentStateBar.qml" line="120"/>
        <source>Not ready: %1</source>
        <translation>未就緒：%1</translation>
    </message>
    <message>
        <location filename="../ui/components/AgentStateBar.qml" line="126"/>
        <source>Offline</source>
        <translation>離線</translation>
    </message>
    <message>
        <location filename="../ui/components/AgentStateBar.qml" line="131"/>
        <source>Keep the current state</source>
        <translation>維持目前狀態</translation>
    </message>
    <message>
        <location filename="../ui/components/AgentStateBar.qml" line="141"/>
        <source>then: %1</source>
        <translation>接著：%1</translation>
    </message>
    <message>
        <location filename="../ui/components/AgentStateBar.qml" line="147"/>
        <source>Microphone muted</source>
        <translation>麥克風已靜音</translation>
    </message>
    <message>
        <location filename="../ui/components/AgentStateBar.qml" line="25"/>
        <source>Ready after this call.</source>
        <translation>此通話結束後轉為就緒。</translation>
    </message>
    <message>
        <location filename="../ui/components/AgentStateBar.qml" line="63"/>
        <source>On call</source>
        <translation>通話中</translation>
    </message>
    <message>
        <location filename="../ui/components/AgentStateBar.qml" line="76"/>
        <source>On call for %1</source>
        <translation>已通話 %1</translation>
    </message>
    <message>
        <location filename="../ui/components/AgentStateBar.qml" line="76"/>
        <source>In this state for %1</source>
        <translation>處於此狀態 %1</translation>
    </message>
</context>
<context>
    <name>AudioDevices</name>
    <message>
        <location filename="../engine/audio/AudioDevices.cpp" line="196"/>
        <source>System default (none available)</source>
        <translation>系統預設（無可用裝置）</translation>
    </message>
    <message>
        <location filename="../engine/audio/AudioDevices.cpp" line="197"/>
        <source>System default (%1)</source>
        <translation>系統預設（%1）</translation>
    </message>
    <message>
        <location filename="../engine/audio/AudioDevices.cpp" line="203"/>
        <source>%1 (not connected)</source>
        <translation>%1（未連接）</translation>
    </message>
    <message>
        <location filename="../engine/audio/AudioDevices.cpp" line="225"/>
        <source>microphone</source>
        <translation>麥克風</translation>
    </message>
    <message>
        <location filename="../engine/audio/AudioDevices.cpp" line="225"/>
        <source>output</source>
        <translation>輸出裝置</translation>
    </message>
    <message>
        <location filename="../engine/audio/AudioDevices.cpp" line="228"/>
        <source>The chosen %1 &quot;%2&quot; is not connected; using the system default &quot;%3&quot;.</source>
        <translation>所選的%1「%2」未連接；改用系統預設「%3」。</translation>
    </message>
    <message>
        <location filename="../engine/audio/AudioDevices.cpp" line="232"/>
        <source>No %1 is available.</source>
        <translation>沒有可用的%1。</translation>
    </message>
</context>
<context>
    <name>AudioDevicesPane</name>
    <message>
        <location filename="../ui/components/AudioDevicesPane.qml" line="88"/>
        <source>Microphone</source>
        <translation>麥克風</translation>
    </message>
    <message>
        <location filename="../ui/components/AudioDevicesPane.qml" line="96"/>
        <source>Earpiece</source>
        <translation>耳機聽筒</translation>
    </message>
    <message>
        <location filename="../ui/components/AudioDevicesPane.qml" line="104"/>
        <source>Ringer</source>
        <translation>鈴聲裝置</translation>
    </message>
    <message>
        <location filename="../ui/components/AudioDevicesPane.qml" line="156"/>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <location filename="../ui/components/AudioDevicesPane.qml" line="159"/>
        <source>Clear %1</source>
        <translation>清除%1</translation>
    </message>
    <message>
        <location filename="../ui/components/AudioDevicesPane.qml" line="170"/>
        <source>Ringtone file</source>
        <translation>鈴聲檔案</translation>
    </message>
    <message>
        <location filename="../ui/components/AudioDevicesPane.qml" line="173"/>
        <source>The built-in ringtone</source>
        <translation>內建鈴聲</translation>
    </message>
    <message>
        <location filename="../ui/components/AudioDevicesPane.qml" line="180"/>
        <source>Ringing with the built-in ringtone.</source>
        <translation>目前使用內建鈴聲。</translation>
    </message>
    <message>
        <location filename="../ui/components/AudioDevicesPane.qml" line="181"/>
        <source>Ringing with %1.</source>
        <translation>目前使用鈴聲 %1。</translation>
    </message>
    <message>
        <location filename="../ui/components/AudioDevicesPane.qml" line="198"/>
        <source>Music on hold</source>
        <translation>保留音樂</translation>
    </message>
    <message>
        <location filename="../ui/components/AudioDevicesPane.qml" line="202"/>
        <source>None: a held caller hears silence</source>
        <translation>無：保留中的來電者只會聽到靜音</translation>
    </message>
    <message>
        <location filename="../ui/components/AudioDevicesPane.qml" line="209"/>
        <source>Record every call automatically</source>
        <translation>自動錄下每通電話</translation>
    </message>
    <message>
        <location filename="../ui/components/AudioDevicesPane.qml" line="221"/>
        <source>Recordings folder</source>
        <translation>錄音資料夾</translation>
    </message>
    <message>
        <location filename="../ui/components/AudioDevicesPane.qml" line="225"/>
        <source>The default folder</source>
        <translation>預設資料夾</translation>
    </message>
    <message>
        <location filename="../ui/components/AudioDevicesPane.qml" line="228"/>
        <location filename="../ui/components/AudioDevicesPane.qml" line="237"/>
        <source>Recording format</source>
        <translation>錄音格式</translation>
    </message>
    <message>
        <location filename="../ui/components/AudioDevicesPane.qml" line="233"/>
        <source>WAV</source>
        <translation>WAV</translation>
    </message>
    <message>
        <location filename="../ui/components/AudioDevicesPane.qml" line="233"/>
        <source>FLAC</source>
        <translation>FLAC</translation>
    </message>
    <message>
        <location filename="../ui/components/AudioDevicesPane.qml" line="233"/>
        <source>Ogg Opus</source>
        <translation>Ogg Opus</translation>
    </message>
    <message>
        <location filename="../ui/components/AudioDevicesPane.qml" line="244"/>
        <location filename="../ui/components/AudioDevicesPane.qml" line="253"/>
        <source>Recording channels</source>
        <translation>錄音聲道</translation>
    </message>
    <message>
        <location filename="../ui/components/AudioDevicesPane.qml" line="249"/>
        <source>Stereo: caller left, agent right</source>
        <translation>立體聲：來電者在左、客服人員在右</translation>
    </message>
    <message>
        <location filename="../ui/components/AudioDevicesPane.qml" line="249"/>
        <source>Mono: both mixed</source>
        <translation>單聲道：雙方混音</translation>
    </message>
    <message>
        <location filename="../ui/components/AudioDevicesPane.qml" line="260"/>
        <source>Music on hold takes effect at the next hold; recording settings at the next recording.</source>
        <translation>保留音樂於下次保留時生效；錄音設定於下次錄音時生效。</translation>
    </message>
    <message>
        <location filename="../ui/components/AudioDevicesPane.qml" line="148"/>
        <source>Browse for %1</source>
        <translation>瀏覽%1</translation>
    </message>
    <message>
        <location filename="../ui/components/AudioDevicesPane.qml" line="174"/>
        <location filename="../ui/components/AudioDevicesPane.qml" line="201"/>
        <source>Sound files (*.wav *.flac *.ogg *.opus *.mp3)</source>
        <translation>音訊檔案 (*.wav *.flac *.ogg *.opus *.mp3)</translation>
    </message>
    <message>
        <location filename="../ui/components/AudioDevicesPane.qml" line="174"/>
        <location filename="../ui/components/AudioDevicesPane.qml" line="201"/>
        <source>All files (*)</source>
        <translation>所有檔案 (*)</translation>
    </message>
    <message>
        <location filename="../ui/components/AudioDevicesPane.qml" line="158"/>
        <source>Already empty.</source>
        <translation>已經是空的。</translation>
    </message>
</context>
<context>
    <name>AudioStatus</name>
    <message>
        <location filename="../ui/components/AudioStatus.qml" line="15"/>
        <source>Call audio</source>
        <translation>通話音訊</translation>
    </message>
    <message>
        <location filename="../ui/components/AudioStatus.qml" line="33"/>
        <source>Earpiece: %1</source>
        <translation>耳機聽筒：%1</translation>
    </message>
    <message>
        <location filename="../ui/components/AudioStatus.qml" line="33"/>
        <location filename="../ui/components/AudioStatus.qml" line="39"/>
        <source>none</source>
        <translation>無</translation>
    </message>
    <message>
        <location filename="../ui/components/AudioStatus.qml" line="39"/>
        <source>Microphone: %1</source>
        <translation>麥克風：%1</translation>
    </message>
    <message>
        <location filename="../ui/components/AudioStatus.qml" line="54"/>
        <source>Audio moved: %1</source>
        <translation>音訊已轉移：%1</translation>
    </message>
    <message>
        <location filename="../ui/components/AudioStatus.qml" line="59"/>
        <source>Caller</source>
        <translation>來電者</translation>
    </message>
    <message>
        <location filename="../ui/components/AudioStatus.qml" line="60"/>
        <source>You</source>
        <translation>您</translation>
    </message>
    <message>
        <location filename="../ui/components/AudioStatus.qml" line="74"/>
        <source>%1 level %2 dBFS</source>
        <translation>%1 音量 %2 dBFS</translation>
    </message>
    <message>
        <location filename="../ui/components/AudioStatus.qml" line="98"/>
        <source>Stop recording</source>
        <translation>停止錄音</translation>
    </message>
    <message>
        <location filename="../ui/components/AudioStatus.qml" line="98"/>
        <source>Record</source>
        <translation>錄音</translation>
    </message>
    <message>
        <location filename="../ui/components/AudioStatus.qml" line="113"/>
        <source>Resume</source>
        <translation>繼續</translation>
    </message>
    <message>
        <location filename="../ui/components/AudioStatus.qml" line="113"/>
        <source>Pause</source>
        <translation>暫停</translation>
    </message>
    <message>
        <location filename="../ui/components/AudioStatus.qml" line="116"/>
        <source>Resume recording</source>
        <translation>繼續錄音</translation>
    </message>
    <message>
        <location filename="../ui/components/AudioStatus.qml" line="116"/>
        <source>Pause recording</source>
        <translation>暫停錄音</translation>
    </message>
    <message>
        <location filename="../ui/components/AudioStatus.qml" line="125"/>
        <source>Recording to %1</source>
        <translation>正在錄音至 %1</translation>
    </message>
    <message>
        <location filename="../ui/components/AudioStatus.qml" line="126"/>
        <source>Paused: %1</source>
        <translation>已暫停：%1</translation>
    </message>
    <message>
        <location filename="../ui/components/AudioStatus.qml" line="127"/>
        <source>Saved %1</source>
        <translation>已儲存 %1</translation>
    </message>
    <message>
        <location filename="../ui/components/AudioStatus.qml" line="102"/>
        <source>The call has ended: there is nothing left to record.</source>
        <translation>通話已結束：沒有可錄音的內容。</translation>
    </message>
    <message>
        <location filename="../ui/components/AudioStatus.qml" line="115"/>
        <source>Nothing is being recorded.</source>
        <translation>目前沒有在錄音。</translation>
    </message>
</context>
<context>
    <name>BlindTransferField</name>
    <message>
        <location filename="../ui/components/BlindTransferField.qml" line="31"/>
        <source>Transfer to number</source>
        <translation>轉接至號碼</translation>
    </message>
    <message>
        <location filename="../ui/components/BlindTransferField.qml" line="33"/>
        <source>Number to transfer the call to</source>
        <translation>要將通話轉接到的號碼</translation>
    </message>
    <message>
        <location filename="../ui/components/BlindTransferField.qml" line="41"/>
        <source>Blind transfer</source>
        <translation>直接轉接</translation>
    </message>
    <message>
        <location filename="../ui/components/BlindTransferField.qml" line="43"/>
        <source>Transfer the call without consulting</source>
        <translation>不先諮詢，直接轉接通話</translation>
    </message>
</context>
<context>
    <name>BrowseButton</name>
    <message>
        <location filename="../ui/components/BrowseButton.qml" line="20"/>
        <source>Browse…</source>
        <translation>瀏覽…</translation>
    </message>
    <message>
        <location filename="../ui/components/BrowseButton.qml" line="47"/>
        <source>All files (*)</source>
        <translation>所有檔案 (*)</translation>
    </message>
</context>
<context>
    <name>CallAudioMixer</name>
    <message>
        <location filename="../engine/audio/CallAudioMixer.cpp" line="227"/>
        <source>The call has no audio to record.</source>
        <translation>此通話沒有可錄製的音訊。</translation>
    </message>
</context>
<context>
    <name>CallAudioRouter</name>
    <message>
        <location filename="../engine/audio/CallAudioRouter.cpp" line="118"/>
        <source>Cannot play the music on hold %1: %2</source>
        <translation>無法播放保留音樂 %1：%2</translation>
    </message>
    <message>
        <location filename="../engine/audio/CallAudioRouter.cpp" line="451"/>
        <source>Cannot record: the folder %1 cannot be created.</source>
        <translation>無法錄音：無法建立資料夾 %1。</translation>
    </message>
    <message>
        <location filename="../engine/audio/CallAudioRouter.cpp" line="474"/>
        <source>Cannot record: the call has no audio.</source>
        <translation>無法錄音：此通話沒有音訊。</translation>
    </message>
    <message>
        <location filename="../engine/audio/CallAudioRouter.cpp" line="483"/>
        <source>The call is already being recorded into %1.</source>
        <translation>此通話已在錄音至 %1。</translation>
    </message>
    <message>
        <location filename="../engine/audio/CallAudioRouter.cpp" line="498"/>
        <source>Hookline call %1</source>
        <translation>Hookline 通話 %1</translation>
    </message>
</context>
<context>
    <name>CallLog</name>
    <message>
        <location filename="../engine/log/CallLogStore.cpp" line="121"/>
        <source>The call history file %1 is damaged and cannot be moved aside: calls are not being recorded.</source>
        <translation>通話紀錄檔 %1 已損毀且無法移開：目前不會記錄通話。</translation>
    </message>
    <message>
        <location filename="../engine/log/CallLogStore.cpp" line="130"/>
        <source>The call history file was damaged. It was set aside as %1 and a new, empty history was started; calls are recorded again.</source>
        <translation>通話紀錄檔已損毀，已另存為 %1，並建立新的空白紀錄；通話會再次被記錄。</translation>
    </message>
</context>
<context>
    <name>ConferenceCard</name>
    <message>
        <location filename="../ui/components/ConferenceCard.qml" line="21"/>
        <location filename="../ui/components/ConferenceCard.qml" line="33"/>
        <source>Conference %1</source>
        <translation>會議 %1</translation>
    </message>
    <message>
        <location filename="../ui/components/ConferenceCard.qml" line="44"/>
        <source>Events</source>
        <translation>事件</translation>
    </message>
    <message>
        <location filename="../ui/components/ConferenceCard.qml" line="45"/>
        <source>Show this conference&apos;s events</source>
        <translation>顯示此會議的事件</translation>
    </message>
    <message>
        <location filename="../ui/components/ConferenceCard.qml" line="51"/>
        <location filename="../ui/components/ConferenceCard.qml" line="56"/>
        <source>Drop conference</source>
        <translation>結束會議</translation>
    </message>
    <message>
        <location filename="../ui/components/ConferenceCard.qml" line="62"/>
        <source>No parties</source>
        <translation>沒有通話方</translation>
    </message>
    <message>
        <location filename="../ui/components/ConferenceCard.qml" line="87"/>
        <source>Remove</source>
        <translation>移出</translation>
    </message>
    <message>
        <location filename="../ui/components/ConferenceCard.qml" line="90"/>
        <source>Remove this party from the conference</source>
        <translation>將此通話方移出會議</translation>
    </message>
    <message>
        <location filename="../ui/components/ConferenceCard.qml" line="96"/>
        <source>Drop</source>
        <translation>掛斷</translation>
    </message>
    <message>
        <location filename="../ui/components/ConferenceCard.qml" line="99"/>
        <source>Drop this party</source>
        <translation>掛斷此通話方</translation>
    </message>
</context>
<context>
    <name>ConfirmDropAll</name>
    <message>
        <location filename="../ui/components/ConfirmDropAll.qml" line="27"/>
        <source>Drop the whole conference?</source>
        <translation>要結束整個會議嗎？</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/components/ConfirmDropAll.qml" line="52"/>
        <source>All %n parties will be disconnected.</source>
        <translation>
            <numerusform>全部 %n 方都會被掛斷。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/components/ConfirmDropAll.qml" line="53"/>
        <source>Every party will be disconnected.</source>
        <translation>每一方都會被掛斷。</translation>
    </message>
    <message>
        <location filename="../ui/components/ConfirmDropAll.qml" line="60"/>
        <source>Drop all</source>
        <translation>全部掛斷</translation>
    </message>
    <message>
        <location filename="../ui/components/ConfirmDropAll.qml" line="64"/>
        <source>Drop the whole conference</source>
        <translation>結束整個會議</translation>
    </message>
    <message>
        <location filename="../ui/components/ConfirmDropAll.qml" line="69"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../ui/components/ConfirmDropAll.qml" line="71"/>
        <source>Keep the conference</source>
        <translation>保留會議</translation>
    </message>
</context>
<context>
    <name>ConsoleApp</name>
    <message>
        <location filename="../app/ConsoleApp.cpp" line="220"/>
        <source>The sound-card lines in the settings (soundLines, %1) are not used: %2</source>
        <translation>設定中的類比音效卡線路（soundLines，%1）未啟用：%2</translation>
    </message>
    <message>
        <location filename="../app/ConsoleApp.cpp" line="257"/>
        <source>The scenario&apos;s SIP lines are not used: %1</source>
        <translation>情境中的 SIP 線路未啟用：%1</translation>
    </message>
</context>
<context>
    <name>ConsoleSettings</name>
    <message>
        <location filename="../engine/settings/ConsoleSettings.cpp" line="224"/>
        <source>%1=%2: expected a number of lines from 0 to %3</source>
        <translation>%1=%2：線路數量應為 0 到 %3 的數字</translation>
    </message>
    <message>
        <location filename="../engine/settings/ConsoleSettings.cpp" line="227"/>
        <source>%1=%2: expected a number of accounts from 0 to %3</source>
        <translation>%1=%2：帳號數量應為 0 到 %3 的數字</translation>
    </message>
</context>
<context>
    <name>DialPad</name>
    <message>
        <location filename="../ui/components/DialPad.qml" line="34"/>
        <location filename="../ui/components/DialPad.qml" line="38"/>
        <source>Number to dial</source>
        <translation>要撥打的號碼</translation>
    </message>
    <message>
        <location filename="../ui/components/DialPad.qml" line="46"/>
        <source>Dial</source>
        <translation>撥號</translation>
    </message>
    <message>
        <location filename="../ui/components/DialPad.qml" line="48"/>
        <source>Dial the number</source>
        <translation>撥打此號碼</translation>
    </message>
    <message>
        <location filename="../ui/components/DialPad.qml" line="66"/>
        <source>Keys send tones to the call</source>
        <translation>按鍵會送出按鍵音</translation>
    </message>
    <message>
        <location filename="../ui/components/DialPad.qml" line="84"/>
        <source>Key %1</source>
        <translation>按鍵 %1</translation>
    </message>
</context>
<context>
    <name>DialString</name>
    <message>
        <location filename="../engine/lines/DialString.cpp" line="60"/>
        <source>Type the number to call.</source>
        <translation>請輸入要撥打的號碼。</translation>
    </message>
    <message>
        <location filename="../engine/lines/DialString.cpp" line="62"/>
        <source>Only digits, + at the start, * and # can be dialled; letters cannot.</source>
        <translation>只能撥打數字、開頭的 +、* 與 #；不能撥打字母。</translation>
    </message>
    <message>
        <location filename="../engine/lines/DialString.cpp" line="65"/>
        <source>A + can only start the number.</source>
        <translation>+ 只能放在號碼開頭。</translation>
    </message>
</context>
<context>
    <name>DropControls</name>
    <message>
        <location filename="../ui/components/DropControls.qml" line="63"/>
        <source>No reason</source>
        <translation>無原因</translation>
    </message>
    <message>
        <location filename="../ui/components/DropControls.qml" line="64"/>
        <source>Drop reason</source>
        <translation>掛斷原因</translation>
    </message>
    <message>
        <location filename="../ui/components/DropControls.qml" line="71"/>
        <source>Text for the caller&apos;s system (UUI), optional</source>
        <translation>給來電方系統的資料（UUI），可不填</translation>
    </message>
    <message>
        <location filename="../ui/components/DropControls.qml" line="71"/>
        <source>This line sends no UUI on drop</source>
        <translation>此線路掛斷時不傳送 UUI</translation>
    </message>
    <message>
        <location filename="../ui/components/DropControls.qml" line="73"/>
        <source>User-to-user information sent with the drop</source>
        <translation>掛斷時傳送的使用者對使用者資訊</translation>
    </message>
    <message>
        <location filename="../ui/components/DropControls.qml" line="78"/>
        <source>%1 / %2 bytes</source>
        <translation>%1 / %2 位元組</translation>
    </message>
    <message>
        <location filename="../ui/components/DropControls.qml" line="26"/>
        <location filename="../ui/components/DropControls.qml" line="46"/>
        <location filename="../ui/components/DropControls.qml" line="86"/>
        <source>Drop</source>
        <translation>掛斷</translation>
    </message>
    <message>
        <location filename="../ui/components/DropControls.qml" line="92"/>
        <source>Drop the call</source>
        <translation>掛斷通話</translation>
    </message>
    <message>
        <location filename="../ui/components/DropControls.qml" line="25"/>
        <location filename="../ui/components/DropControls.qml" line="98"/>
        <source>Too long: this line takes at most %1 bytes of UUI on drop.</source>
        <translation>太長了：此線路掛斷時最多只能傳送 %1 位元組的 UUI。</translation>
    </message>
</context>
<context>
    <name>EventLogModel</name>
    <message>
        <location filename="../engine/log/EventLogModel.cpp" line="273"/>
        <source>Only local files can be written: %1</source>
        <translation>只能寫入本機檔案：%1</translation>
    </message>
    <message>
        <location filename="../engine/log/EventLogModel.cpp" line="279"/>
        <source>Cannot write %1: %2</source>
        <translation>無法寫入 %1：%2</translation>
    </message>
</context>
<context>
    <name>EventLogPane</name>
    <message>
        <location filename="../ui/components/EventLogPane.qml" line="21"/>
        <source>Event log</source>
        <translation>事件紀錄</translation>
    </message>
    <message>
        <location filename="../ui/components/EventLogPane.qml" line="22"/>
        <source>Session</source>
        <translation>通話</translation>
    </message>
    <message>
        <location filename="../ui/components/EventLogPane.qml" line="29"/>
        <source>Show events of session (0 for all)</source>
        <translation>顯示通話的事件（0 為全部）</translation>
    </message>
    <message>
        <location filename="../ui/components/EventLogPane.qml" line="31"/>
        <source>Conference</source>
        <translation>會議</translation>
    </message>
    <message>
        <location filename="../ui/components/EventLogPane.qml" line="38"/>
        <source>Show events of conference (0 for all)</source>
        <translation>顯示會議的事件（0 為全部）</translation>
    </message>
    <message>
        <location filename="../ui/components/EventLogPane.qml" line="41"/>
        <source>All events</source>
        <translation>所有事件</translation>
    </message>
    <message>
        <location filename="../ui/components/EventLogPane.qml" line="42"/>
        <source>Clear the event filters</source>
        <translation>清除事件篩選</translation>
    </message>
    <message>
        <location filename="../ui/components/EventLogPane.qml" line="47"/>
        <source>%1 of %2</source>
        <translation>%1 / 共 %2</translation>
    </message>
    <message>
        <location filename="../ui/components/EventLogPane.qml" line="59"/>
        <source>File to export the events to</source>
        <translation>事件匯出檔案</translation>
    </message>
    <message>
        <location filename="../ui/components/EventLogPane.qml" line="72"/>
        <source>Export JSON lines</source>
        <translation>匯出 JSON Lines</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/components/EventLogPane.qml" line="76"/>
        <source>Exported %n event(s).</source>
        <translation>
            <numerusform>已匯出 %n 筆事件。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/components/EventLogPane.qml" line="97"/>
        <source>State changes</source>
        <translation>狀態變化</translation>
    </message>
    <message>
        <location filename="../ui/components/EventLogPane.qml" line="65"/>
        <source>JSON lines (*.jsonl)</source>
        <translation>JSON Lines (*.jsonl)</translation>
    </message>
    <message>
        <location filename="../ui/components/EventLogPane.qml" line="65"/>
        <source>All files (*)</source>
        <translation>所有檔案 (*)</translation>
    </message>
    <message>
        <location filename="../ui/components/EventLogPane.qml" line="66"/>
        <source>Export the events to</source>
        <translation>事件匯出至</translation>
    </message>
    <message>
        <location filename="../ui/components/EventLogPane.qml" line="67"/>
        <source>Browse for the file to export the events to</source>
        <translation>瀏覽要匯出事件的檔案</translation>
    </message>
</context>
<context>
    <name>FloorAgentCard</name>
    <message>
        <location filename="../ui/components/FloorAgentCard.qml" line="29"/>
        <location filename="../ui/components/FloorAgentCard.qml" line="78"/>
        <location filename="../ui/components/FloorAgentCard.qml" line="145"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location filename="../ui/components/FloorAgentCard.qml" line="37"/>
        <source>Barged in on %1&apos;s call</source>
        <translation>已插話加入 %1 的通話</translation>
    </message>
    <message>
        <location filename="../ui/components/FloorAgentCard.qml" line="38"/>
        <source>Whispering to %1</source>
        <translation>正在對 %1 耳語</translation>
    </message>
    <message>
        <location filename="../ui/components/FloorAgentCard.qml" line="39"/>
        <source>Listening to %1</source>
        <translation>正在監聽 %1</translation>
    </message>
    <message>
        <location filename="../ui/components/FloorAgentCard.qml" line="45"/>
        <source>Supervisor %1 has joined a call</source>
        <translation>督導 %1 已加入通話</translation>
    </message>
    <message>
        <location filename="../ui/components/FloorAgentCard.qml" line="46"/>
        <source>Supervisor %1 is whispering</source>
        <translation>督導 %1 正在耳語</translation>
    </message>
    <message>
        <location filename="../ui/components/FloorAgentCard.qml" line="47"/>
        <source>Supervisor %1 is listening</source>
        <translation>督導 %1 正在監聽</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/components/FloorAgentCard.qml" line="75"/>
        <source>%1, %2 for %3, %n call(s)</source>
        <translation>
            <numerusform>%1，%2 已 %3，%n 通通話</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/components/FloorAgentCard.qml" line="80"/>
        <location filename="../ui/components/FloorAgentCard.qml" line="137"/>
        <location filename="../ui/components/FloorAgentCard.qml" line="146"/>
        <location filename="../ui/components/FloorAgentCard.qml" line="153"/>
        <source>Set %1 to %2</source>
        <translation>將 %1 設為%2</translation>
    </message>
    <message>
        <location filename="../ui/components/FloorAgentCard.qml" line="114"/>
        <source>State: %1</source>
        <translation>狀態：%1</translation>
    </message>
    <message>
        <location filename="../ui/components/FloorAgentCard.qml" line="122"/>
        <source>In this state for %1</source>
        <translation>處於此狀態 %1</translation>
    </message>
    <message>
        <location filename="../ui/components/FloorAgentCard.qml" line="128"/>
        <source>Force state…</source>
        <translation>強制設定狀態…</translation>
    </message>
    <message>
        <location filename="../ui/components/FloorAgentCard.qml" line="129"/>
        <source>Force a state on %1</source>
        <translation>強制設定 %1 的狀態</translation>
    </message>
    <message>
        <location filename="../ui/components/FloorAgentCard.qml" line="170"/>
        <source>No calls</source>
        <translation>沒有通話</translation>
    </message>
</context>
<context>
    <name>FloorCallRow</name>
    <message>
        <location filename="../ui/components/FloorCallRow.qml" line="25"/>
        <source>Conference %1</source>
        <translation>會議 %1</translation>
    </message>
    <message>
        <location filename="../ui/components/FloorCallRow.qml" line="34"/>
        <source>%1, %2, on %3, %4</source>
        <translation>%1，%2，線路 %3，%4</translation>
    </message>
    <message>
        <location filename="../ui/components/FloorCallRow.qml" line="37"/>
        <source>Drop %1 from %2&apos;s conference</source>
        <translation>將 %1 從 %2 的會議中掛斷</translation>
    </message>
    <message>
        <location filename="../ui/components/FloorCallRow.qml" line="40"/>
        <location filename="../ui/components/FloorCallRow.qml" line="119"/>
        <source>Drop %1&apos;s conference</source>
        <translation>結束 %1 的會議</translation>
    </message>
    <message>
        <location filename="../ui/components/FloorCallRow.qml" line="45"/>
        <source>This console cannot join calls.</source>
        <translation>此主控台無法加入通話。</translation>
    </message>
    <message>
        <location filename="../ui/components/FloorCallRow.qml" line="62"/>
        <location filename="../ui/components/FloorCallRow.qml" line="158"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../ui/components/FloorCallRow.qml" line="65"/>
        <location filename="../ui/components/FloorCallRow.qml" line="167"/>
        <source>End %1&apos;s call with %2</source>
        <translation>結束 %1 與 %2 的通話</translation>
    </message>
    <message>
        <location filename="../ui/components/FloorCallRow.qml" line="109"/>
        <source>Drop party</source>
        <translation>掛斷通話方</translation>
    </message>
    <message>
        <location filename="../ui/components/FloorCallRow.qml" line="110"/>
        <source>Drop %1 from the conference</source>
        <translation>將 %1 從會議中掛斷</translation>
    </message>
    <message>
        <location filename="../ui/components/FloorCallRow.qml" line="118"/>
        <source>Drop conference</source>
        <translation>結束會議</translation>
    </message>
    <message>
        <location filename="../ui/components/FloorCallRow.qml" line="125"/>
        <source>Listen</source>
        <translation>監聽</translation>
    </message>
    <message>
        <location filename="../ui/components/FloorCallRow.qml" line="125"/>
        <source>Listen to %1&apos;s call with %2</source>
        <translation>監聽 %1 與 %2 的通話</translation>
    </message>
    <message>
        <location filename="../ui/components/FloorCallRow.qml" line="125"/>
        <source>Listening now</source>
        <translation>正在監聽</translation>
    </message>
    <message>
        <location filename="../ui/components/FloorCallRow.qml" line="126"/>
        <source>Whisper</source>
        <translation>耳語</translation>
    </message>
    <message>
        <location filename="../ui/components/FloorCallRow.qml" line="126"/>
        <source>Whisper to %1 on the call with %2</source>
        <translation>在與 %2 的通話中對 %1 耳語</translation>
    </message>
    <message>
        <location filename="../ui/components/FloorCallRow.qml" line="126"/>
        <source>Whispering now</source>
        <translation>正在耳語</translation>
    </message>
    <message>
        <location filename="../ui/components/FloorCallRow.qml" line="127"/>
        <source>Barge</source>
        <translation>插話</translation>
    </message>
    <message>
        <location filename="../ui/components/FloorCallRow.qml" line="127"/>
        <source>Join %1&apos;s call with %2</source>
        <translation>加入 %1 與 %2 的通話</translation>
    </message>
    <message>
        <location filename="../ui/components/FloorCallRow.qml" line="127"/>
        <source>In the call now</source>
        <translation>已加入通話</translation>
    </message>
    <message>
        <location filename="../ui/components/FloorCallRow.qml" line="159"/>
        <source>Stop coaching %1&apos;s call with %2</source>
        <translation>停止指導 %1 與 %2 的通話</translation>
    </message>
    <message>
        <location filename="../ui/components/FloorCallRow.qml" line="166"/>
        <source>End call</source>
        <translation>結束通話</translation>
    </message>
</context>
<context>
    <name>FloorCoachingCaller</name>
    <message>
        <location filename="../engine/floor/FloorCoachingCaller.cpp" line="40"/>
        <source>This console has no SIP line to join calls with.</source>
        <translation>此主控台沒有可用來加入通話的 SIP 線路。</translation>
    </message>
</context>
<context>
    <name>FloorConferences</name>
    <message>
        <location filename="../ui/components/FloorConferences.qml" line="15"/>
        <source>Conferences on the floor (%1)</source>
        <translation>現場的會議（%1）</translation>
    </message>
    <message>
        <location filename="../ui/components/FloorConferences.qml" line="23"/>
        <source>No conferences</source>
        <translation>沒有會議</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/components/FloorConferences.qml" line="37"/>
        <source>%1&apos;s conference, %n party(ies)</source>
        <translation>
            <numerusform>%1 的會議，%n 個通話方</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/components/FloorConferences.qml" line="44"/>
        <source>Held by %1</source>
        <translation>由 %1 主持</translation>
    </message>
</context>
<context>
    <name>FloorCredentials</name>
    <message>
        <location filename="../engine/floor/FloorCredentials.cpp" line="160"/>
        <source>the credentials file cannot be read: %1</source>
        <translation>無法讀取憑證檔：%1</translation>
    </message>
    <message>
        <location filename="../engine/floor/FloorCredentials.cpp" line="163"/>
        <source>the credentials file holds no user JWT</source>
        <translation>憑證檔中沒有使用者 JWT</translation>
    </message>
    <message>
        <location filename="../engine/floor/FloorCredentials.cpp" line="165"/>
        <source>the credentials file&apos;s JWT is not a NATS user&apos;s JWT</source>
        <translation>憑證檔中的 JWT 不是 NATS 使用者的 JWT</translation>
    </message>
    <message>
        <location filename="../engine/floor/FloorCredentials.cpp" line="168"/>
        <source>the credentials file holds no user seed</source>
        <translation>憑證檔中沒有使用者種子金鑰</translation>
    </message>
    <message>
        <location filename="../engine/floor/FloorCredentials.cpp" line="170"/>
        <source>the credentials file&apos;s seed is not a NATS user&apos;s seed</source>
        <translation>憑證檔中的種子金鑰不是 NATS 使用者的種子金鑰</translation>
    </message>
    <message>
        <location filename="../engine/floor/FloorCredentials.cpp" line="176"/>
        <source>the credentials file&apos;s JWT (user %1) expired at %2; ask for a new one</source>
        <translation>憑證檔中的 JWT（使用者 %1）已於 %2 過期；請索取新的憑證</translation>
    </message>
    <message>
        <location filename="../engine/floor/FloorCredentials.cpp" line="183"/>
        <source>the seed in the credentials file is not the key of its JWT&apos;s user %1 (%2)</source>
        <translation>憑證檔中的種子金鑰不屬於其 JWT 的使用者 %1（%2）</translation>
    </message>
    <message>
        <location filename="../engine/floor/FloorCredentials.cpp" line="193"/>
        <source>user %1 (%2) of account %3 has a current JWT and its own seed: the account may have revoked it, or the server does not trust the account</source>
        <translation>帳戶 %3 的使用者 %1（%2）的 JWT 仍有效且種子金鑰相符：可能是帳戶已撤銷此使用者，或伺服器不信任此帳戶</translation>
    </message>
</context>
<context>
    <name>FloorFigures</name>
    <message>
        <location filename="../ui/components/FloorFigures.qml" line="23"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location filename="../ui/components/FloorFigures.qml" line="26"/>
        <source>Agents %1: %2</source>
        <translation>%1的客服：%2</translation>
    </message>
    <message>
        <location filename="../ui/components/FloorFigures.qml" line="31"/>
        <source>Calls in progress: %1</source>
        <translation>進行中的通話：%1</translation>
    </message>
    <message>
        <location filename="../ui/components/FloorFigures.qml" line="39"/>
        <source>Longest call: %1</source>
        <translation>最長通話：%1</translation>
    </message>
    <message>
        <location filename="../ui/components/FloorFigures.qml" line="39"/>
        <location filename="../ui/components/FloorFigures.qml" line="46"/>
        <source>none</source>
        <translation>無</translation>
    </message>
    <message>
        <location filename="../ui/components/FloorFigures.qml" line="46"/>
        <source>Longest wait: %1</source>
        <translation>最長等候：%1</translation>
    </message>
</context>
<context>
    <name>FloorFilters</name>
    <message>
        <location filename="../ui/components/FloorFilters.qml" line="14"/>
        <source>Team</source>
        <translation>團隊</translation>
    </message>
    <message>
        <location filename="../ui/components/FloorFilters.qml" line="19"/>
        <source>All teams</source>
        <translation>所有團隊</translation>
    </message>
    <message>
        <location filename="../ui/components/FloorFilters.qml" line="20"/>
        <source>Show the team</source>
        <translation>顯示團隊</translation>
    </message>
    <message>
        <location filename="../ui/components/FloorFilters.qml" line="23"/>
        <location filename="../ui/components/FloorFilters.qml" line="51"/>
        <source>State</source>
        <translation>狀態</translation>
    </message>
    <message>
        <location filename="../ui/components/FloorFilters.qml" line="28"/>
        <source>All states</source>
        <translation>所有狀態</translation>
    </message>
    <message>
        <location filename="../ui/components/FloorFilters.qml" line="29"/>
        <source>Show agents in the state</source>
        <translation>顯示處於此狀態的客服</translation>
    </message>
    <message>
        <location filename="../ui/components/FloorFilters.qml" line="32"/>
        <source>Line</source>
        <translation>線路</translation>
    </message>
    <message>
        <location filename="../ui/components/FloorFilters.qml" line="37"/>
        <source>All lines</source>
        <translation>所有線路</translation>
    </message>
    <message>
        <location filename="../ui/components/FloorFilters.qml" line="38"/>
        <source>Show agents with a call on the line</source>
        <translation>顯示在此線路上通話的客服</translation>
    </message>
    <message>
        <location filename="../ui/components/FloorFilters.qml" line="41"/>
        <source>Sort by</source>
        <translation>排序依據</translation>
    </message>
    <message>
        <location filename="../ui/components/FloorFilters.qml" line="50"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../ui/components/FloorFilters.qml" line="52"/>
        <source>Time in state</source>
        <translation>處於狀態的時間</translation>
    </message>
    <message>
        <location filename="../ui/components/FloorFilters.qml" line="53"/>
        <source>Number of calls</source>
        <translation>通話數</translation>
    </message>
    <message>
        <location filename="../ui/components/FloorFilters.qml" line="55"/>
        <source>Arrival</source>
        <translation>加入順序</translation>
    </message>
    <message>
        <location filename="../ui/components/FloorFilters.qml" line="57"/>
        <source>Sort the agents by</source>
        <translation>客服的排序依據</translation>
    </message>
    <message>
        <location filename="../ui/components/FloorFilters.qml" line="63"/>
        <source>Descending</source>
        <translation>遞減</translation>
    </message>
    <message>
        <location filename="../ui/components/FloorFilters.qml" line="63"/>
        <source>Ascending</source>
        <translation>遞增</translation>
    </message>
    <message>
        <location filename="../ui/components/FloorFilters.qml" line="64"/>
        <source>Sort order: descending; press for ascending</source>
        <translation>排序：遞減；按下改為遞增</translation>
    </message>
    <message>
        <location filename="../ui/components/FloorFilters.qml" line="65"/>
        <source>Sort order: ascending; press for descending</source>
        <translation>排序：遞增；按下改為遞減</translation>
    </message>
</context>
<context>
    <name>FloorLink</name>
    <message>
        <location filename="../engine/floor/FloorLink.cpp" line="119"/>
        <source>The floor does not permit this console to publish %1</source>
        <translation>客服現場不允許此主控台發布 %1</translation>
    </message>
    <message>
        <location filename="../engine/floor/FloorLink.cpp" line="212"/>
        <source>No answer in time</source>
        <translation>未及時回覆</translation>
    </message>
    <message>
        <location filename="../engine/floor/FloorLink.cpp" line="235"/>
        <source>No console answers for this agent</source>
        <translation>沒有此客服人員的主控台回應</translation>
    </message>
    <message>
        <location filename="../engine/floor/FloorLink.cpp" line="237"/>
        <source>Not connected to the floor</source>
        <translation>未連線到客服現場</translation>
    </message>
    <message>
        <location filename="../engine/floor/FloorNatsWorker.cpp" line="224"/>
        <source>Floor settings refused: %1</source>
        <translation>客服現場設定遭拒：%1</translation>
    </message>
    <message>
        <location filename="../engine/floor/FloorNatsWorker.cpp" line="232"/>
        <source>Cannot connect: %1</source>
        <translation>無法連線：%1</translation>
    </message>
    <message>
        <location filename="../engine/floor/FloorNatsWorker.cpp" line="303"/>
        <source>Connection closed: %1; connecting again</source>
        <translation>連線已關閉：%1；正在重新連線</translation>
    </message>
    <message>
        <location filename="../engine/floor/FloorNatsWorker.cpp" line="433"/>
        <source>JetStream unavailable: %1</source>
        <translation>JetStream 無法使用：%1</translation>
    </message>
    <message>
        <location filename="../engine/floor/FloorNatsWorkerErrors.cpp" line="57"/>
        <source>The server refused this console&apos;s credentials (%1): %2</source>
        <translation>伺服器拒絕了此主控台的憑證（%1）：%2</translation>
    </message>
    <message>
        <location filename="../engine/floor/FloorNatsWorkerErrors.cpp" line="62"/>
        <source>The server refused this console&apos;s credentials (%1)</source>
        <translation>伺服器拒絕了此主控台的憑證（%1）</translation>
    </message>
    <message>
        <location filename="../engine/floor/FloorNatsWorkerErrors.cpp" line="65"/>
        <source>The server does not offer TLS, which this console asks for (%1)</source>
        <translation>伺服器未提供 TLS，但此主控台要求使用 TLS（%1）</translation>
    </message>
    <message>
        <location filename="../engine/floor/FloorNatsWorkerErrors.cpp" line="70"/>
        <source>The server&apos;s certificate is not trusted (%1): check floor/caFile</source>
        <translation>伺服器的憑證不受信任（%1）：請檢查 floor/caFile</translation>
    </message>
    <message>
        <location filename="../engine/floor/FloorNatsWorkerErrors.cpp" line="79"/>
        <source>The server did not accept this console over TLS; it may want a client certificate (%1): check floor/certFile and floor/keyFile</source>
        <translation>伺服器不接受此主控台的 TLS 連線；伺服器可能要求用戶端憑證（%1）：請檢查 floor/certFile 與 floor/keyFile</translation>
    </message>
    <message>
        <location filename="../engine/floor/FloorNatsWorkerErrors.cpp" line="98"/>
        <source>The server closed the connection (%1): %2</source>
        <translation>伺服器關閉了連線（%1）：%2</translation>
    </message>
</context>
<context>
    <name>FloorPage</name>
    <message>
        <location filename="../ui/pages/FloorPage.qml" line="38"/>
        <source>No floor is configured, so this console works on its own and shows only its own calls (on the &quot;This console&quot; tab). To see every agent, add the [floor] settings with the NATS servers to the settings file (see the user guide).</source>
        <translation>尚未設定現場，因此此主控台獨立運作，只顯示自己的通話（在「此主控台」分頁）。若要看到每位客服，請在設定檔中加入含 NATS 伺服器的 [floor] 設定（請參閱使用手冊）。</translation>
    </message>
    <message>
        <location filename="../ui/pages/FloorPage.qml" line="60"/>
        <source>Agents (%1 of %2)</source>
        <translation>客服（%2 位中的 %1 位）</translation>
    </message>
    <message>
        <location filename="../ui/pages/FloorPage.qml" line="78"/>
        <source>Agents on the floor</source>
        <translation>現場的客服</translation>
    </message>
    <message>
        <location filename="../ui/pages/FloorPage.qml" line="82"/>
        <source>Waiting for the floor…</source>
        <translation>正在等候現場資料…</translation>
    </message>
    <message>
        <location filename="../ui/pages/FloorPage.qml" line="83"/>
        <source>No agents on the floor</source>
        <translation>現場沒有客服</translation>
    </message>
    <message>
        <location filename="../ui/pages/FloorPage.qml" line="83"/>
        <source>No agents match the filters</source>
        <translation>沒有符合篩選條件的客服</translation>
    </message>
    <message>
        <location filename="../ui/pages/FloorPage.qml" line="95"/>
        <source>Conferences across agents</source>
        <translation>各客服的會議</translation>
    </message>
</context>
<context>
    <name>FloorRequestLog</name>
    <message>
        <location filename="../ui/components/FloorRequestLog.qml" line="16"/>
        <source>sent, waiting for the answer</source>
        <translation>已送出，等候回覆</translation>
    </message>
    <message>
        <location filename="../ui/components/FloorRequestLog.qml" line="23"/>
        <source>done; the agent&apos;s state changes after the current call</source>
        <translation>完成；客服的狀態將在目前通話結束後變更</translation>
    </message>
    <message>
        <location filename="../ui/components/FloorRequestLog.qml" line="23"/>
        <source>done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../ui/components/FloorRequestLog.qml" line="25"/>
        <source>refused: %1</source>
        <translation>遭拒：%1</translation>
    </message>
    <message>
        <location filename="../ui/components/FloorRequestLog.qml" line="27"/>
        <source>refused: this supervisor may not act on this agent</source>
        <translation>遭拒：此督導無權操作這位客服</translation>
    </message>
    <message>
        <location filename="../ui/components/FloorRequestLog.qml" line="28"/>
        <source>refused as invalid: %1</source>
        <translation>因無效而遭拒：%1</translation>
    </message>
    <message>
        <location filename="../ui/components/FloorRequestLog.qml" line="29"/>
        <source>refused: the agent&apos;s line did not complete it in time</source>
        <translation>遭拒：客服的線路未及時完成</translation>
    </message>
    <message>
        <location filename="../ui/components/FloorRequestLog.qml" line="30"/>
        <source>refused: the agent&apos;s console cannot take that state now</source>
        <translation>遭拒：客服的主控台目前無法切換到該狀態</translation>
    </message>
    <message>
        <location filename="../ui/components/FloorRequestLog.qml" line="32"/>
        <source>no answer: %1</source>
        <translation>沒有回覆：%1</translation>
    </message>
    <message>
        <location filename="../ui/components/FloorRequestLog.qml" line="39"/>
        <source>refused: this console&apos;s line could not call the agent&apos;s console</source>
        <translation>已拒絕：此主控台的線路無法撥打至該客服人員的主控台</translation>
    </message>
    <message>
        <location filename="../ui/components/FloorRequestLog.qml" line="50"/>
        <location filename="../ui/components/FloorRequestLog.qml" line="108"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location filename="../ui/components/FloorRequestLog.qml" line="67"/>
        <source>Requests</source>
        <translation>要求</translation>
    </message>
    <message>
        <location filename="../ui/components/FloorRequestLog.qml" line="94"/>
        <source>Requests to agents&apos; consoles</source>
        <translation>送往客服主控台的要求</translation>
    </message>
    <message>
        <location filename="../ui/components/FloorRequestLog.qml" line="98"/>
        <source>No requests yet</source>
        <translation>尚無要求</translation>
    </message>
</context>
<context>
    <name>FloorSettings</name>
    <message>
        <location filename="../engine/floor/FloorSettings.cpp" line="23"/>
        <source>The agent id must be 1 to 64 letters, digits, &apos;-&apos; or &apos;_&apos;.</source>
        <translation>客服人員代號必須是 1 到 64 個字母、數字、&apos;-&apos; 或 &apos;_&apos;。</translation>
    </message>
    <message>
        <location filename="../engine/floor/FloorSettings.cpp" line="26"/>
        <source>The bucket and audit stream names must be letters, digits, &apos;-&apos; or &apos;_&apos;.</source>
        <translation>儲存桶與稽核串流的名稱只能包含字母、數字、&apos;-&apos; 或 &apos;_&apos;。</translation>
    </message>
    <message>
        <location filename="../engine/floor/FloorSettings.cpp" line="29"/>
        <source>The entry expiry must be at least 3 seconds.</source>
        <translation>項目到期時間至少須為 3 秒。</translation>
    </message>
    <message>
        <location filename="../engine/floor/FloorSettings.cpp" line="31"/>
        <source>Replicas must be 1 to 5.</source>
        <translation>副本數必須是 1 到 5。</translation>
    </message>
</context>
<context>
    <name>FloorStatus</name>
    <message>
        <location filename="../ui/components/FloorStatus.qml" line="16"/>
        <source>Not connected: no floor is configured</source>
        <translation>未連線：尚未設定現場</translation>
    </message>
    <message>
        <location filename="../ui/components/FloorStatus.qml" line="17"/>
        <source>Connecting to the floor…</source>
        <translation>正在連線到現場…</translation>
    </message>
    <message>
        <location filename="../ui/components/FloorStatus.qml" line="18"/>
        <source>Connection to the floor lost; reconnecting…</source>
        <translation>與現場的連線中斷；正在重新連線…</translation>
    </message>
    <message>
        <location filename="../ui/components/FloorStatus.qml" line="21"/>
        <source>Connected to %1, with a problem: %2</source>
        <translation>已連線到 %1，但有問題：%2</translation>
    </message>
    <message>
        <location filename="../ui/components/FloorStatus.qml" line="22"/>
        <source>Connected to %1</source>
        <translation>已連線到 %1</translation>
    </message>
    <message>
        <location filename="../ui/components/FloorStatus.qml" line="23"/>
        <source>Refused: %1</source>
        <translation>遭拒：%1</translation>
    </message>
    <message>
        <location filename="../ui/components/FloorStatus.qml" line="42"/>
        <source>Floor: %1</source>
        <translation>現場：%1</translation>
    </message>
</context>
<context>
    <name>HeadsetStatus</name>
    <message>
        <location filename="../providers/hidheadset/backend/HidPermission.cpp" line="9"/>
        <source>no permission to open %1. Fix: install the udev rule and re-plug the headset: sudo install -m 644 resources/linux/%2 /etc/udev/rules.d/ &amp;&amp; sudo udevadm control --reload &amp;&amp; sudo udevadm trigger --subsystem-match=hidraw (see README, &quot;USB headsets&quot;)</source>
        <translation>沒有開啟 %1 的權限。解決方法：安裝 udev 規則後重新插拔耳機：sudo install -m 644 resources/linux/%2 /etc/udev/rules.d/ &amp;&amp; sudo udevadm control --reload &amp;&amp; sudo udevadm trigger --subsystem-match=hidraw（請見 README 的「USB headsets」）</translation>
    </message>
    <message>
        <location filename="../providers/hidheadset/transport/HidrawTransport.cpp" line="75"/>
        <source>%1 was unplugged</source>
        <translation>%1 已拔除</translation>
    </message>
</context>
<context>
    <name>HeadsetsPane</name>
    <message>
        <location filename="../ui/components/HeadsetsPane.qml" line="19"/>
        <source>gone: %1</source>
        <translation>已移除：%1</translation>
    </message>
    <message>
        <location filename="../ui/components/HeadsetsPane.qml" line="19"/>
        <source>gone (unplugged)</source>
        <translation>已移除（已拔除）</translation>
    </message>
    <message>
        <location filename="../ui/components/HeadsetsPane.qml" line="21"/>
        <source>not usable: %1</source>
        <translation>無法使用：%1</translation>
    </message>
    <message>
        <location filename="../ui/components/HeadsetsPane.qml" line="22"/>
        <source>active</source>
        <translation>使用中</translation>
    </message>
    <message>
        <location filename="../ui/components/HeadsetsPane.qml" line="22"/>
        <source>present</source>
        <translation>已連接</translation>
    </message>
    <message>
        <location filename="../ui/components/HeadsetsPane.qml" line="28"/>
        <source>Headset support is not available: the USB headset plugin was not loaded.</source>
        <translation>無法使用耳機功能：未載入 USB 耳機外掛程式。</translation>
    </message>
    <message>
        <location filename="../ui/components/HeadsetsPane.qml" line="36"/>
        <source>No headset found. Plug in a USB headset and it appears here.</source>
        <translation>找不到耳機。插入 USB 耳機後，它會顯示在這裡。</translation>
    </message>
    <message>
        <location filename="../ui/components/HeadsetsPane.qml" line="60"/>
        <source>Use %1 as the active headset</source>
        <translation>將 %1 設為使用中的耳機</translation>
    </message>
    <message>
        <location filename="../ui/components/HeadsetsPane.qml" line="91"/>
        <source>Dismiss</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../ui/components/HeadsetsPane.qml" line="92"/>
        <source>Remove %1 from the list</source>
        <translation>從清單移除 %1</translation>
    </message>
    <message>
        <location filename="../ui/components/HeadsetsPane.qml" line="103"/>
        <source>Mute lock: the headset holds the microphone muted. Release the mute lock on the headset (or swing the boom arm down) to unmute.</source>
        <translation>靜音鎖定：耳機讓麥克風保持靜音。請在耳機上解除靜音鎖定（或將麥克風桿放下）以取消靜音。</translation>
    </message>
    <message>
        <location filename="../ui/components/HeadsetsPane.qml" line="104"/>
        <source>Mute lock: off. The headset&apos;s mute button mutes and unmutes like the console&apos;s.</source>
        <translation>靜音鎖定：關閉。耳機的靜音鍵與主控台的靜音按鈕作用相同。</translation>
    </message>
</context>
<context>
    <name>HistoryPage</name>
    <message>
        <location filename="../ui/pages/HistoryPage.qml" line="79"/>
        <source>Search number, name, notes…</source>
        <translation>搜尋號碼、姓名、備註…</translation>
    </message>
    <message>
        <location filename="../ui/pages/HistoryPage.qml" line="80"/>
        <source>Search the call history</source>
        <translation>搜尋通話紀錄</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/pages/HistoryPage.qml" line="83"/>
        <source>%n call(s)</source>
        <translation>
            <numerusform>%n 通通話</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/pages/HistoryPage.qml" line="106"/>
        <source>Call history problem: %1</source>
        <translation>通話紀錄發生問題：%1</translation>
    </message>
    <message>
        <location filename="../ui/pages/HistoryPage.qml" line="124"/>
        <source>Call history</source>
        <translation>通話紀錄</translation>
    </message>
    <message>
        <location filename="../ui/pages/HistoryPage.qml" line="128"/>
        <source>No calls recorded yet</source>
        <translation>尚無通話紀錄</translation>
    </message>
    <message>
        <location filename="../ui/pages/HistoryPage.qml" line="151"/>
        <source>Conference</source>
        <translation>會議</translation>
    </message>
    <message>
        <location filename="../ui/pages/HistoryPage.qml" line="50"/>
        <location filename="../ui/pages/HistoryPage.qml" line="189"/>
        <source>not answered</source>
        <translation>未接聽</translation>
    </message>
    <message>
        <location filename="../ui/pages/HistoryPage.qml" line="32"/>
        <source>No line can make calls right now.</source>
        <translation>目前沒有可撥出的線路。</translation>
    </message>
    <message>
        <location filename="../ui/pages/HistoryPage.qml" line="36"/>
        <source>This call has no number to call back.</source>
        <translation>這通電話沒有可回撥的號碼。</translation>
    </message>
    <message>
        <location filename="../ui/pages/HistoryPage.qml" line="40"/>
        <source>The line refused the call.</source>
        <translation>線路拒絕了這通撥出電話。</translation>
    </message>
    <message>
        <location filename="../ui/pages/HistoryPage.qml" line="47"/>
        <source>answered</source>
        <translation>已接聽</translation>
    </message>
    <message>
        <location filename="../ui/pages/HistoryPage.qml" line="48"/>
        <source>missed</source>
        <translation>未接</translation>
    </message>
    <message>
        <location filename="../ui/pages/HistoryPage.qml" line="49"/>
        <source>rejected</source>
        <translation>已拒接</translation>
    </message>
    <message>
        <location filename="../ui/pages/HistoryPage.qml" line="51"/>
        <source>transferred</source>
        <translation>已轉接</translation>
    </message>
    <message>
        <location filename="../ui/pages/HistoryPage.qml" line="52"/>
        <source>consultation</source>
        <translation>諮詢通話</translation>
    </message>
    <message>
        <location filename="../ui/pages/HistoryPage.qml" line="53"/>
        <source>conference</source>
        <translation>會議</translation>
    </message>
    <message>
        <location filename="../ui/pages/HistoryPage.qml" line="54"/>
        <source>answered elsewhere</source>
        <translation>已在其他分機接聽</translation>
    </message>
    <message>
        <location filename="../ui/pages/HistoryPage.qml" line="56"/>
        <source>coaching</source>
        <translation>督導指導</translation>
    </message>
    <message>
        <location filename="../ui/pages/HistoryPage.qml" line="159"/>
        <location filename="../ui/pages/HistoryPage.qml" line="170"/>
        <source>Outgoing</source>
        <translation>撥出</translation>
    </message>
    <message>
        <location filename="../ui/pages/HistoryPage.qml" line="159"/>
        <location filename="../ui/pages/HistoryPage.qml" line="170"/>
        <source>Incoming</source>
        <translation>來電</translation>
    </message>
    <message>
        <location filename="../ui/pages/HistoryPage.qml" line="206"/>
        <source>Call back</source>
        <translation>回撥</translation>
    </message>
    <message>
        <location filename="../ui/pages/HistoryPage.qml" line="208"/>
        <source>Call back %1</source>
        <translation>回撥 %1</translation>
    </message>
    <message>
        <location filename="../ui/pages/HistoryPage.qml" line="219"/>
        <source>received: </source>
        <translation>收到：</translation>
    </message>
    <message>
        <location filename="../ui/pages/HistoryPage.qml" line="221"/>
        <source>sent: </source>
        <translation>送出：</translation>
    </message>
    <message>
        <location filename="../ui/pages/HistoryPage.qml" line="12"/>
        <source>History</source>
        <translation>紀錄</translation>
    </message>
    <message>
        <location filename="../ui/pages/HistoryPage.qml" line="58"/>
        <source>interrupted</source>
        <translation>已中斷</translation>
    </message>
</context>
<context>
    <name>IncomingBanner</name>
    <message>
        <location filename="../ui/components/IncomingBanner.qml" line="65"/>
        <source>This line cannot reject calls: </source>
        <translation>此線路無法拒接來電：</translation>
    </message>
    <message>
        <location filename="../ui/components/IncomingBanner.qml" line="66"/>
        <source>This line cannot reject calls: answer it or let it ring.</source>
        <translation>此線路無法拒接來電：請接聽或讓它繼續響鈴。</translation>
    </message>
    <message>
        <location filename="../ui/components/IncomingBanner.qml" line="68"/>
        <source>Reject is not available right now.</source>
        <translation>目前無法拒接。</translation>
    </message>
    <message>
        <location filename="../ui/components/IncomingBanner.qml" line="80"/>
        <source>Incoming call on %1 from %2</source>
        <translation>%1 有來電：%2</translation>
    </message>
    <message>
        <location filename="../ui/components/IncomingBanner.qml" line="109"/>
        <source>Incoming call</source>
        <translation>來電</translation>
    </message>
    <message>
        <location filename="../ui/components/IncomingBanner.qml" line="117"/>
        <source>Unknown caller</source>
        <translation>不明來電者</translation>
    </message>
    <message>
        <location filename="../ui/components/IncomingBanner.qml" line="131"/>
        <source>on %1, waiting %2</source>
        <translation>線路：%1，已等候 %2</translation>
    </message>
    <message>
        <location filename="../ui/components/IncomingBanner.qml" line="140"/>
        <source>Caller data: </source>
        <translation>來電資料：</translation>
    </message>
    <message>
        <location filename="../ui/components/IncomingBanner.qml" line="150"/>
        <source>Also ringing: %1</source>
        <translation>同時響鈴：%1</translation>
    </message>
    <message>
        <location filename="../ui/components/IncomingBanner.qml" line="154"/>
        <source>Also ringing on %1, waiting %2: </source>
        <translation>%1 同時響鈴，已等候 %2：</translation>
    </message>
    <message>
        <location filename="../ui/components/IncomingBanner.qml" line="50"/>
        <location filename="../ui/components/IncomingBanner.qml" line="161"/>
        <location filename="../ui/components/IncomingBanner.qml" line="191"/>
        <source>Answer</source>
        <translation>接聽</translation>
    </message>
    <message>
        <location filename="../ui/components/IncomingBanner.qml" line="163"/>
        <source>Answer the call from %1</source>
        <translation>接聽 %1 的來電</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/components/IncomingBanner.qml" line="173"/>
        <source>%n more call(s) ringing: see the call list</source>
        <translation>
            <numerusform>還有 %n 通來電響鈴中：請見通話清單</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/components/IncomingBanner.qml" line="210"/>
        <source>Answer the incoming call</source>
        <translation>接聽來電</translation>
    </message>
    <message>
        <location filename="../ui/components/IncomingBanner.qml" line="216"/>
        <source>Reject</source>
        <translation>拒接</translation>
    </message>
    <message>
        <location filename="../ui/components/IncomingBanner.qml" line="222"/>
        <source>Reject the incoming call</source>
        <translation>拒接來電</translation>
    </message>
</context>
<context>
    <name>IncomingCallNotifier</name>
    <message>
        <location filename="../app/IncomingCallNotifier.cpp" line="106"/>
        <source>Incoming call</source>
        <translation>來電</translation>
    </message>
    <message>
        <location filename="../app/IncomingCallNotifier.cpp" line="107"/>
        <source>%1
on %2</source>
        <translation>%1
線路：%2</translation>
    </message>
</context>
<context>
    <name>LinesPane</name>
    <message>
        <location filename="../ui/components/LinesPane.qml" line="17"/>
        <source>simulated</source>
        <translation>模擬</translation>
    </message>
    <message>
        <location filename="../ui/components/LinesPane.qml" line="18"/>
        <source>sound card</source>
        <translation>音效卡</translation>
    </message>
    <message>
        <location filename="../ui/components/LinesPane.qml" line="19"/>
        <source>SIP</source>
        <translation>SIP</translation>
    </message>
    <message>
        <location filename="../ui/components/LinesPane.qml" line="25"/>
        <source>closed</source>
        <translation>已關閉</translation>
    </message>
    <message>
        <location filename="../ui/components/LinesPane.qml" line="27"/>
        <source>out of service: %1</source>
        <translation>停止服務：%1</translation>
    </message>
    <message>
        <location filename="../ui/components/LinesPane.qml" line="28"/>
        <source>out of service</source>
        <translation>停止服務</translation>
    </message>
    <message>
        <location filename="../ui/components/LinesPane.qml" line="30"/>
        <source>monitored: busy</source>
        <translation>監看中：忙線</translation>
    </message>
    <message>
        <location filename="../ui/components/LinesPane.qml" line="30"/>
        <source>monitored: idle</source>
        <translation>監看中：閒置</translation>
    </message>
    <message>
        <location filename="../ui/components/LinesPane.qml" line="31"/>
        <source>in service</source>
        <translation>服務中</translation>
    </message>
    <message>
        <location filename="../ui/components/LinesPane.qml" line="37"/>
        <source>No lines: the console takes no calls. Configure sound-card lines or SIP accounts in the settings file.</source>
        <translation>沒有線路：主控台無法接聽來電。請在設定檔中設定音效卡線路或 SIP 帳號。</translation>
    </message>
    <message>
        <location filename="../ui/components/LinesPane.qml" line="76"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <location filename="../ui/Main.qml" line="17"/>
        <source>Hookline supervisor</source>
        <translation>Hookline 督導</translation>
    </message>
    <message>
        <location filename="../ui/Main.qml" line="17"/>
        <source>Hookline</source>
        <translation>Hookline</translation>
    </message>
    <message>
        <location filename="../ui/Main.qml" line="74"/>
        <source>Pages</source>
        <translation>頁面</translation>
    </message>
    <message>
        <location filename="../ui/Main.qml" line="75"/>
        <source>Calls</source>
        <translation>通話</translation>
    </message>
    <message>
        <location filename="../ui/Main.qml" line="76"/>
        <source>History</source>
        <translation>紀錄</translation>
    </message>
    <message>
        <location filename="../ui/Main.qml" line="77"/>
        <source>Supervisor</source>
        <translation>督導</translation>
    </message>
    <message>
        <location filename="../ui/Main.qml" line="78"/>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/Main.qml" line="86"/>
        <source>%n line(s) out of service</source>
        <translation>
            <numerusform>%n 條線路停止服務</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/Main.qml" line="92"/>
        <source>Opens Settings, where each line says why</source>
        <translation>開啟設定，每條線路都會說明原因</translation>
    </message>
    <message>
        <location filename="../ui/Main.qml" line="63"/>
        <source>Pages and agent state</source>
        <translation>頁面與客服人員狀態</translation>
    </message>
</context>
<context>
    <name>MonitoredAddresses</name>
    <message>
        <location filename="../ui/components/MonitoredAddresses.qml" line="28"/>
        <source>idle</source>
        <translation>閒置</translation>
    </message>
    <message>
        <location filename="../ui/components/MonitoredAddresses.qml" line="29"/>
        <source>ringing</source>
        <translation>響鈴中</translation>
    </message>
    <message>
        <location filename="../ui/components/MonitoredAddresses.qml" line="30"/>
        <source>busy</source>
        <translation>忙線</translation>
    </message>
    <message>
        <location filename="../ui/components/MonitoredAddresses.qml" line="32"/>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location filename="../ui/components/MonitoredAddresses.qml" line="45"/>
        <source>No call at %1.</source>
        <translation>%1 目前沒有通話。</translation>
    </message>
    <message>
        <location filename="../ui/components/MonitoredAddresses.qml" line="46"/>
        <source>A call is ringing at %1.</source>
        <translation>%1 有來電正在響鈴。</translation>
    </message>
    <message>
        <location filename="../ui/components/MonitoredAddresses.qml" line="47"/>
        <source>%1 is on a call.</source>
        <translation>%1 正在通話中。</translation>
    </message>
    <message>
        <location filename="../ui/components/MonitoredAddresses.qml" line="53"/>
        <source>Monitored (%1)</source>
        <translation>監看 (%1)</translation>
    </message>
    <message>
        <location filename="../ui/components/MonitoredAddresses.qml" line="79"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>MusicOnHoldCache</name>
    <message>
        <location filename="../engine/audio/MusicOnHoldCache.cpp" line="42"/>
        <source>the file holds no sound</source>
        <translation>檔案中沒有聲音</translation>
    </message>
</context>
<context>
    <name>Names</name>
    <message>
        <location filename="../ui/theme/Names.qml" line="10"/>
        <source>Ended</source>
        <translation>已結束</translation>
    </message>
    <message>
        <location filename="../ui/theme/Names.qml" line="11"/>
        <source>Incoming</source>
        <translation>來電中</translation>
    </message>
    <message>
        <location filename="../ui/theme/Names.qml" line="12"/>
        <source>Accepted</source>
        <translation>已受理</translation>
    </message>
    <message>
        <location filename="../ui/theme/Names.qml" line="13"/>
        <source>Dial tone</source>
        <translation>撥號音</translation>
    </message>
    <message>
        <location filename="../ui/theme/Names.qml" line="14"/>
        <source>Dialing</source>
        <translation>撥號中</translation>
    </message>
    <message>
        <location filename="../ui/theme/Names.qml" line="15"/>
        <source>Ringing</source>
        <translation>響鈴中</translation>
    </message>
    <message>
        <location filename="../ui/theme/Names.qml" line="16"/>
        <source>Busy</source>
        <translation>忙線</translation>
    </message>
    <message>
        <location filename="../ui/theme/Names.qml" line="17"/>
        <source>Special information</source>
        <translation>特殊訊息</translation>
    </message>
    <message>
        <location filename="../ui/theme/Names.qml" line="18"/>
        <source>Connected</source>
        <translation>通話中</translation>
    </message>
    <message>
        <location filename="../ui/theme/Names.qml" line="19"/>
        <source>Proceeding</source>
        <translation>處理中</translation>
    </message>
    <message>
        <location filename="../ui/theme/Names.qml" line="20"/>
        <source>On hold</source>
        <translation>保留中</translation>
    </message>
    <message>
        <location filename="../ui/theme/Names.qml" line="21"/>
        <source>In conference</source>
        <translation>會議中</translation>
    </message>
    <message>
        <location filename="../ui/theme/Names.qml" line="22"/>
        <source>On hold (adding to conference)</source>
        <translation>保留中（加入會議）</translation>
    </message>
    <message>
        <location filename="../ui/theme/Names.qml" line="23"/>
        <source>On hold (transferring)</source>
        <translation>保留中（轉接中）</translation>
    </message>
    <message>
        <location filename="../ui/theme/Names.qml" line="24"/>
        <source>Disconnected</source>
        <translation>已斷線</translation>
    </message>
    <message>
        <location filename="../ui/theme/Names.qml" line="25"/>
        <source>Unknown</source>
        <translation>不明</translation>
    </message>
    <message>
        <location filename="../ui/theme/Names.qml" line="27"/>
        <source>Not started</source>
        <translation>尚未開始</translation>
    </message>
    <message>
        <location filename="../ui/theme/Names.qml" line="33"/>
        <location filename="../ui/theme/Names.qml" line="35"/>
        <source>inactive here</source>
        <translation>本機未參與</translation>
    </message>
    <message>
        <location filename="../ui/theme/Names.qml" line="37"/>
        <source>active</source>
        <translation>使用中</translation>
    </message>
    <message>
        <location filename="../ui/theme/Names.qml" line="53"/>
        <source>failed</source>
        <translation>失敗</translation>
    </message>
    <message>
        <location filename="../ui/theme/Names.qml" line="61"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location filename="../ui/theme/Names.qml" line="161"/>
        <source>Coaching line of supervisor %1</source>
        <translation>督導 %1 的指導線路</translation>
    </message>
    <message>
        <location filename="../ui/theme/Names.qml" line="163"/>
        <source>Supervisor %1 is listening</source>
        <translation>督導 %1 正在監聽</translation>
    </message>
    <message>
        <location filename="../ui/theme/Names.qml" line="164"/>
        <source>Supervisor %1 is coaching you (heard by you only)</source>
        <translation>督導 %1 正在指導您（只有您聽得到）</translation>
    </message>
    <message>
        <location filename="../ui/theme/Names.qml" line="165"/>
        <source>Supervisor %1 has joined the call</source>
        <translation>督導 %1 已加入通話</translation>
    </message>
    <message>
        <location filename="../ui/theme/Names.qml" line="47"/>
        <location filename="../ui/theme/Names.qml" line="67"/>
        <source>hung up</source>
        <translation>對方掛斷</translation>
    </message>
    <message>
        <location filename="../ui/theme/Names.qml" line="52"/>
        <location filename="../ui/theme/Names.qml" line="68"/>
        <source>rejected</source>
        <translation>已拒接</translation>
    </message>
    <message>
        <location filename="../ui/theme/Names.qml" line="69"/>
        <source>picked up elsewhere</source>
        <translation>已由他處接聽</translation>
    </message>
    <message>
        <location filename="../ui/theme/Names.qml" line="70"/>
        <source>forwarded</source>
        <translation>已轉送</translation>
    </message>
    <message>
        <location filename="../ui/theme/Names.qml" line="48"/>
        <location filename="../ui/theme/Names.qml" line="71"/>
        <source>busy</source>
        <translation>忙線</translation>
    </message>
    <message>
        <location filename="../ui/theme/Names.qml" line="50"/>
        <location filename="../ui/theme/Names.qml" line="72"/>
        <source>no answer</source>
        <translation>無人接聽</translation>
    </message>
    <message>
        <location filename="../ui/theme/Names.qml" line="49"/>
        <location filename="../ui/theme/Names.qml" line="73"/>
        <source>bad number</source>
        <translation>號碼錯誤</translation>
    </message>
    <message>
        <location filename="../ui/theme/Names.qml" line="74"/>
        <source>unreachable</source>
        <translation>無法接通</translation>
    </message>
    <message>
        <location filename="../ui/theme/Names.qml" line="75"/>
        <source>network congestion</source>
        <translation>網路壅塞</translation>
    </message>
    <message>
        <location filename="../ui/theme/Names.qml" line="76"/>
        <source>incompatible</source>
        <translation>不相容</translation>
    </message>
    <message>
        <location filename="../ui/theme/Names.qml" line="77"/>
        <source>unavailable</source>
        <translation>無法使用</translation>
    </message>
    <message>
        <location filename="../ui/theme/Names.qml" line="51"/>
        <location filename="../ui/theme/Names.qml" line="78"/>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../ui/theme/Names.qml" line="54"/>
        <location filename="../ui/theme/Names.qml" line="79"/>
        <source>blocked</source>
        <translation>已封鎖</translation>
    </message>
    <message>
        <location filename="../ui/theme/Names.qml" line="80"/>
        <source>do not disturb</source>
        <translation>請勿打擾</translation>
    </message>
    <message>
        <location filename="../ui/theme/Names.qml" line="81"/>
        <source>temporary failure</source>
        <translation>暫時性故障</translation>
    </message>
    <message>
        <location filename="../ui/theme/Names.qml" line="82"/>
        <source>out of order</source>
        <translation>故障</translation>
    </message>
    <message>
        <location filename="../ui/theme/Names.qml" line="83"/>
        <source>number changed</source>
        <translation>號碼已變更</translation>
    </message>
    <message>
        <location filename="../ui/theme/Names.qml" line="56"/>
        <location filename="../ui/theme/Names.qml" line="85"/>
        <source>other (%1)</source>
        <translation>其他（%1）</translation>
    </message>
    <message>
        <location filename="../ui/theme/Names.qml" line="90"/>
        <source>Ready</source>
        <translation>就緒</translation>
    </message>
    <message>
        <location filename="../ui/theme/Names.qml" line="91"/>
        <source>Not ready</source>
        <translation>未就緒</translation>
    </message>
    <message>
        <location filename="../ui/theme/Names.qml" line="92"/>
        <source>Wrap-up</source>
        <translation>整理</translation>
    </message>
    <message>
        <location filename="../ui/theme/Names.qml" line="93"/>
        <source>Offline</source>
        <translation>離線</translation>
    </message>
    <message>
        <location filename="../ui/theme/Names.qml" line="113"/>
        <source>Break</source>
        <translation>休息</translation>
    </message>
    <message>
        <location filename="../ui/theme/Names.qml" line="114"/>
        <source>Lunch</source>
        <translation>午餐</translation>
    </message>
    <message>
        <location filename="../ui/theme/Names.qml" line="115"/>
        <source>Meeting</source>
        <translation>開會</translation>
    </message>
    <message>
        <location filename="../ui/theme/Names.qml" line="116"/>
        <source>Training</source>
        <translation>訓練</translation>
    </message>
    <message>
        <location filename="../ui/theme/Names.qml" line="117"/>
        <source>Coaching</source>
        <translation>輔導</translation>
    </message>
    <message>
        <location filename="../ui/theme/Names.qml" line="118"/>
        <source>Technical problem</source>
        <translation>技術問題</translation>
    </message>
    <message>
        <location filename="../ui/theme/Names.qml" line="127"/>
        <source>Resolved</source>
        <translation>已解決</translation>
    </message>
    <message>
        <location filename="../ui/theme/Names.qml" line="128"/>
        <source>Sale</source>
        <translation>成交</translation>
    </message>
    <message>
        <location filename="../ui/theme/Names.qml" line="129"/>
        <source>Callback requested</source>
        <translation>要求回電</translation>
    </message>
    <message>
        <location filename="../ui/theme/Names.qml" line="130"/>
        <source>Escalated</source>
        <translation>已升級處理</translation>
    </message>
    <message>
        <location filename="../ui/theme/Names.qml" line="131"/>
        <source>Transferred</source>
        <translation>已轉接</translation>
    </message>
    <message>
        <location filename="../ui/theme/Names.qml" line="132"/>
        <source>Wrong number</source>
        <translation>打錯電話</translation>
    </message>
    <message>
        <location filename="../ui/theme/Names.qml" line="133"/>
        <source>Abusive caller</source>
        <translation>騷擾來電</translation>
    </message>
    <message>
        <location filename="../ui/theme/Names.qml" line="149"/>
        <source>Unknown caller</source>
        <translation>不明來電者</translation>
    </message>
</context>
<context>
    <name>NewCallBar</name>
    <message>
        <location filename="../ui/components/NewCallBar.qml" line="31"/>
        <source>No line can make calls right now.</source>
        <translation>目前沒有可撥出的線路。</translation>
    </message>
    <message>
        <location filename="../ui/components/NewCallBar.qml" line="44"/>
        <source>The line refused the call.</source>
        <translation>線路拒絕了這通撥出電話。</translation>
    </message>
    <message>
        <location filename="../ui/components/NewCallBar.qml" line="56"/>
        <location filename="../ui/components/NewCallBar.qml" line="58"/>
        <source>Number to call</source>
        <translation>要撥打的號碼</translation>
    </message>
    <message>
        <location filename="../ui/components/NewCallBar.qml" line="70"/>
        <source>Line to call on</source>
        <translation>撥出線路</translation>
    </message>
    <message>
        <location filename="../ui/components/NewCallBar.qml" line="75"/>
        <source>Call</source>
        <translation>撥打</translation>
    </message>
    <message>
        <location filename="../ui/components/NewCallBar.qml" line="77"/>
        <source>Call the number</source>
        <translation>撥打這個號碼</translation>
    </message>
</context>
<context>
    <name>PinnedNote</name>
    <message>
        <location filename="../ui/components/PinnedNote.qml" line="13"/>
        <source>Set by your administrator</source>
        <translation>由系統管理員設定</translation>
    </message>
</context>
<context>
    <name>QtAgentAudioIo</name>
    <message>
        <location filename="../engine/audio/QtAgentAudioIo.cpp" line="67"/>
        <source>the microphone &quot;%1&quot; stopped (error %2)</source>
        <translation>麥克風「%1」已停止（錯誤 %2）</translation>
    </message>
    <message>
        <location filename="../engine/audio/QtAgentAudioIo.cpp" line="73"/>
        <source>cannot open the microphone &quot;%1&quot;</source>
        <translation>無法開啟麥克風「%1」</translation>
    </message>
    <message>
        <location filename="../engine/audio/QtAgentAudioIo.cpp" line="95"/>
        <source>the earpiece &quot;%1&quot; stopped (error %2)</source>
        <translation>耳機聽筒「%1」已停止（錯誤 %2）</translation>
    </message>
    <message>
        <location filename="../engine/audio/QtAgentAudioIo.cpp" line="101"/>
        <source>cannot open the earpiece &quot;%1&quot;</source>
        <translation>無法開啟耳機聽筒「%1」</translation>
    </message>
</context>
<context>
    <name>QtMultimediaLineAudioPort</name>
    <message>
        <location filename="../providers/soundline/line/QtMultimediaLineAudioPort.cpp" line="64"/>
        <source>no capture sound card is configured (captureDevice)</source>
        <translation>未設定收音音效卡（captureDevice）</translation>
    </message>
    <message>
        <location filename="../providers/soundline/line/QtMultimediaLineAudioPort.cpp" line="69"/>
        <source>capture sound card &apos;%1&apos; is not present</source>
        <translation>收音音效卡「%1」不存在</translation>
    </message>
    <message>
        <location filename="../providers/soundline/line/QtMultimediaLineAudioPort.cpp" line="76"/>
        <source>playback sound card &apos;%1&apos; is not present</source>
        <translation>播放音效卡「%1」不存在</translation>
    </message>
    <message>
        <location filename="../providers/soundline/line/QtMultimediaLineAudioPort.cpp" line="84"/>
        <source>capture sound card %1: %2</source>
        <translation>收音音效卡 %1：%2</translation>
    </message>
    <message>
        <location filename="../providers/soundline/line/QtMultimediaLineAudioPort.cpp" line="93"/>
        <source>capture sound card %1 stopped delivering audio</source>
        <translation>收音音效卡 %1 已停止提供音訊</translation>
    </message>
    <message>
        <location filename="../providers/soundline/line/QtMultimediaLineAudioPort.cpp" line="100"/>
        <source>capture sound card %1 cannot be opened at %2 Hz</source>
        <translation>收音音效卡 %1 無法以 %2 Hz 開啟</translation>
    </message>
    <message>
        <location filename="../providers/soundline/line/QtMultimediaLineAudioPort.cpp" line="117"/>
        <source>playback sound card %1 stopped taking audio</source>
        <translation>播放音效卡 %1 已停止接收音訊</translation>
    </message>
    <message>
        <location filename="../providers/soundline/line/QtMultimediaLineAudioPort.cpp" line="123"/>
        <source>playback sound card %1 cannot be opened at %2 Hz</source>
        <translation>播放音效卡 %1 無法以 %2 Hz 開啟</translation>
    </message>
    <message>
        <location filename="../providers/soundline/line/QtMultimediaLineAudioPort.cpp" line="239"/>
        <source>capture sound card %1 was unplugged</source>
        <translation>收音音效卡 %1 已拔除</translation>
    </message>
    <message>
        <location filename="../providers/soundline/line/QtMultimediaLineAudioPort.cpp" line="243"/>
        <source>playback sound card %1 was unplugged</source>
        <translation>播放音效卡 %1 已拔除</translation>
    </message>
</context>
<context>
    <name>QtSerialControlPort</name>
    <message>
        <location filename="../providers/soundline/line/QtSerialControlPort.cpp" line="41"/>
        <location filename="../providers/soundline/line/QtSerialControlPort.cpp" line="116"/>
        <source>serial port %1 went away: %2</source>
        <translation>序列埠 %1 已消失：%2</translation>
    </message>
    <message>
        <location filename="../providers/soundline/line/QtSerialControlPort.cpp" line="57"/>
        <source>serial port %1: %2</source>
        <translation>序列埠 %1：%2</translation>
    </message>
    <message>
        <location filename="../providers/soundline/line/QtSerialControlPort.cpp" line="105"/>
        <source>serial port %1 went away: the device node is gone</source>
        <translation>序列埠 %1 已消失：裝置節點不存在</translation>
    </message>
</context>
<context>
    <name>Reasons</name>
    <message>
        <location filename="../ui/theme/Reasons.qml" line="11"/>
        <source>Not possible in the call&apos;s current state.</source>
        <translation>通話目前的狀態無法執行此操作。</translation>
    </message>
    <message>
        <location filename="../ui/theme/Reasons.qml" line="12"/>
        <source>This line does not offer that.</source>
        <translation>此線路不提供此功能。</translation>
    </message>
    <message>
        <location filename="../ui/theme/Reasons.qml" line="13"/>
        <source>The line could not do it.</source>
        <translation>線路無法完成此操作。</translation>
    </message>
    <message>
        <location filename="../ui/theme/Reasons.qml" line="14"/>
        <source>The line is busy with another request; try again.</source>
        <translation>線路正在處理其他要求，請再試一次。</translation>
    </message>
    <message>
        <location filename="../ui/theme/Reasons.qml" line="15"/>
        <location filename="../ui/theme/Reasons.qml" line="45"/>
        <source>This station only monitors the call.</source>
        <translation>此話機僅監看此通話。</translation>
    </message>
    <message>
        <location filename="../ui/theme/Reasons.qml" line="16"/>
        <source>That number cannot be dialled.</source>
        <translation>無法撥打該號碼。</translation>
    </message>
    <message>
        <location filename="../ui/theme/Reasons.qml" line="17"/>
        <source>The text for the caller&apos;s system is too long for this line.</source>
        <translation>傳給來電端系統的文字超過此線路的長度上限。</translation>
    </message>
    <message>
        <location filename="../ui/theme/Reasons.qml" line="18"/>
        <source>The conference is full.</source>
        <translation>會議人數已滿。</translation>
    </message>
    <message>
        <location filename="../ui/theme/Reasons.qml" line="21"/>
        <source>That call has already ended.</source>
        <translation>該通話已經結束。</translation>
    </message>
    <message>
        <location filename="../ui/theme/Reasons.qml" line="23"/>
        <source>The line is not available.</source>
        <translation>線路無法使用。</translation>
    </message>
    <message>
        <location filename="../ui/theme/Reasons.qml" line="25"/>
        <source>The request was not valid.</source>
        <translation>要求無效。</translation>
    </message>
    <message>
        <location filename="../ui/theme/Reasons.qml" line="26"/>
        <source>Out of memory.</source>
        <translation>記憶體不足。</translation>
    </message>
    <message>
        <location filename="../ui/theme/Reasons.qml" line="28"/>
        <source>The line refused it (error 0x%1).</source>
        <translation>線路拒絕了此操作（錯誤 0x%1）。</translation>
    </message>
    <message>
        <location filename="../ui/theme/Reasons.qml" line="33"/>
        <source>%1 failed: %2</source>
        <translation>%1失敗：%2</translation>
    </message>
    <message>
        <location filename="../ui/theme/Reasons.qml" line="39"/>
        <source>Select a call first.</source>
        <translation>請先選擇通話。</translation>
    </message>
    <message>
        <location filename="../ui/theme/Reasons.qml" line="43"/>
        <source>The call has ended.</source>
        <translation>通話已結束。</translation>
    </message>
    <message>
        <location filename="../ui/theme/Reasons.qml" line="49"/>
        <source>%1 is not available while the call is ringing.</source>
        <translation>通話響鈴時無法使用「%1」。</translation>
    </message>
    <message>
        <location filename="../ui/theme/Reasons.qml" line="54"/>
        <source>%1 is not available until the other party answers.</source>
        <translation>對方接聽前無法使用「%1」。</translation>
    </message>
    <message>
        <location filename="../ui/theme/Reasons.qml" line="58"/>
        <source>%1 is not available while the call is on hold.</source>
        <translation>通話保留中無法使用「%1」。</translation>
    </message>
    <message>
        <location filename="../ui/theme/Reasons.qml" line="60"/>
        <source>%1 is not available for a party of a conference; use the conference.</source>
        <translation>會議中的單一方無法使用「%1」；請對會議操作。</translation>
    </message>
    <message>
        <location filename="../ui/theme/Reasons.qml" line="63"/>
        <source>%1 is not available: the call is active at another station.</source>
        <translation>無法使用「%1」：此通話正在另一具話機上進行。</translation>
    </message>
    <message>
        <location filename="../ui/theme/Reasons.qml" line="66"/>
        <source>This line does not offer %1 now.</source>
        <translation>此線路目前不提供「%1」。</translation>
    </message>
</context>
<context>
    <name>Recorder</name>
    <message>
        <location filename="../engine/audio/Recorder.cpp" line="66"/>
        <source>Cannot create the recording %1: %2</source>
        <translation>無法建立錄音檔 %1：%2</translation>
    </message>
    <message>
        <location filename="../engine/audio/Recorder.cpp" line="76"/>
        <source>Cannot record %1: the format does not support %2 Hz.</source>
        <translation>無法錄製 %1：此格式不支援 %2 Hz。</translation>
    </message>
    <message>
        <location filename="../engine/audio/Recorder.cpp" line="85"/>
        <source>Cannot start the recording %1: %2</source>
        <translation>無法開始錄音 %1：%2</translation>
    </message>
    <message>
        <location filename="../engine/audio/Recorder.cpp" line="135"/>
        <source>The recording %1 stopped: %2</source>
        <translation>錄音 %1 已停止：%2</translation>
    </message>
</context>
<context>
    <name>SessionList</name>
    <message>
        <location filename="../ui/components/SessionList.qml" line="29"/>
        <source>Sessions</source>
        <translation>通話</translation>
    </message>
    <message>
        <location filename="../ui/components/SessionList.qml" line="37"/>
        <source>No calls</source>
        <translation>沒有通話</translation>
    </message>
    <message>
        <location filename="../ui/components/SessionList.qml" line="67"/>
        <location filename="../ui/components/SessionList.qml" line="100"/>
        <source>Conference</source>
        <translation>會議</translation>
    </message>
    <message>
        <location filename="../ui/components/SessionList.qml" line="69"/>
        <location filename="../ui/components/SessionList.qml" line="150"/>
        <source>in conference %1</source>
        <translation>在會議 %1 中</translation>
    </message>
    <message>
        <location filename="../ui/components/SessionList.qml" line="102"/>
        <source>Unknown caller</source>
        <translation>不明來電者</translation>
    </message>
</context>
<context>
    <name>SettingsArray</name>
    <message>
        <location filename="../engine/settings/SettingsArray.cpp" line="95"/>
        <source>&quot;%1&quot; is the name of another account.</source>
        <translation>「%1」已是另一個帳號的名稱。</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../ui/pages/SettingsPage.qml" line="18"/>
        <source>Answer the incoming call</source>
        <translation>接聽來電</translation>
    </message>
    <message>
        <location filename="../ui/pages/SettingsPage.qml" line="19"/>
        <source>Reject the incoming call</source>
        <translation>拒接來電</translation>
    </message>
    <message>
        <location filename="../ui/pages/SettingsPage.qml" line="20"/>
        <source>Drop the selected call</source>
        <translation>掛斷選取的通話</translation>
    </message>
    <message>
        <location filename="../ui/pages/SettingsPage.qml" line="21"/>
        <source>Hold or unhold the selected call</source>
        <translation>保留或取回選取的通話</translation>
    </message>
    <message>
        <location filename="../ui/pages/SettingsPage.qml" line="22"/>
        <source>Mute or unmute the microphone</source>
        <translation>麥克風靜音或取消靜音</translation>
    </message>
    <message>
        <location filename="../ui/pages/SettingsPage.qml" line="45"/>
        <source>Settings marked “Set by your administrator” come from %1 and cannot be changed here.</source>
        <translation>標示「由系統管理員設定」的設定來自 %1，無法在此變更。</translation>
    </message>
    <message>
        <location filename="../ui/pages/SettingsPage.qml" line="53"/>
        <source>Lines</source>
        <translation>線路</translation>
    </message>
    <message>
        <location filename="../ui/pages/SettingsPage.qml" line="57"/>
        <source>SIP accounts</source>
        <translation>SIP 帳號</translation>
    </message>
    <message>
        <location filename="../ui/pages/SettingsPage.qml" line="62"/>
        <source>Keyboard shortcuts</source>
        <translation>鍵盤快速鍵</translation>
    </message>
    <message>
        <location filename="../ui/pages/SettingsPage.qml" line="70"/>
        <source>Headsets</source>
        <translation>耳機</translation>
    </message>
    <message>
        <location filename="../ui/pages/SettingsPage.qml" line="76"/>
        <source>Audio</source>
        <translation>音訊</translation>
    </message>
    <message>
        <location filename="../ui/pages/SettingsPage.qml" line="81"/>
        <source>Appearance</source>
        <translation>外觀</translation>
    </message>
    <message>
        <location filename="../ui/pages/SettingsPage.qml" line="83"/>
        <location filename="../ui/pages/SettingsPage.qml" line="95"/>
        <source>Theme</source>
        <translation>主題</translation>
    </message>
    <message>
        <location filename="../ui/pages/SettingsPage.qml" line="91"/>
        <location filename="../ui/pages/SettingsPage.qml" line="131"/>
        <source>Follow the system</source>
        <translation>跟隨系統</translation>
    </message>
    <message>
        <location filename="../ui/pages/SettingsPage.qml" line="91"/>
        <source>Light</source>
        <translation>淺色</translation>
    </message>
    <message>
        <location filename="../ui/pages/SettingsPage.qml" line="91"/>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <location filename="../ui/pages/SettingsPage.qml" line="101"/>
        <source>Wrap-up</source>
        <translation>整理</translation>
    </message>
    <message>
        <location filename="../ui/pages/SettingsPage.qml" line="103"/>
        <source>Wrap-up time after a call (seconds, 0 = until finished)</source>
        <translation>通話後的整理時間（秒，0 表示直到手動結束）</translation>
    </message>
    <message>
        <location filename="../ui/pages/SettingsPage.qml" line="112"/>
        <source>Wrap-up time in seconds</source>
        <translation>整理時間（秒）</translation>
    </message>
    <message>
        <location filename="../ui/pages/SettingsPage.qml" line="121"/>
        <source>Language</source>
        <translation>語言</translation>
    </message>
    <message>
        <location filename="../ui/pages/SettingsPage.qml" line="123"/>
        <location filename="../ui/pages/SettingsPage.qml" line="135"/>
        <source>User interface language</source>
        <translation>介面語言</translation>
    </message>
    <message>
        <location filename="../ui/pages/SettingsPage.qml" line="144"/>
        <source>This run started with --lang %1. A language chosen here applies at once and at every start.</source>
        <translation>本次以 --lang %1 啟動。在此選擇的語言會立即套用，之後每次啟動也會使用。</translation>
    </message>
    <message>
        <location filename="../ui/pages/SettingsPage.qml" line="13"/>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <location filename="../ui/pages/SettingsPage.qml" line="23"/>
        <source>Save the wrap-up and close the call</source>
        <translation>儲存整理內容並關閉通話</translation>
    </message>
    <message>
        <location filename="../ui/pages/SettingsPage.qml" line="24"/>
        <source>Become ready</source>
        <translation>轉為就緒</translation>
    </message>
    <message>
        <location filename="../ui/pages/SettingsPage.qml" line="25"/>
        <source>Change the agent state</source>
        <translation>變更客服狀態</translation>
    </message>
</context>
<context>
    <name>ShortcutEditor</name>
    <message>
        <location filename="../ui/components/ShortcutEditor.qml" line="29"/>
        <source>Press the new shortcut for “%1”, or Escape to keep %2.</source>
        <translation>請按下「%1」的新快速鍵，或按 Escape 保留 %2。</translation>
    </message>
    <message>
        <location filename="../ui/components/ShortcutEditor.qml" line="30"/>
        <source>Unchanged: %1 stays %2.</source>
        <translation>未變更：%1 仍為 %2。</translation>
    </message>
    <message>
        <location filename="../ui/components/ShortcutEditor.qml" line="31"/>
        <source>%1 cannot be a shortcut: use Ctrl, Alt or Meta with a key, or a function key.</source>
        <translation>%1 不能作為快速鍵：請將 Ctrl、Alt 或 Meta 與一個按鍵搭配，或使用功能鍵。</translation>
    </message>
    <message>
        <location filename="../ui/components/ShortcutEditor.qml" line="32"/>
        <source>%1 is already the shortcut for “%2”; choose another or change that one first.</source>
        <translation>%1 已是「%2」的快速鍵；請選擇其他組合，或先變更那一項。</translation>
    </message>
    <message>
        <location filename="../ui/components/ShortcutEditor.qml" line="33"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location filename="../ui/components/ShortcutEditor.qml" line="107"/>
        <source>Press keys…</source>
        <translation>請按下按鍵…</translation>
    </message>
    <message>
        <location filename="../ui/components/ShortcutEditor.qml" line="111"/>
        <source>Shortcut for %1: %2</source>
        <translation>%1 的快速鍵：%2</translation>
    </message>
    <message>
        <location filename="../ui/components/ShortcutEditor.qml" line="119"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../ui/components/ShortcutEditor.qml" line="119"/>
        <source>Change</source>
        <translation>變更</translation>
    </message>
    <message>
        <location filename="../ui/components/ShortcutEditor.qml" line="120"/>
        <source>Cancel changing the shortcut</source>
        <translation>取消變更快速鍵</translation>
    </message>
    <message>
        <location filename="../ui/components/ShortcutEditor.qml" line="121"/>
        <source>Change the shortcut for %1</source>
        <translation>變更「%1」的快速鍵</translation>
    </message>
    <message>
        <location filename="../ui/components/ShortcutEditor.qml" line="126"/>
        <source>Reset</source>
        <translation>重設</translation>
    </message>
    <message>
        <location filename="../ui/components/ShortcutEditor.qml" line="130"/>
        <source>Reset the shortcut for %1 to %2</source>
        <translation>將「%1」的快速鍵重設為 %2</translation>
    </message>
    <message>
        <location filename="../ui/components/ShortcutEditor.qml" line="155"/>
        <source>Shortcut capture</source>
        <translation>快速鍵擷取</translation>
    </message>
    <message>
        <location filename="../ui/components/ShortcutEditor.qml" line="129"/>
        <source>This is the default shortcut.</source>
        <translation>這已是預設的快速鍵。</translation>
    </message>
</context>
<context>
    <name>SipAccountChecks</name>
    <message>
        <location filename="../ui/SipAccountChecks.cpp" line="34"/>
        <source>%1 is not a full path (it must start with /).</source>
        <translation>%1 不是完整路徑（必須以 / 開頭）。</translation>
    </message>
    <message>
        <location filename="../ui/SipAccountChecks.cpp" line="36"/>
        <source>%1 does not exist.</source>
        <translation>%1 不存在。</translation>
    </message>
    <message>
        <location filename="../ui/SipAccountChecks.cpp" line="38"/>
        <source>%1 is a folder, not a file.</source>
        <translation>%1 是資料夾，不是檔案。</translation>
    </message>
    <message>
        <location filename="../ui/SipAccountChecks.cpp" line="40"/>
        <source>%1 cannot be read by this user.</source>
        <translation>此使用者無法讀取 %1。</translation>
    </message>
    <message>
        <location filename="../ui/SipAccountChecks.cpp" line="64"/>
        <source>&quot;%1&quot; is not a number, a SIP user name or a sip: address.</source>
        <translation>「%1」不是號碼、SIP 使用者名稱或 sip: 位址。</translation>
    </message>
    <message>
        <location filename="../ui/SipAccountChecks.cpp" line="68"/>
        <source>&quot;%1&quot; is listed twice.</source>
        <translation>「%1」重複列出。</translation>
    </message>
</context>
<context>
    <name>SipAccountForm</name>
    <message>
        <location filename="../ui/components/SipAccountForm.qml" line="118"/>
        <location filename="../ui/components/SipAccountForm.qml" line="124"/>
        <source>Registrar</source>
        <translation>註冊伺服器</translation>
    </message>
    <message>
        <location filename="../ui/components/SipAccountForm.qml" line="123"/>
        <source>host or host:port</source>
        <translation>主機或主機:連接埠</translation>
    </message>
    <message>
        <location filename="../ui/components/SipAccountForm.qml" line="126"/>
        <location filename="../ui/components/SipAccountForm.qml" line="132"/>
        <source>Outbound proxy</source>
        <translation>外撥代理伺服器</translation>
    </message>
    <message>
        <location filename="../ui/components/SipAccountForm.qml" line="131"/>
        <source>None: requests go to the registrar</source>
        <translation>無：請求直接送往註冊伺服器</translation>
    </message>
    <message>
        <location filename="../ui/components/SipAccountForm.qml" line="134"/>
        <location filename="../ui/components/SipAccountForm.qml" line="140"/>
        <source>User</source>
        <translation>使用者</translation>
    </message>
    <message>
        <location filename="../ui/components/SipAccountForm.qml" line="139"/>
        <source>The account&apos;s user, also the line&apos;s number</source>
        <translation>帳號的使用者，也是線路的號碼</translation>
    </message>
    <message>
        <location filename="../ui/components/SipAccountForm.qml" line="142"/>
        <location filename="../ui/components/SipAccountForm.qml" line="148"/>
        <source>Authentication user</source>
        <translation>驗證使用者</translation>
    </message>
    <message>
        <location filename="../ui/components/SipAccountForm.qml" line="147"/>
        <source>The user</source>
        <translation>同使用者</translation>
    </message>
    <message>
        <location filename="../ui/components/SipAccountForm.qml" line="150"/>
        <location filename="../ui/components/SipAccountForm.qml" line="157"/>
        <source>Password</source>
        <translation>密碼</translation>
    </message>
    <message>
        <location filename="../ui/components/SipAccountForm.qml" line="156"/>
        <source>Unchanged</source>
        <translation>不變更</translation>
    </message>
    <message>
        <location filename="../ui/components/SipAccountForm.qml" line="93"/>
        <location filename="../ui/components/SipAccountForm.qml" line="156"/>
        <location filename="../ui/components/SipAccountForm.qml" line="210"/>
        <source>None</source>
        <translation>無</translation>
    </message>
    <message>
        <location filename="../ui/components/SipAccountForm.qml" line="106"/>
        <source>PEM files (*.pem *.crt *.cer *.key)</source>
        <translation>PEM 檔案 (*.pem *.crt *.cer *.key)</translation>
    </message>
    <message>
        <location filename="../ui/components/SipAccountForm.qml" line="106"/>
        <source>All files (*)</source>
        <translation>所有檔案 (*)</translation>
    </message>
    <message>
        <location filename="../ui/components/SipAccountForm.qml" line="107"/>
        <source>Browse for %1</source>
        <translation>瀏覽%1</translation>
    </message>
    <message>
        <location filename="../ui/components/SipAccountForm.qml" line="160"/>
        <location filename="../ui/components/SipAccountForm.qml" line="169"/>
        <source>Transport</source>
        <translation>傳輸方式</translation>
    </message>
    <message>
        <location filename="../ui/components/SipAccountForm.qml" line="173"/>
        <source>TLS certificate authorities</source>
        <translation>TLS 憑證授權單位</translation>
    </message>
    <message>
        <location filename="../ui/components/SipAccountForm.qml" line="179"/>
        <source>TLS certificate authorities file</source>
        <translation>TLS 憑證授權單位檔案</translation>
    </message>
    <message>
        <location filename="../ui/components/SipAccountForm.qml" line="182"/>
        <source>The system&apos;s trusted authorities</source>
        <translation>系統信任的憑證授權單位</translation>
    </message>
    <message>
        <location filename="../ui/components/SipAccountForm.qml" line="190"/>
        <source>TLS client certificate</source>
        <translation>TLS 用戶端憑證</translation>
    </message>
    <message>
        <location filename="../ui/components/SipAccountForm.qml" line="196"/>
        <source>TLS client certificate and key file</source>
        <translation>TLS 用戶端憑證與金鑰檔案</translation>
    </message>
    <message>
        <location filename="../ui/components/SipAccountForm.qml" line="199"/>
        <source>None: sent only if the server asks</source>
        <translation>無：僅在伺服器要求時傳送</translation>
    </message>
    <message>
        <location filename="../ui/components/SipAccountForm.qml" line="205"/>
        <location filename="../ui/components/SipAccountForm.qml" line="211"/>
        <source>Display name</source>
        <translation>顯示名稱</translation>
    </message>
    <message>
        <location filename="../ui/components/SipAccountForm.qml" line="213"/>
        <source>Codecs, in order</source>
        <translation>編解碼器（依順序）</translation>
    </message>
    <message>
        <location filename="../ui/components/SipAccountForm.qml" line="219"/>
        <source>Codecs, in order of preference</source>
        <translation>編解碼器，依偏好順序</translation>
    </message>
    <message>
        <location filename="../ui/components/SipAccountForm.qml" line="221"/>
        <location filename="../ui/components/SipAccountForm.qml" line="227"/>
        <source>Monitored addresses</source>
        <translation>監看的位址</translation>
    </message>
    <message>
        <location filename="../ui/components/SipAccountForm.qml" line="226"/>
        <source>None, or numbers and sip: addresses, separated by commas</source>
        <translation>無，或以逗號分隔的號碼與 sip: 位址</translation>
    </message>
    <message>
        <location filename="../ui/components/SipAccountForm.qml" line="229"/>
        <source>Numbers or sip: addresses whose busy or idle status the console shows, separated by commas</source>
        <translation>主控台顯示其忙線或閒置狀態的號碼或 sip: 位址，以逗號分隔</translation>
    </message>
    <message>
        <location filename="../ui/components/SipAccountForm.qml" line="239"/>
        <source>Shared line: calls answered at other phones on this address appear here</source>
        <translation>共用線路：此位址在其他電話接聽的通話會顯示在這裡</translation>
    </message>
    <message>
        <location filename="../ui/components/SipAccountForm.qml" line="241"/>
        <source>Shared line</source>
        <translation>共用線路</translation>
    </message>
    <message>
        <location filename="../ui/components/SipAccountForm.qml" line="251"/>
        <source>Not saved: %1</source>
        <translation>未儲存：%1</translation>
    </message>
    <message>
        <location filename="../ui/components/SipAccountForm.qml" line="263"/>
        <source>Add the account</source>
        <translation>新增帳號</translation>
    </message>
    <message>
        <location filename="../ui/components/SipAccountForm.qml" line="263"/>
        <source>Save the account</source>
        <translation>儲存帳號</translation>
    </message>
    <message>
        <location filename="../ui/components/SipAccountForm.qml" line="268"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>SipAccountLines</name>
    <message>
        <location filename="../app/SipAccountLines.cpp" line="50"/>
        <source>The SIP accounts in the settings (sipAccounts, %1) are not used: %2</source>
        <translation>設定中的 SIP 帳號（sipAccounts，%1）未啟用：%2</translation>
    </message>
    <message>
        <location filename="../app/SipAccountLines.cpp" line="52"/>
        <source>The SIP account %1 in the settings (sipAccounts, %2) is not used: %3</source>
        <translation>設定中的 SIP 帳號 %1（sipAccounts，%2）未啟用：%3</translation>
    </message>
    <message>
        <location filename="../app/SipAccountLines.cpp" line="74"/>
        <source>the id is used twice</source>
        <translation>此 id 重複使用</translation>
    </message>
</context>
<context>
    <name>SipAccountsPane</name>
    <message>
        <location filename="../ui/components/SipAccountsPane.qml" line="42"/>
        <source>not started: the console refused its values</source>
        <translation>未啟用：主控台無法使用其設定值</translation>
    </message>
    <message>
        <location filename="../ui/components/SipAccountsPane.qml" line="44"/>
        <source>changes apply when its calls end</source>
        <translation>變更將於其通話結束後套用</translation>
    </message>
    <message>
        <location filename="../ui/components/SipAccountsPane.qml" line="46"/>
        <source>closed</source>
        <translation>已關閉</translation>
    </message>
    <message>
        <location filename="../ui/components/SipAccountsPane.qml" line="48"/>
        <source>out of service: %1</source>
        <translation>停止服務：%1</translation>
    </message>
    <message>
        <location filename="../ui/components/SipAccountsPane.qml" line="49"/>
        <source>out of service</source>
        <translation>停止服務</translation>
    </message>
    <message>
        <location filename="../ui/components/SipAccountsPane.qml" line="50"/>
        <source>registered</source>
        <translation>已註冊</translation>
    </message>
    <message>
        <location filename="../ui/components/SipAccountsPane.qml" line="57"/>
        <source>The SIP accounts in the settings are not used: %1</source>
        <translation>設定中的 SIP 帳號未使用：%1</translation>
    </message>
    <message>
        <location filename="../ui/components/SipAccountsPane.qml" line="68"/>
        <source>No SIP accounts.</source>
        <translation>沒有 SIP 帳號。</translation>
    </message>
    <message>
        <location filename="../ui/components/SipAccountsPane.qml" line="107"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location filename="../ui/components/SipAccountsPane.qml" line="111"/>
        <source>Edit</source>
        <translation>編輯</translation>
    </message>
    <message>
        <location filename="../ui/components/SipAccountsPane.qml" line="114"/>
        <source>Edit %1</source>
        <translation>編輯 %1</translation>
    </message>
    <message>
        <location filename="../ui/components/SipAccountsPane.qml" line="119"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../ui/components/SipAccountsPane.qml" line="122"/>
        <source>Remove %1</source>
        <translation>移除 %1</translation>
    </message>
    <message>
        <location filename="../ui/components/SipAccountsPane.qml" line="143"/>
        <source>Add a SIP account</source>
        <translation>新增 SIP 帳號</translation>
    </message>
    <message>
        <location filename="../ui/components/SipAccountsPane.qml" line="145"/>
        <source>Finish the account being edited first.</source>
        <translation>請先完成正在編輯的帳號。</translation>
    </message>
    <message>
        <location filename="../ui/components/SipAccountsPane.qml" line="146"/>
        <source>The console takes at most %1 SIP accounts.</source>
        <translation>主控台最多可設定 %1 個 SIP 帳號。</translation>
    </message>
    <message>
        <location filename="../ui/components/SipAccountsPane.qml" line="152"/>
        <source>New SIP account</source>
        <translation>新的 SIP 帳號</translation>
    </message>
    <message>
        <location filename="../ui/components/SipAccountsPane.qml" line="152"/>
        <source>Editing %1</source>
        <translation>正在編輯 %1</translation>
    </message>
    <message>
        <location filename="../ui/components/SipAccountsPane.qml" line="169"/>
        <source>Accounts added, changed or removed here apply at once; an account with a call in progress changes when the call ends.</source>
        <translation>在此新增、變更或移除的帳號會立即套用；有通話進行中的帳號會在通話結束後變更。</translation>
    </message>
</context>
<context>
    <name>SoundLineProvider</name>
    <message>
        <location filename="../providers/soundline/line/SoundLineProvider.cpp" line="75"/>
        <source>no hook relay is wired: this line can only watch calls, it rings until the caller gives up</source>
        <translation>未接上掛機繼電器：此線路只能監看來電，會一直響鈴直到來電者放棄</translation>
    </message>
    <message>
        <location filename="../providers/soundline/line/SoundLineProvider.cpp" line="77"/>
        <source>an analogue line cannot refuse a call: it rings until the caller gives up (answer and hang up would connect the caller)</source>
        <translation>類比線路無法拒接來電：會一直響鈴直到來電者放棄（接聽後再掛斷會讓來電者接通）</translation>
    </message>
</context>
<context>
    <name>SoundLineWorker</name>
    <message>
        <location filename="../providers/soundline/line/SoundLineWorker.cpp" line="71"/>
        <source>no line audio is configured: set captureDevice (and playbackDevice) to the line interface&apos;s sound card, or captureFile to use a file</source>
        <translation>未設定線路音訊：請將 captureDevice（及 playbackDevice）設為線路介面的音效卡，或以 captureFile 使用檔案</translation>
    </message>
</context>
<context>
    <name>SupervisorNotice</name>
    <message>
        <location filename="../ui/components/SupervisorNotice.qml" line="35"/>
        <source>drop %1 from your conference</source>
        <translation>將 %1 從您的會議中掛斷</translation>
    </message>
    <message>
        <location filename="../ui/components/SupervisorNotice.qml" line="36"/>
        <source>drop your conference</source>
        <translation>結束您的會議</translation>
    </message>
    <message>
        <location filename="../ui/components/SupervisorNotice.qml" line="37"/>
        <source>end your call with %1</source>
        <translation>結束您與 %1 的通話</translation>
    </message>
    <message>
        <location filename="../ui/components/SupervisorNotice.qml" line="38"/>
        <source>set your state to %1</source>
        <translation>將您的狀態設為%1</translation>
    </message>
    <message>
        <location filename="../ui/components/SupervisorNotice.qml" line="28"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location filename="../ui/components/SupervisorNotice.qml" line="39"/>
        <source>listen to your call with %1</source>
        <translation>監聽您與 %1 的通話</translation>
    </message>
    <message>
        <location filename="../ui/components/SupervisorNotice.qml" line="40"/>
        <source>coach you (heard by you only) on your call with %1</source>
        <translation>在您與 %1 的通話中指導您（只有您聽得到）</translation>
    </message>
    <message>
        <location filename="../ui/components/SupervisorNotice.qml" line="41"/>
        <source>join your call with %1</source>
        <translation>加入您與 %1 的通話</translation>
    </message>
    <message>
        <location filename="../ui/components/SupervisorNotice.qml" line="42"/>
        <source>stop coaching your call with %1</source>
        <translation>停止指導您與 %1 的通話</translation>
    </message>
    <message>
        <location filename="../ui/components/SupervisorNotice.qml" line="50"/>
        <source>dropped %1 from your conference</source>
        <translation>已將 %1 從您的會議中掛斷</translation>
    </message>
    <message>
        <location filename="../ui/components/SupervisorNotice.qml" line="51"/>
        <source>dropped your conference</source>
        <translation>已結束您的會議</translation>
    </message>
    <message>
        <location filename="../ui/components/SupervisorNotice.qml" line="52"/>
        <source>ended your call with %1</source>
        <translation>已結束您與 %1 的通話</translation>
    </message>
    <message>
        <location filename="../ui/components/SupervisorNotice.qml" line="53"/>
        <source>changed your state to %1</source>
        <translation>已將您的狀態設為%1</translation>
    </message>
    <message>
        <location filename="../ui/components/SupervisorNotice.qml" line="54"/>
        <source>is listening to your call with %1</source>
        <translation>正在監聽您與 %1 的通話</translation>
    </message>
    <message>
        <location filename="../ui/components/SupervisorNotice.qml" line="55"/>
        <source>is coaching you (heard by you only) on your call with %1</source>
        <translation>正在您與 %1 的通話中指導您（只有您聽得到）</translation>
    </message>
    <message>
        <location filename="../ui/components/SupervisorNotice.qml" line="56"/>
        <source>is joining your call with %1</source>
        <translation>正在加入您與 %1 的通話</translation>
    </message>
    <message>
        <location filename="../ui/components/SupervisorNotice.qml" line="57"/>
        <location filename="../ui/components/SupervisorNotice.qml" line="83"/>
        <source>stopped coaching your call with %1</source>
        <translation>已停止指導您與 %1 的通話</translation>
    </message>
    <message>
        <location filename="../ui/components/SupervisorNotice.qml" line="68"/>
        <source>Supervisor %1 asked to %2; it was not done (%3).</source>
        <translation>督導 %1 要求%2，但未執行（%3）。</translation>
    </message>
    <message>
        <location filename="../ui/components/SupervisorNotice.qml" line="70"/>
        <source>Supervisor %1 will %2 after this call.</source>
        <translation>督導 %1 將在此通話結束後%2。</translation>
    </message>
    <message>
        <location filename="../ui/components/SupervisorNotice.qml" line="72"/>
        <location filename="../ui/components/SupervisorNotice.qml" line="86"/>
        <source>Supervisor %1 %2.</source>
        <extracomment>%1 is the supervisor&apos;s name, %2 what they did: &quot;dropped your conference&quot;, &quot;changed your state to Offline&quot;</extracomment>
        <translation>督導 %1 %2。</translation>
    </message>
    <message>
        <location filename="../ui/components/SupervisorNotice.qml" line="79"/>
        <source>stopped listening to your call with %1</source>
        <translation>已停止監聽您與 %1 的通話</translation>
    </message>
    <message>
        <location filename="../ui/components/SupervisorNotice.qml" line="80"/>
        <source>stopped coaching you on your call with %1</source>
        <translation>已停止在您與 %1 的通話中指導您</translation>
    </message>
    <message>
        <location filename="../ui/components/SupervisorNotice.qml" line="81"/>
        <source>left your call with %1</source>
        <translation>已離開您與 %1 的通話</translation>
    </message>
    <message>
        <location filename="../ui/components/SupervisorNotice.qml" line="137"/>
        <source>Dismiss</source>
        <translation>關閉</translation>
    </message>
    <message>
        <location filename="../ui/components/SupervisorNotice.qml" line="139"/>
        <source>Dismiss the supervisor&apos;s notice</source>
        <translation>關閉督導的通知</translation>
    </message>
</context>
<context>
    <name>SupervisorView</name>
    <message>
        <location filename="../ui/SupervisorView.qml" line="55"/>
        <source>Supervisor pages</source>
        <translation>督導頁面</translation>
    </message>
    <message>
        <location filename="../ui/SupervisorView.qml" line="63"/>
        <source>Floor</source>
        <translation>現場</translation>
    </message>
    <message>
        <location filename="../ui/SupervisorView.qml" line="65"/>
        <source>Floor: every agent&apos;s console</source>
        <translation>現場：每位客服的主控台</translation>
    </message>
    <message>
        <location filename="../ui/SupervisorView.qml" line="69"/>
        <source>This console</source>
        <translation>此主控台</translation>
    </message>
    <message>
        <location filename="../ui/SupervisorView.qml" line="71"/>
        <source>This console&apos;s calls</source>
        <translation>此主控台的通話</translation>
    </message>
    <message>
        <location filename="../ui/SupervisorView.qml" line="98"/>
        <source>Conferences (%1)</source>
        <translation>會議（%1）</translation>
    </message>
    <message>
        <location filename="../ui/SupervisorView.qml" line="110"/>
        <source>Conferences</source>
        <translation>會議</translation>
    </message>
    <message>
        <location filename="../ui/SupervisorView.qml" line="114"/>
        <source>No conferences</source>
        <translation>沒有會議</translation>
    </message>
    <message>
        <location filename="../ui/SupervisorView.qml" line="125"/>
        <location filename="../ui/SupervisorView.qml" line="134"/>
        <source>Bridged appearances</source>
        <translation>橋接分機</translation>
    </message>
    <message>
        <location filename="../ui/SupervisorView.qml" line="137"/>
        <source>No calls on bridged lines</source>
        <translation>橋接線路上沒有通話</translation>
    </message>
    <message>
        <location filename="../ui/SupervisorView.qml" line="152"/>
        <source>inactive station</source>
        <translation>未參與的分機</translation>
    </message>
    <message>
        <location filename="../ui/SupervisorView.qml" line="152"/>
        <source>active station</source>
        <translation>使用中的分機</translation>
    </message>
    <message>
        <location filename="../ui/SupervisorView.qml" line="162"/>
        <source>All sessions (%1)</source>
        <translation>所有通話（%1）</translation>
    </message>
    <message>
        <location filename="../ui/SupervisorView.qml" line="174"/>
        <source>All sessions</source>
        <translation>所有通話</translation>
    </message>
    <message>
        <location filename="../ui/SupervisorView.qml" line="189"/>
        <source>conf %1</source>
        <translation>會議 %1</translation>
    </message>
</context>
<context>
    <name>WrapUpForm</name>
    <message>
        <location filename="../ui/components/WrapUpForm.qml" line="41"/>
        <source>Wrap-up</source>
        <translation>整理</translation>
    </message>
    <message>
        <location filename="../ui/components/WrapUpForm.qml" line="47"/>
        <location filename="../ui/components/WrapUpForm.qml" line="54"/>
        <source>Disposition</source>
        <translation>處理結果</translation>
    </message>
    <message>
        <location filename="../ui/components/WrapUpForm.qml" line="53"/>
        <source>Choose…</source>
        <translation>請選擇…</translation>
    </message>
    <message>
        <location filename="../ui/components/WrapUpForm.qml" line="62"/>
        <source>Notes</source>
        <translation>備註</translation>
    </message>
    <message>
        <location filename="../ui/components/WrapUpForm.qml" line="71"/>
        <source>Wrap-up notes</source>
        <translation>整理備註</translation>
    </message>
    <message>
        <location filename="../ui/components/WrapUpForm.qml" line="81"/>
        <source>Save and close</source>
        <translation>儲存並關閉</translation>
    </message>
    <message>
        <location filename="../ui/components/WrapUpForm.qml" line="84"/>
        <source>Save the wrap-up and close the call</source>
        <translation>儲存整理內容並關閉通話</translation>
    </message>
</context>
<context>
    <name>hookline::hid::HeadsetManager</name>
    <message>
        <location filename="../providers/hidheadset/device/HeadsetManager.cpp" line="92"/>
        <source>unplugged</source>
        <translation>已拔除</translation>
    </message>
    <message>
        <location filename="../providers/hidheadset/device/HeadsetManager.cpp" line="100"/>
        <source>permission granted</source>
        <translation>已取得權限</translation>
    </message>
</context>
</TS>
