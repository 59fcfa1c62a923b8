<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>AccessibleQuickItem</name>
    <message>
        <location filename="../ui/AccessibleQuickItem.cpp" line="93"/>
        <source>Scroll %1 sideways</source>
        <translation>Scroll %1 sideways</translation>
    </message>
    <message>
        <location filename="../ui/AccessibleQuickItem.cpp" line="95"/>
        <source>Scroll %1</source>
        <translation>Scroll %1</translation>
    </message>
</context>
<context>
    <name>ActiveSessionPanel</name>
    <message>
        <location filename="../ui/components/ActiveSessionPanel.qml" line="56"/>
        <source>Select a call in the list</source>
        <translation>Select a call in the list</translation>
    </message>
    <message>
        <location filename="../ui/components/ActiveSessionPanel.qml" line="76"/>
        <location filename="../ui/components/ActiveSessionPanel.qml" line="174"/>
        <source>Conference</source>
        <translation>Conference</translation>
    </message>
    <message>
        <location filename="../ui/components/ActiveSessionPanel.qml" line="116"/>
        <source>Ended by</source>
        <translation>Ended by</translation>
    </message>
    <message>
        <location filename="../ui/components/ActiveSessionPanel.qml" line="121"/>
        <source>this station</source>
        <translation>this station</translation>
    </message>
    <message>
        <location filename="../ui/components/ActiveSessionPanel.qml" line="123"/>
        <source>Caller-ID date</source>
        <translation>Caller-ID date</translation>
    </message>
    <message>
        <location filename="../ui/components/ActiveSessionPanel.qml" line="131"/>
        <source>Caller data</source>
        <translation>Caller data</translation>
    </message>
    <message>
        <location filename="../ui/components/ActiveSessionPanel.qml" line="135"/>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <location filename="../ui/components/ActiveSessionPanel.qml" line="29"/>
        <location filename="../ui/components/ActiveSessionPanel.qml" line="147"/>
        <source>Unhold</source>
        <translation>Unhold</translation>
    </message>
    <message>
        <location filename="../ui/components/ActiveSessionPanel.qml" line="29"/>
        <location filename="../ui/components/ActiveSessionPanel.qml" line="147"/>
        <source>Hold</source>
        <translation>Hold</translation>
    </message>
    <message>
        <location filename="../ui/components/ActiveSessionPanel.qml" line="51"/>
        <source>Selected call</source>
        <translation>Selected call</translation>
    </message>
    <message>
        <location filename="../ui/components/ActiveSessionPanel.qml" line="156"/>
        <source>Consult transfer</source>
        <translation>Consult transfer</translation>
    </message>
    <message>
        <location filename="../ui/components/ActiveSessionPanel.qml" line="159"/>
        <source>Start a consultation for transfer</source>
        <translation>Start a consultation for transfer</translation>
    </message>
    <message>
        <location filename="../ui/components/ActiveSessionPanel.qml" line="166"/>
        <source>Complete transfer</source>
        <translation>Complete transfer</translation>
    </message>
    <message>
        <location filename="../ui/components/ActiveSessionPanel.qml" line="177"/>
        <source>Set up a conference</source>
        <translation>Set up a conference</translation>
    </message>
    <message>
        <location filename="../ui/components/ActiveSessionPanel.qml" line="184"/>
        <source>Add party</source>
        <translation>Add party</translation>
    </message>
    <message>
        <location filename="../ui/components/ActiveSessionPanel.qml" line="187"/>
        <source>Call another party for the conference</source>
        <translation>Call another party for the conference</translation>
    </message>
    <message>
        <location filename="../ui/components/ActiveSessionPanel.qml" line="194"/>
        <source>Add to conference</source>
        <translation>Add to conference</translation>
    </message>
    <message>
        <location filename="../ui/components/ActiveSessionPanel.qml" line="203"/>
        <source>Remove from conference</source>
        <translation>Remove from conference</translation>
    </message>
    <message>
        <location filename="../ui/components/ActiveSessionPanel.qml" line="214"/>
        <source>Unmute</source>
        <translation>Unmute</translation>
    </message>
    <message>
        <location filename="../ui/components/ActiveSessionPanel.qml" line="214"/>
        <source>Mute</source>
        <translation>Mute</translation>
    </message>
    <message>
        <location filename="../ui/components/ActiveSessionPanel.qml" line="215"/>
        <source>Unmute the microphone</source>
        <translation>Unmute the microphone</translation>
    </message>
    <message>
        <location filename="../ui/components/ActiveSessionPanel.qml" line="215"/>
        <source>Mute the microphone</source>
        <translation>Mute the microphone</translation>
    </message>
    <message>
        <location filename="../ui/components/ActiveSessionPanel.qml" line="42"/>
        <source>Nothing to save: the selected call has not ended.</source>
        <translation>Nothing to save: the selected call has not ended.</translation>
    </message>
    <message>
        <location filename="../ui/components/ActiveSessionPanel.qml" line="249"/>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../ui/components/ActiveSessionPanel.qml" line="252"/>
        <source>Call notes</source>
        <translation>Call notes</translation>
    </message>
</context>
<context>
    <name>AgentConsole</name>
    <message>
        <location filename="../ui/AgentConsole.qml" line="181"/>
        <source>Calls (%1)</source>
        <translation>Calls (%1)</translation>
    </message>
    <message>
        <location filename="../ui/AgentConsole.qml" line="21"/>
        <location filename="../ui/AgentConsole.qml" line="32"/>
        <source>No call is ringing.</source>
        <translation>No call is ringing.</translation>
    </message>
    <message>
        <location filename="../ui/AgentConsole.qml" line="24"/>
        <source>Answer</source>
        <translation>Answer</translation>
    </message>
    <message>
        <location filename="../ui/AgentConsole.qml" line="40"/>
        <source>Reject</source>
        <translation>Reject</translation>
    </message>
</context>
<context>
    <name>AgentStateBar</name>
    <message>
        <location filename="../ui/components/AgentStateBar.qml" line="53"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../ui/components/AgentStateBar.qml" line="58"/>
        <source>Agent state: %1</source>
        <translation>Agent state: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/components/AgentStateBar.qml" line="81"/>
        <source>%n s left</source>
        <translation>
            <numerusform>%n s left</numerusform>
            <numerusform>%n s left</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/components/AgentStateBar.qml" line="87"/>
        <source>+30 s</source>
        <translation>+30 s</translation>
    </message>
    <message>
        <location filename="../ui/components/AgentStateBar.qml" line="88"/>
        <source>Extend wrap-up by 30 seconds</source>
        <translation>Extend wrap-up by 30 seconds</translation>
    </message>
    <message>
        <location filename="../ui/components/AgentStateBar.qml" line="94"/>
        <source>Finish wrap-up</source>
        <translation>Finish wrap-up</translation>
    </message>
    <message>
        <location filename="../ui/components/AgentStateBar.qml" line="101"/>
        <source>Next state…</source>
        <translation>Next state…</translation>
    </message>
    <message>
        <location filename="../ui/components/AgentStateBar.qml" line="101"/>
        <source>Change state…</source>
        <translation>Change state…</translation>
    </message>
    <message>
        <location filename="../ui/components/AgentStateBar.qml" line="102"/>
        <source>Choose the state after this call</source>
        <translation>Choose the state after this call</translation>
    </message>
    <message>
        <location filename="../ui/components/AgentStateBar.qml" line="102"/>
        <source>Change the agent state</source>
        <translation>Change the agent state</translation>
    </message>
    <message>
        <location filename="../ui/components/AgentStateBar.qml" line="109"/>
        <source>Ready</source>
        <translation>Ready</translation>
    </message>
    <message>
        <location filename="../ui/components/AgentStateBar.qml" line="114"/>
        <source>Not ready</source>
        <translation>Not ready</translation>
    </message>
    <message>
        <location filename="../ui/components/AgentStateBar.qml" line="120"/>
        <source>Not ready: %1</source>
        <translation>Not ready: %1</translation>
    </message>
    <message>
        <location filename="../ui/components/AgentStateBar.qml" line="126"/>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <location filename="../ui/components/AgentStateBar.qml" line="131"/>
        <source>Keep the current state</source>
        <translation>Keep the current state</translation>
    </message>
    <message>
        <location filename="../ui/components/AgentStateBar.qml" line="141"/>
        <source>then: %1</source>
        <translation>then: %1</translation>
    </message>
    <message>
        <location filename="../ui/components/AgentStateBar.qml" line="147"/>
        <source>Microphone muted</source>
        <translation>Microphone muted</translation>
    </message>
    <message>
        <location filename="../ui/components/AgentStateBar.qml" line="25"/>
        <source>Ready after this call.</source>
        <translation>Ready after this call.</translation>
    </message>
    <message>
        <location filename="../ui/components/AgentStateBar.qml" line="63"/>
        <source>On call</source>
        <translation>On call</translation>
    </message>
    <message>
        <location filename="../ui/components/AgentStateBar.qml" line="76"/>
        <source>On call for %1</source>
        <translation>On call for %1</translation>
    </message>
    <message>
        <location filename="../ui/components/AgentStateBar.qml" line="76"/>
        <source>In this state for %1</source>
        <translation>In this state for %1</translation>
    </message>
</context>
<context>
    <name>AudioDevices</name>
    <message>
        <location filename="../engine/audio/AudioDevices.cpp" line="196"/>
        <source>System default (none available)</source>
        <translation>System default (none available)</translation>
    </message>
    <message>
        <location filename="../engine/audio/AudioDevices.cpp" line="197"/>
        <source>System default (%1)</source>
        <translation>System default (%1)</translation>
    </message>
    <message>
        <location filename="../engine/audio/AudioDevices.cpp" line="203"/>
        <source>%1 (not connected)</source>
        <translation>%1 (not connected)</translation>
    </message>
    <message>
        <location filename="../engine/audio/AudioDevices.cpp" line="225"/>
        <source>microphone</source>
        <translation>microphone</translation>
    </message>
    <message>
        <location filename="../engine/audio/AudioDevices.cpp" line="225"/>
        <source>output</source>
        <translation>output</translation>
    </message>
    <message>
        <location filename="../engine/audio/AudioDevices.cpp" line="228"/>
        <source>The chosen %1 &quot;%2&quot; is not connected; using the system default &quot;%3&quot;.</source>
        <translation>The chosen %1 &quot;%2&quot; is not connected; using the system default &quot;%3&quot;.</translation>
    </message>
    <message>
        <location filename="../engine/audio/AudioDevices.cpp" line="232"/>
        <source>No %1 is available.</source>
        <translation>No %1 is available.</translation>
    </message>
</context>
<context>
    <name>AudioDevicesPane</name>
    <message>
        <location filename="../ui/components/AudioDevicesPane.qml" line="88"/>
        <source>Microphone</source>
        <translation>Microphone</translation>
    </message>
    <message>
        <location filename="../ui/components/AudioDevicesPane.qml" line="96"/>
        <source>Earpiece</source>
        <translation>Earpiece</translation>
    </message>
    <message>
        <location filename="../ui/components/AudioDevicesPane.qml" line="104"/>
        <source>Ringer</source>
        <translation>Ringer</translation>
    </message>
    <message>
        <location filename="../ui/components/AudioDevicesPane.qml" line="156"/>
        <source>Clear</source>
        <translation>Clear</translation>
    </message>
    <message>
        <location filename="../ui/components/AudioDevicesPane.qml" line="159"/>
        <source>Clear %1</source>
        <translation>Clear %1</translation>
    </message>
    <message>
        <location filename="../ui/components/AudioDevicesPane.qml" line="170"/>
        <source>Ringtone file</source>
        <translation>Ringtone file</translation>
    </message>
    <message>
        <location filename="../ui/components/AudioDevicesPane.qml" line="173"/>
        <source>The built-in ringtone</source>
        <translation>The built-in ringtone</translation>
    </message>
    <message>
        <location filename="../ui/components/AudioDevicesPane.qml" line="180"/>
        <source>Ringing with the built-in ringtone.</source>
        <translation>Ringing with the built-in ringtone.</translation>
    </message>
    <message>
        <location filename="../ui/components/AudioDevicesPane.qml" line="181"/>
        <source>Ringing with %1.</source>
        <translation>Ringing with %1.</translation>
    </message>
    <message>
        <location filename="../ui/components/AudioDevicesPane.qml" line="198"/>
        <source>Music on hold</source>
        <translation>Music on hold</translation>
    </message>
    <message>
        <location filename="../ui/components/AudioDevicesPane.qml" line="202"/>
        <source>None: a held caller hears silence</source>
        <translation>None: a held caller hears silence</translation>
    </message>
    <message>
        <location filename="../ui/components/AudioDevicesPane.qml" line="209"/>
        <source>Record every call automatically</source>
        <translation>Record every call automatically</translation>
    </message>
    <message>
        <location filename="../ui/components/AudioDevicesPane.qml" line="221"/>
        <source>Recordings folder</source>
        <translation>Recordings folder</translation>
    </message>
    <message>
        <location filename="../ui/components/AudioDevicesPane.qml" line="225"/>
        <source>The default folder</source>
        <translation>The default folder</translation>
    </message>
    <message>
        <location filename="../ui/components/AudioDevicesPane.qml" line="228"/>
        <location filename="../ui/components/AudioDevicesPane.qml" line="237"/>
        <source>Recording format</source>
        <translation>Recording format</translation>
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
        <translation>Recording channels</translation>
    </message>
    <message>
        <location filename="../ui/components/AudioDevicesPane.qml" line="249"/>
        <source>Stereo: caller left, agent right</source>
        <translation>Stereo: caller left, agent right</translation>
    </message>
    <message>
        <location filename="../ui/components/AudioDevicesPane.qml" line="249"/>
        <source>Mono: both mixed</source>
        <translation>Mono: both mixed</translation>
    </message>
    <message>
        <location filename="../ui/components/AudioDevicesPane.qml" line="260"/>
        <source>Music on hold takes effect at the next hold; recording settings at the next recording.</source>
        <translation>Music on hold takes effect at the next hold; recording settings at the next recording.</translation>
    </message>
    <message>
        <location filename="../ui/components/AudioDevicesPane.qml" line="148"/>
        <source>Browse for %1</source>
        <translation>Browse for %1</translation>
    </message>
    <message>
        <location filename="../ui/components/AudioDevicesPane.qml" line="174"/>
        <location filename="../ui/components/AudioDevicesPane.qml" line="201"/>
        <source>Sound files (*.wav *.flac *.ogg *.opus *.mp3)</source>
        <translation>Sound files (*.wav *.flac *.ogg *.opus *.mp3)</translation>
    </message>
    <message>
        <location filename="../ui/components/AudioDevicesPane.qml" line="174"/>
        <location filename="../ui/components/AudioDevicesPane.qml" line="201"/>
        <source>All files (*)</source>
        <translation>All files (*)</translation>
    </message>
    <message>
        <location filename="../ui/components/AudioDevicesPane.qml" line="158"/>
        <source>Already empty.</source>
        <translation>Already empty.</translation>
    </message>
</context>
<context>
    <name>AudioStatus</name>
    <message>
        <location filename="../ui/components/AudioStatus.qml" line="15"/>
        <source>Call audio</source>
        <translation>Call audio</translation>
    </message>
    <message>
        <location filename="../ui/components/AudioStatus.qml" line="33"/>
        <source>Earpiece: %1</source>
        <translation>Earpiece: %1</translation>
    </message>
    <message>
        <location filename="../ui/components/AudioStatus.qml" line="33"/>
        <location filename="../ui/components/AudioStatus.qml" line="39"/>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <location filename="../ui/components/AudioStatus.qml" line="39"/>
        <source>Microphone: %1</source>
        <translation>Microphone: %1</translation>
    </message>
    <message>
        <location filename="../ui/components/AudioStatus.qml" line="54"/>
        <source>Audio moved: %1</source>
        <translation>Audio moved: %1</translation>
    </message>
    <message>
        <location filename="../ui/components/AudioStatus.qml" line="59"/>
        <source>Caller</source>
        <translation>Caller</translation>
    </message>
    <message>
        <location filename="../ui/components/AudioStatus.qml" line="60"/>
        <source>You</source>
        <translation>You</translation>
    </message>
    <message>
        <location filename="../ui/components/AudioStatus.qml" line="74"/>
        <source>%1 level %2 dBFS</source>
        <translation>%1 level %2 dBFS</translation>
    </message>
    <message>
        <location filename="../ui/components/AudioStatus.qml" line="98"/>
        <source>Stop recording</source>
        <translation>Stop recording</translation>
    </message>
    <message>
        <location filename="../ui/components/AudioStatus.qml" line="98"/>
        <source>Record</source>
        <translation>Record</translation>
    </message>
    <message>
        <location filename="../ui/components/AudioStatus.qml" line="113"/>
        <source>Resume</source>
        <translation>Resume</translation>
    </message>
    <message>
        <location filename="../ui/components/AudioStatus.qml" line="113"/>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <location filename="../ui/components/AudioStatus.qml" line="116"/>
        <source>Resume recording</source>
        <translation>Resume recording</translation>
    </message>
    <message>
        <location filename="../ui/components/AudioStatus.qml" line="116"/>
        <source>Pause recording</source>
        <translation>Pause recording</translation>
    </message>
    <message>
        <location filename="../ui/components/AudioStatus.qml" line="125"/>
        <source>Recording to %1</source>
        <translation>Recording to %1</translation>
    </message>
    <message>
        <location filename="../ui/components/AudioStatus.qml" line="126"/>
        <source>Paused: %1</source>
        <translation>Paused: %1</translation>
    </message>
    <message>
        <location filename="../ui/components/AudioStatus.qml" line="127"/>
        <source>Saved %1</source>
        <translation>Saved %1</translation>
    </message>
    <message>
        <location filename="../ui/components/AudioStatus.qml" line="102"/>
        <source>The call has ended: there is nothing left to record.</source>
        <translation>The call has ended: there is nothing left to record.</translation>
    </message>
    <message>
        <location filename="../ui/components/AudioStatus.qml" line="115"/>
        <source>Nothing is being recorded.</source>
        <translation>Nothing is being recorded.</translation>
    </message>
</context>
<context>
    <name>BlindTransferField</name>
    <message>
        <location filename="../ui/components/BlindTransferField.qml" line="31"/>
        <source>Transfer to number</source>
        <translation>Transfer to number</translation>
    </message>
    <message>
        <location filename="../ui/components/BlindTransferField.qml" line="33"/>
        <source>Number to transfer the call to</source>
        <translation>Number to transfer the call to</translation>
    </message>
    <message>
        <location filename="../ui/components/BlindTransferField.qml" line="41"/>
        <source>Blind transfer</source>
        <translation>Blind transfer</translation>
    </message>
    <message>
        <location filename="../ui/components/BlindTransferField.qml" line="43"/>
        <source>Transfer the call without consulting</source>
        <translation>Transfer the call without consulting</translation>
    </message>
</context>
<context>
    <name>BrowseButton</name>
    <message>
        <location filename="../ui/components/BrowseButton.qml" line="20"/>
        <source>Browse…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location filename="../ui/components/BrowseButton.qml" line="47"/>
        <source>All files (*)</source>
        <translation>All files (*)</translation>
    </message>
</context>
<context>
    <name>CallAudioMixer</name>
    <message>
        <location filename="../engine/audio/CallAudioMixer.cpp" line="227"/>
        <source>The call has no audio to record.</source>
        <translation>The call has no audio to record.</translation>
    </message>
</context>
<context>
    <name>CallAudioRouter</name>
    <message>
        <location filename="../engine/audio/CallAudioRouter.cpp" line="118"/>
        <source>Cannot play the music on hold %1: %2</source>
        <translation>Cannot play the music on hold %1: %2</translation>
    </message>
    <message>
        <location filename="../engine/audio/CallAudioRouter.cpp" line="451"/>
        <source>Cannot record: the folder %1 cannot be created.</source>
        <translation>Cannot record: the folder %1 cannot be created.</translation>
    </message>
    <message>
        <location filename="../engine/audio/CallAudioRouter.cpp" line="474"/>
        <source>Cannot record: the call has no audio.</source>
        <translation>Cannot record: the call has no audio.</translation>
    </message>
    <message>
        <location filename="../engine/audio/CallAudioRouter.cpp" line="483"/>
        <source>The call is already being recorded into %1.</source>
        <translation>The call is already being recorded into %1.</translation>
    </message>
    <message>
        <location filename="../engine/audio/CallAudioRouter.cpp" line="498"/>
        <source>Hookline call %1</source>
        <translation>Hookline call %1</translation>
    </message>
</context>
<context>
    <name>CallLog</name>
    <message>
        <location filename="../engine/log/CallLogStore.cpp" line="121"/>
        <source>The call history file %1 is damaged and cannot be moved aside: calls are not being recorded.</source>
        <translation>The call history file %1 is damaged and cannot be moved aside: calls are not being recorded.</translation>
    </message>
    <message>
        <location filename="../engine/log/CallLogStore.cpp" line="130"/>
        <source>The call history file was damaged. It was set aside as %1 and a new, empty history was started; calls are recorded again.</source>
        <translation>The call history file was damaged. It was set aside as %1 and a new, empty history was started; calls are recorded again.</translation>
    </message>
</context>
<context>
    <name>ConferenceCard</name>
    <message>
        <location filename="../ui/components/ConferenceCard.qml" line="21"/>
        <location filename="../ui/components/ConferenceCard.qml" line="33"/>
        <source>Conference %1</source>
        <translation>Conference %1</translation>
    </message>
    <message>
        <location filename="../ui/components/ConferenceCard.qml" line="44"/>
        <source>Events</source>
        <translation>Events</translation>
    </message>
    <message>
        <location filename="../ui/components/ConferenceCard.qml" line="45"/>
        <source>Show this conference&apos;s events</source>
        <translation>Show this conference&apos;s events</translation>
    </message>
    <message>
        <location filename="../ui/components/ConferenceCard.qml" line="51"/>
        <location filename="../ui/components/ConferenceCard.qml" line="56"/>
        <source>Drop conference</source>
        <translation>Drop conference</translation>
    </message>
    <message>
        <location filename="../ui/components/ConferenceCard.qml" line="62"/>
        <source>No parties</source>
        <translation>No parties</translation>
    </message>
    <message>
        <location filename="../ui/components/ConferenceCard.qml" line="87"/>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../ui/components/ConferenceCard.qml" line="90"/>
        <source>Remove this party from the conference</source>
        <translation>Remove this party from the conference</translation>
    </message>
    <message>
        <location filename="../ui/components/ConferenceCard.qml" line="96"/>
        <source>Drop</source>
        <translation>Drop</translation>
    </message>
    <message>
        <location filename="../ui/components/ConferenceCard.qml" line="99"/>
        <source>Drop this party</source>
        <translation>Drop this party</translation>
    </message>
</context>
<context>
    <name>ConfirmDropAll</name>
    <message>
        <location filename="../ui/components/ConfirmDropAll.qml" line="27"/>
        <source>Drop the whole conference?</source>
        <translation>Drop the whole conference?</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/components/ConfirmDropAll.qml" line="52"/>
        <source>All %n parties will be disconnected.</source>
        <translation>
            <numerusform>The %n party will be disconnected.</numerusform>
            <numerusform>All %n parties will be disconnected.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/components/ConfirmDropAll.qml" line="53"/>
        <source>Every party will be disconnected.</source>
        <translation>Every party will be disconnected.</translation>
    </message>
    <message>
        <location filename="../ui/components/ConfirmDropAll.qml" line="60"/>
        <source>Drop all</source>
        <translation>Drop all</translation>
    </message>
    <message>
        <location filename="../ui/components/ConfirmDropAll.qml" line="64"/>
        <source>Drop the whole conference</source>
        <translation>Drop the whole conference</translation>
    </message>
    <message>
        <location filename="../ui/components/ConfirmDropAll.qml" line="69"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../ui/components/ConfirmDropAll.qml" line="71"/>
        <source>Keep the conference</source>
        <translation>Keep the conference</translation>
    </message>
</context>
<context>
    <name>ConsoleApp</name>
    <message>
        <location filename="../app/ConsoleApp.cpp" line="220"/>
        <source>The sound-card lines in the settings (soundLines, %1) are not used: %2</source>
        <translation>The sound-card lines in the settings (soundLines, %1) are not used: %2</translation>
    </message>
    <message>
        <location filename="../app/ConsoleApp.cpp" line="257"/>
        <source>The scenario&apos;s SIP lines are not used: %1</source>
        <translation>The scenario&apos;s SIP lines are not used: %1</translation>
    </message>
</context>
<context>
    <name>ConsoleSettings</name>
    <message>
        <location filename="../engine/settings/ConsoleSettings.cpp" line="224"/>
        <source>%1=%2: expected a number of lines from 0 to %3</source>
        <translation>%1=%2: expected a number of lines from 0 to %3</translation>
    </message>
    <message>
        <location filename="../engine/settings/ConsoleSettings.cpp" line="227"/>
        <source>%1=%2: expected a number of accounts from 0 to %3</source>
        <translation>%1=%2: expected a number of accounts from 0 to %3</translation>
    </message>
</context>
<context>
    <name>DialPad</name>
    <message>
        <location filename="../ui/components/DialPad.qml" line="34"/>
        <location filename="../ui/components/DialPad.qml" line="38"/>
        <source>Number to dial</source>
        <translation>Number to dial</translation>
    </message>
    <message>
        <location filename="../ui/components/DialPad.qml" line="46"/>
        <source>Dial</source>
        <translation>Dial</translation>
    </message>
    <message>
        <location filename="../ui/components/DialPad.qml" line="48"/>
        <source>Dial the number</source>
        <translation>Dial the number</translation>
    </message>
    <message>
        <location filename="../ui/components/DialPad.qml" line="66"/>
        <source>Keys send tones to the call</source>
        <translation>Keys send tones to the call</translation>
    </message>
    <message>
        <location filename="../ui/components/DialPad.qml" line="84"/>
        <source>Key %1</source>
        <translation>Key %1</translation>
    </message>
</context>
<context>
    <name>DialString</name>
    <message>
        <location filename="../engine/lines/DialString.cpp" line="60"/>
        <source>Type the number to call.</source>
        <translation>Type the number to call.</translation>
    </message>
    <message>
        <location filename="../engine/lines/DialString.cpp" line="62"/>
        <source>Only digits, + at the start, * and # can be dialled; letters cannot.</source>
        <translation>Only digits, + at the start, * and # can be dialled; letters cannot.</translation>
    </message>
    <message>
        <location filename="../engine/lines/DialString.cpp" line="65"/>
        <source>A + can only start the number.</source>
        <translation>A + can only start the number.</translation>
    </message>
</context>
<context>
    <name>DropControls</name>
    <message>
        <location filename="../ui/components/DropControls.qml" line="63"/>
        <source>No reason</source>
        <translation>No reason</translation>
    </message>
    <message>
        <location filename="../ui/components/DropControls.qml" line="64"/>
        <source>Drop reason</source>
        <translation>Drop reason</translation>
    </message>
    <message>
        <location filename="../ui/components/DropControls.qml" line="71"/>
        <source>Text for the caller&apos;s system (UUI), optional</source>
        <translation>Text for the caller&apos;s system (UUI), optional</translation>
    </message>
    <message>
        <location filename="../ui/components/DropControls.qml" line="71"/>
        <source>This line sends no UUI on drop</source>
        <translation>This line sends no UUI on drop</translation>
    </message>
    <message>
        <location filename="../ui/components/DropControls.qml" line="73"/>
        <source>User-to-user information sent with the drop</source>
        <translation>User-to-user information sent with the drop</translation>
    </message>
    <message>
        <location filename="../ui/components/DropControls.qml" line="78"/>
        <source>%1 / %2 bytes</source>
        <translation>%1 / %2 bytes</translation>
    </message>
    <message>
        <location filename="../ui/components/DropControls.qml" line="26"/>
        <location filename="../ui/components/DropControls.qml" line="46"/>
        <location filename="../ui/components/DropControls.qml" line="86"/>
        <source>Drop</source>
        <translation>Drop</translation>
    </message>
    <message>
        <location filename="../ui/components/DropControls.qml" line="92"/>
        <source>Drop the call</source>
        <translation>Drop the call</translation>
    </message>
    <message>
        <location filename="../ui/components/DropControls.qml" line="25"/>
        <location filename="../ui/components/DropControls.qml" line="98"/>
        <source>Too long: this line takes at most %1 bytes of UUI on drop.</source>
        <translation>Too long: this line takes at most %1 bytes of UUI on drop.</translation>
    </message>
</context>
<context>
    <name>EventLogModel</name>
    <message>
        <location filename="../engine/log/EventLogModel.cpp" line="273"/>
        <source>Only local files can be written: %1</source>
        <translation>Only local files can be written: %1</translation>
    </message>
    <message>
        <location filename="../engine/log/EventLogModel.cpp" line="279"/>
        <source>Cannot write %1: %2</source>
        <translation>Cannot write %1: %2</translation>
    </message>
</context>
<context>
    <name>EventLogPane</name>
    <message>
        <location filename="../ui/components/EventLogPane.qml" line="21"/>
        <source>Event log</source>
        <translation>Event log</translation>
    </message>
    <message>
        <location filename="../ui/components/EventLogPane.qml" line="22"/>
        <source>Session</source>
        <translation>Session</translation>
    </message>
    <message>
        <location filename="../ui/components/EventLogPane.qml" line="29"/>
        <source>Show events of session (0 for all)</source>
        <translation>Show events of session (0 for all)</translation>
    </message>
    <message>
        <location filename="../ui/components/EventLogPane.qml" line="31"/>
        <source>Conference</source>
        <translation>Conference</translation>
    </message>
    <message>
        <location filename="../ui/components/EventLogPane.qml" line="38"/>
        <source>Show events of conference (0 for all)</source>
        <translation>Show events of conference (0 for all)</translation>
    </message>
    <message>
        <location filename="../ui/components/EventLogPane.qml" line="41"/>
        <source>All events</source>
        <translation>All events</translation>
    </message>
    <message>
        <location filename="../ui/components/EventLogPane.qml" line="42"/>
        <source>Clear the event filters</source>
        <translation>Clear the event filters</translation>
    </message>
    <message>
        <location filename="../ui/components/EventLogPane.qml" line="47"/>
        <source>%1 of %2</source>
        <translation>%1 of %2</translation>
    </message>
    <message>
        <location filename="../ui/components/EventLogPane.qml" line="59"/>
        <source>File to export the events to</source>
        <translation>File to export the events to</translation>
    </message>
    <message>
        <location filename="../ui/components/EventLogPane.qml" line="72"/>
        <source>Export JSON lines</source>
        <translation>Export JSON lines</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/components/EventLogPane.qml" line="76"/>
        <source>Exported %n event(s).</source>
        <translation>
            <numerusform>Exported %n event.</numerusform>
            <numerusform>Exported %n events.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/components/EventLogPane.qml" line="97"/>
        <source>State changes</source>
        <translation>State changes</translation>
    </message>
    <message>
        <location filename="../ui/components/EventLogPane.qml" line="65"/>
        <source>JSON lines (*.jsonl)</source>
        <translation>JSON lines (*.jsonl)</translation>
    </message>
    <message>
        <location filename="../ui/components/EventLogPane.qml" line="65"/>
        <source>All files (*)</source>
        <translation>All files (*)</translation>
    </message>
    <message>
        <location filename="../ui/components/EventLogPane.qml" line="66"/>
        <source>Export the events to</source>
        <translation>Export the events to</translation>
    </message>
    <message>
        <location filename="../ui/components/EventLogPane.qml" line="67"/>
        <source>Browse for the file to export the events to</source>
        <translation>Browse for the file to export the events to</translation>
    </message>
</context>
<context>
    <name>FloorAgentCard</name>
    <message>
        <location filename="../ui/components/FloorAgentCard.qml" line="29"/>
        <location filename="../ui/components/FloorAgentCard.qml" line="78"/>
        <location filename="../ui/components/FloorAgentCard.qml" line="145"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../ui/components/FloorAgentCard.qml" line="37"/>
        <source>Barged in on %1&apos;s call</source>
        <translation>Barged in on %1&apos;s call</translation>
    </message>
    <message>
        <location filename="../ui/components/FloorAgentCard.qml" line="38"/>
        <source>Whispering to %1</source>
        <translation>Whispering to %1</translation>
    </message>
    <message>
        <location filename="../ui/components/FloorAgentCard.qml" line="39"/>
        <source>Listening to %1</source>
        <translation>Listening to %1</translation>
    </message>
    <message>
        <location filename="../ui/components/FloorAgentCard.qml" line="45"/>
        <source>Supervisor %1 has joined a call</source>
        <translation>Supervisor %1 has joined a call</translation>
    </message>
    <message>
        <location filename="../ui/components/FloorAgentCard.qml" line="46"/>
        <source>Supervisor %1 is whispering</source>
        <translation>Supervisor %1 is whispering</translation>
    </message>
    <message>
        <location filename="../ui/components/FloorAgentCard.qml" line="47"/>
        <source>Supervisor %1 is listening</source>
        <translation>Supervisor %1 is listening</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/components/FloorAgentCard.qml" line="75"/>
        <source>%1, %2 for %3, %n call(s)</source>
        <translation>
            <numerusform>%1, %2 for %3, %n call</numerusform>
            <numerusform>%1, %2 for %3, %n calls</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/components/FloorAgentCard.qml" line="80"/>
        <location filename="../ui/components/FloorAgentCard.qml" line="137"/>
        <location filename="../ui/components/FloorAgentCard.qml" line="146"/>
        <location filename="../ui/components/FloorAgentCard.qml" line="153"/>
        <source>Set %1 to %2</source>
        <translation>Set %1 to %2</translation>
    </message>
    <message>
        <location filename="../ui/components/FloorAgentCard.qml" line="114"/>
        <source>State: %1</source>
        <translation>State: %1</translation>
    </message>
    <message>
        <location filename="../ui/components/FloorAgentCard.qml" line="122"/>
        <source>In this state for %1</source>
        <translation>In this state for %1</translation>
    </message>
    <message>
        <location filename="../ui/components/FloorAgentCard.qml" line="128"/>
        <source>Force state…</source>
        <translation>Force state…</translation>
    </message>
    <message>
        <location filename="../ui/components/FloorAgentCard.qml" line="129"/>
        <source>Force a state on %1</source>
        <translation>Force a state on %1</translation>
    </message>
    <message>
        <location filename="../ui/components/FloorAgentCard.qml" line="170"/>
        <source>No calls</source>
        <translation>No calls</translation>
    </message>
</context>
<context>
    <name>FloorCallRow</name>
    <message>
        <location filename="../ui/components/FloorCallRow.qml" line="25"/>
        <source>Conference %1</source>
        <translation>Conference %1</translation>
    </message>
    <message>
        <location filename="../ui/components/FloorCallRow.qml" line="34"/>
        <source>%1, %2, on %3, %4</source>
        <translation>%1, %2, on %3, %4</translation>
    </message>
    <message>
        <location filename="../ui/components/FloorCallRow.qml" line="37"/>
        <source>Drop %1 from %2&apos;s conference</source>
        <translation>Drop %1 from %2&apos;s conference</translation>
    </message>
    <message>
        <location filename="../ui/components/FloorCallRow.qml" line="40"/>
        <location filename="../ui/components/FloorCallRow.qml" line="119"/>
        <source>Drop %1&apos;s conference</source>
        <translation>Drop %1&apos;s conference</translation>
    </message>
    <message>
        <location filename="../ui/components/FloorCallRow.qml" line="45"/>
        <source>This console cannot join calls.</source>
        <translation>This console cannot join calls.</translation>
    </message>
    <message>
        <location filename="../ui/components/FloorCallRow.qml" line="62"/>
        <location filename="../ui/components/FloorCallRow.qml" line="158"/>
        <source>Stop</source>
        <translation>Stop</translation>
    </message>
    <message>
        <location filename="../ui/components/FloorCallRow.qml" line="65"/>
        <location filename="../ui/components/FloorCallRow.qml" line="167"/>
        <source>End %1&apos;s call with %2</source>
        <translation>End %1&apos;s call with %2</translation>
    </message>
    <message>
        <location filename="../ui/components/FloorCallRow.qml" line="109"/>
        <source>Drop party</source>
        <translation>Drop party</translation>
    </message>
    <message>
        <location filename="../ui/components/FloorCallRow.qml" line="110"/>
        <source>Drop %1 from the conference</source>
        <translation>Drop %1 from the conference</translation>
    </message>
    <message>
        <location filename="../ui/components/FloorCallRow.qml" line="118"/>
        <source>Drop conference</source>
        <translation>Drop conference</translation>
    </message>
    <message>
        <location filename="../ui/components/FloorCallRow.qml" line="125"/>
        <source>Listen</source>
        <translation>Listen</translation>
    </message>
    <message>
        <location filename="../ui/components/FloorCallRow.qml" line="125"/>
        <source>Listen to %1&apos;s call with %2</source>
        <translation>Listen to %1&apos;s call with %2</translation>
    </message>
    <message>
        <location filename="../ui/components/FloorCallRow.qml" line="125"/>
        <source>Listening now</source>
        <translation>Listening now</translation>
    </message>
    <message>
        <location filename="../ui/components/FloorCallRow.qml" line="126"/>
        <source>Whisper</source>
        <translation>Whisper</translation>
    </message>
    <message>
        <location filename="../ui/components/FloorCallRow.qml" line="126"/>
        <source>Whisper to %1 on the call with %2</source>
        <translation>Whisper to %1 on the call with %2</translation>
    </message>
    <message>
        <location filename="../ui/components/FloorCallRow.qml" line="126"/>
        <source>Whispering now</source>
        <translation>Whispering now</translation>
    </message>
    <message>
        <location filename="../ui/components/FloorCallRow.qml" line="127"/>
        <source>Barge</source>
        <translation>Barge</translation>
    </message>
    <message>
        <location filename="../ui/components/FloorCallRow.qml" line="127"/>
        <source>Join %1&apos;s call with %2</source>
        <translation>Join %1&apos;s call with %2</translation>
    </message>
    <message>
        <location filename="../ui/components/FloorCallRow.qml" line="127"/>
        <source>In the call now</source>
        <translation>In the call now</translation>
    </message>
    <message>
        <location filename="../ui/components/FloorCallRow.qml" line="159"/>
        <source>Stop coaching %1&apos;s call with %2</source>
        <translation>Stop coaching %1&apos;s call with %2</translation>
    </message>
    <message>
        <location filename="../ui/components/FloorCallRow.qml" line="166"/>
        <source>End call</source>
        <translation>End call</translation>
    </message>
</context>
<context>
    <name>FloorCoachingCaller</name>
    <message>
        <location filename="../engine/floor/FloorCoachingCaller.cpp" line="40"/>
        <source>This console has no SIP line to join calls with.</source>
        <translation>This console has no SIP line to join calls with.</translation>
    </message>
</context>
<context>
    <name>FloorConferences</name>
    <message>
        <location filename="../ui/components/FloorConferences.qml" line="15"/>
        <source>Conferences on the floor (%1)</source>
        <translation>Conferences on the floor (%1)</translation>
    </message>
    <message>
        <location filename="../ui/components/FloorConferences.qml" line="23"/>
        <source>No conferences</source>
        <translation>No conferences</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/components/FloorConferences.qml" line="37"/>
        <source>%1&apos;s conference, %n party(ies)</source>
        <translation>
            <numerusform>%1&apos;s conference, %n party</numerusform>
            <numerusform>%1&apos;s conference, %n parties</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/components/FloorConferences.qml" line="44"/>
        <source>Held by %1</source>
        <translation>Held by %1</translation>
    </message>
</context>
<context>
    <name>FloorCredentials</name>
    <message>
        <location filename="../engine/floor/FloorCredentials.cpp" line="160"/>
        <source>the credentials file cannot be read: %1</source>
        <translation>the credentials file cannot be read: %1</translation>
    </message>
    <message>
        <location filename="../engine/floor/FloorCredentials.cpp" line="163"/>
        <source>the credentials file holds no user JWT</source>
        <translation>the credentials file holds no user JWT</translation>
    </message>
    <message>
        <location filename="../engine/floor/FloorCredentials.cpp" line="165"/>
        <source>the credentials file&apos;s JWT is not a NATS user&apos;s JWT</source>
        <translation>the credentials file&apos;s JWT is not a NATS user&apos;s JWT</translation>
    </message>
    <message>
        <location filename="../engine/floor/FloorCredentials.cpp" line="168"/>
        <source>the credentials file holds no user seed</source>
        <translation>the credentials file holds no user seed</translation>
    </message>
    <message>
        <location filename="../engine/floor/FloorCredentials.cpp" line="170"/>
        <source>the credentials file&apos;s seed is not a NATS user&apos;s seed</source>
        <translation>the credentials file&apos;s seed is not a NATS user&apos;s seed</translation>
    </message>
    <message>
        <location filename="../engine/floor/FloorCredentials.cpp" line="176"/>
        <source>the credentials file&apos;s JWT (user %1) expired at %2; ask for a new one</source>
        <translation>the credentials file&apos;s JWT (user %1) expired at %2; ask for a new one</translation>
    </message>
    <message>
        <location filename="../engine/floor/FloorCredentials.cpp" line="183"/>
        <source>the seed in the credentials file is not the key of its JWT&apos;s user %1 (%2)</source>
        <translation>the seed in the credentials file is not the key of its JWT&apos;s user %1 (%2)</translation>
    </message>
    <message>
        <location filename="../engine/floor/FloorCredentials.cpp" line="193"/>
        <source>user %1 (%2) of account %3 has a current JWT and its own seed: the account may have revoked it, or the server does not trust the account</source>
        <translation>user %1 (%2) of account %3 has a current JWT and its own seed: the account may have revoked it, or the server does not trust the account</translation>
    </message>
</context>
<context>
    <name>FloorFigures</name>
    <message>
        <location filename="../ui/components/FloorFigures.qml" line="23"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../ui/components/FloorFigures.qml" line="26"/>
        <source>Agents %1: %2</source>
        <translation>Agents %1: %2</translation>
    </message>
    <message>
        <location filename="../ui/components/FloorFigures.qml" line="31"/>
        <source>Calls in progress: %1</source>
        <translation>Calls in progress: %1</translation>
    </message>
    <message>
        <location filename="../ui/components/FloorFigures.qml" line="39"/>
        <source>Longest call: %1</source>
        <translation>Longest call: %1</translation>
    </message>
    <message>
        <location filename="../ui/components/FloorFigures.qml" line="39"/>
        <location filename="../ui/components/FloorFigures.qml" line="46"/>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <location filename="../ui/components/FloorFigures.qml" line="46"/>
        <source>Longest wait: %1</source>
        <translation>Longest wait: %1</translation>
    </message>
</context>
<context>
    <name>FloorFilters</name>
    <message>
        <location filename="../ui/components/FloorFilters.qml" line="14"/>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <location filename="../ui/components/FloorFilters.qml" line="19"/>
        <source>All teams</source>
        <translation>All teams</translation>
    </message>
    <message>
        <location filename="../ui/components/FloorFilters.qml" line="20"/>
        <source>Show the team</source>
        <translation>Show the team</translation>
    </message>
    <message>
        <location filename="../ui/components/FloorFilters.qml" line="23"/>
        <location filename="../ui/components/FloorFilters.qml" line="51"/>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../ui/components/FloorFilters.qml" line="28"/>
        <source>All states</source>
        <translation>All states</translation>
    </message>
    <message>
        <location filename="../ui/components/FloorFilters.qml" line="29"/>
        <source>Show agents in the state</source>
        <translation>Show agents in the state</translation>
    </message>
    <message>
        <location filename="../ui/components/FloorFilters.qml" line="32"/>
        <source>Line</source>
        <translation>Line</translation>
    </message>
    <message>
        <location filename="../ui/components/FloorFilters.qml" line="37"/>
        <source>All lines</source>
        <translation>All lines</translation>
    </message>
    <message>
        <location filename="../ui/components/FloorFilters.qml" line="38"/>
        <source>Show agents with a call on the line</source>
        <translation>Show agents with a call on the line</translation>
    </message>
    <message>
        <location filename="../ui/components/FloorFilters.qml" line="41"/>
        <source>Sort by</source>
        <translation>Sort by</translation>
    </message>
    <message>
        <location filename="../ui/components/FloorFilters.qml" line="50"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../ui/components/FloorFilters.qml" line="52"/>
        <source>Time in state</source>
        <translation>Time in state</translation>
    </message>
    <message>
        <location filename="../ui/components/FloorFilters.qml" line="53"/>
        <source>Number of calls</source>
        <translation>Number of calls</translation>
    </message>
    <message>
        <location filename="../ui/components/FloorFilters.qml" line="55"/>
        <source>Arrival</source>
        <translation>Arrival</translation>
    </message>
    <message>
        <location filename="../ui/components/FloorFilters.qml" line="57"/>
        <source>Sort the agents by</source>
        <translation>Sort the agents by</translation>
    </message>
    <message>
        <location filename="../ui/components/FloorFilters.qml" line="63"/>
        <source>Descending</source>
        <translation>Descending</translation>
    </message>
    <message>
        <location filename="../ui/components/FloorFilters.qml" line="63"/>
        <source>Ascending</source>
        <translation>Ascending</translation>
    </message>
    <message>
        <location filename="../ui/components/FloorFilters.qml" line="64"/>
        <source>Sort order: descending; press for ascending</source>
        <translation>Sort order: descending; press for ascending</translation>
    </message>
    <message>
        <location filename="../ui/components/FloorFilters.qml" line="65"/>
        <source>Sort order: ascending; press for descending</source>
        <translation>Sort order: ascending; press for descending</translation>
    </message>
</context>
<context>
    <name>FloorLink</name>
    <message>
        <location filename="../engine/floor/FloorLink.cpp" line="119"/>
        <source>The floor does not permit this console to publish %1</source>
        <translation>The floor does not permit this console to publish %1</translation>
    </message>
    <message>
        <location filename="../engine/floor/FloorLink.cpp" line="212"/>
        <source>No answer in time</source>
        <translation>No answer in time</translation>
    </message>
    <message>
        <location filename="../engine/floor/FloorLink.cpp" line="235"/>
        <source>No console answers for this agent</source>
        <translation>No console answers for this agent</translation>
    </message>
    <message>
        <location filename="../engine/floor/FloorLink.cpp" line="237"/>
        <source>Not connected to the floor</source>
        <translation>Not connected to the floor</translation>
    </message>
    <message>
        <location filename="../engine/floor/FloorNatsWorker.cpp" line="224"/>
        <source>Floor settings refused: %1</source>
        <translation>Floor settings refused: %1</translation>
    </message>
    <message>
        <location filename="../engine/floor/FloorNatsWorker.cpp" line="232"/>
        <source>Cannot connect: %1</source>
        <translation>Cannot connect: %1</translation>
    </message>
    <message>
        <location filename="../engine/floor/FloorNatsWorker.cpp" line="303"/>
        <source>Connection closed: %1; connecting again</source>
        <translation>Connection closed: %1; connecting again</translation>
    </message>
    <message>
        <location filename="../engine/floor/FloorNatsWorker.cpp" line="433"/>
        <source>JetStream unavailable: %1</source>
        <translation>JetStream unavailable: %1</translation>
    </message>
    <message>
        <location filename="../engine/floor/FloorNatsWorkerErrors.cpp" line="57"/>
        <source>The server refused this console&apos;s credentials (%1): %2</source>
        <translation>The server refused this console&apos;s credentials (%1): %2</translation>
    </message>
    <message>
        <location filename="../engine/floor/FloorNatsWorkerErrors.cpp" line="62"/>
        <source>The server refused this console&apos;s credentials (%1)</source>
        <translation>The server refused this console&apos;s credentials (%1)</translation>
    </message>
    <message>
        <location filename="../engine/floor/FloorNatsWorkerErrors.cpp" line="65"/>
        <source>The server does not offer TLS, which this console asks for (%1)</source>
        <translation>The server does not offer TLS, which this console asks for (%1)</translation>
    </message>
    <message>
        <location filename="../engine/floor/FloorNatsWorkerErrors.cpp" line="70"/>
        <source>The server&apos;s certificate is not trusted (%1): check floor/caFile</source>
        <translation>The server&apos;s certificate is not trusted (%1): check floor/caFile</translation>
    </message>
    <message>
        <location filename="../engine/floor/FloorNatsWorkerErrors.cpp" line="79"/>
        <source>The server did not accept this console over TLS; it may want a client certificate (%1): check floor/certFile and floor/keyFile</source>
        <translation>The server did not accept this console over TLS; it may want a client certificate (%1): check floor/certFile and floor/keyFile</translation>
    </message>
    <message>
        <location filename="../engine/floor/FloorNatsWorkerErrors.cpp" line="98"/>
        <source>The server closed the connection (%1): %2</source>
        <translation>The server closed the connection (%1): %2</translation>
    </message>
</context>
<context>
    <name>FloorPage</name>
    <message>
        <location filename="../ui/pages/FloorPage.qml" line="38"/>
        <source>No floor is configured, so this console works on its own and shows only its own calls (on the &quot;This console&quot; tab). To see every agent, add the [floor] settings with the NATS servers to the settings file (see the user guide).</source>
        <translation>No floor is configured, so this console works on its own and shows only its own calls (on the &quot;This console&quot; tab). To see every agent, add the [floor] settings with the NATS servers to the settings file (see the user guide).</translation>
    </message>
    <message>
        <location filename="../ui/pages/FloorPage.qml" line="60"/>
        <source>Agents (%1 of %2)</source>
        <translation>Agents (%1 of %2)</translation>
    </message>
    <message>
        <location filename="../ui/pages/FloorPage.qml" line="78"/>
        <source>Agents on the floor</source>
        <translation>Agents on the floor</translation>
    </message>
    <message>
        <location filename="../ui/pages/FloorPage.qml" line="82"/>
        <source>Waiting for the floor…</source>
        <translation>Waiting for the floor…</translation>
    </message>
    <message>
        <location filename="../ui/pages/FloorPage.qml" line="83"/>
        <source>No agents on the floor</source>
        <translation>No agents on the floor</translation>
    </message>
    <message>
        <location filename="../ui/pages/FloorPage.qml" line="83"/>
        <source>No agents match the filters</source>
        <translation>No agents match the filters</translation>
    </message>
    <message>
        <location filename="../ui/pages/FloorPage.qml" line="95"/>
        <source>Conferences across agents</source>
        <translation>Conferences across agents</translation>
    </message>
</context>
<context>
    <name>FloorRequestLog</name>
    <message>
        <location filename="../ui/components/FloorRequestLog.qml" line="16"/>
        <source>sent, waiting for the answer</source>
        <translation>sent, waiting for the answer</translation>
    </message>
    <message>
        <location filename="../ui/components/FloorRequestLog.qml" line="23"/>
        <source>done; the agent&apos;s state changes after the current call</source>
        <translation>done; the agent&apos;s state changes after the current call</translation>
    </message>
    <message>
        <location filename="../ui/components/FloorRequestLog.qml" line="23"/>
        <source>done</source>
        <translation>done</translation>
    </message>
    <message>
        <location filename="../ui/components/FloorRequestLog.qml" line="25"/>
        <source>refused: %1</source>
        <translation>refused: %1</translation>
    </message>
    <message>
        <location filename="../ui/components/FloorRequestLog.qml" line="27"/>
        <source>refused: this supervisor may not act on this agent</source>
        <translation>refused: this supervisor may not act on this agent</translation>
    </message>
    <message>
        <location filename="../ui/components/FloorRequestLog.qml" line="28"/>
        <source>refused as invalid: %1</source>
        <translation>refused as invalid: %1</translation>
    </message>
    <message>
        <location filename="../ui/components/FloorRequestLog.qml" line="29"/>
        <source>refused: the agent&apos;s line did not complete it in time</source>
        <translation>refused: the agent&apos;s line did not complete it in time</translation>
    </message>
    <message>
        <location filename="../ui/components/FloorRequestLog.qml" line="30"/>
        <source>refused: the agent&apos;s console cannot take that state now</source>
        <translation>refused: the agent&apos;s console cannot take that state now</translation>
    </message>
    <message>
        <location filename="../ui/components/FloorRequestLog.qml" line="32"/>
        <source>no answer: %1</source>
        <translation>no answer: %1</translation>
    </message>
    <message>
        <location filename="../ui/components/FloorRequestLog.qml" line="39"/>
        <source>refused: this console&apos;s line could not call the agent&apos;s console</source>
        <translation>refused: this console&apos;s line could not call the agent&apos;s console</translation>
    </message>
    <message>
        <location filename="../ui/components/FloorRequestLog.qml" line="50"/>
        <location filename="../ui/components/FloorRequestLog.qml" line="108"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../ui/components/FloorRequestLog.qml" line="67"/>
        <source>Requests</source>
        <translation>Requests</translation>
    </message>
    <message>
        <location filename="../ui/components/FloorRequestLog.qml" line="94"/>
        <source>Requests to agents&apos; consoles</source>
        <translation>Requests to agents&apos; consoles</translation>
    </message>
    <message>
        <location filename="../ui/components/FloorRequestLog.qml" line="98"/>
        <source>No requests yet</source>
        <translation>No requests yet</translation>
    </message>
</context>
<context>
    <name>FloorSettings</name>
    <message>
        <location filename="../engine/floor/FloorSettings.cpp" line="23"/>
        <source>The agent id must be 1 to 64 letters, digits, &apos;-&apos; or &apos;_&apos;.</source>
        <translation>The agent id must be 1 to 64 letters, digits, &apos;-&apos; or &apos;_&apos;.</translation>
    </message>
    <message>
        <location filename="../engine/floor/FloorSettings.cpp" line="26"/>
        <source>The bucket and audit stream names must be letters, digits, &apos;-&apos; or &apos;_&apos;.</source>
        <translation>The bucket and audit stream names must be letters, digits, &apos;-&apos; or &apos;_&apos;.</translation>
    </message>
    <message>
        <location filename="../engine/floor/FloorSettings.cpp" line="29"/>
        <source>The entry expiry must be at least 3 seconds.</source>
        <translation>The entry expiry must be at least 3 seconds.</translation>
    </message>
    <message>
        <location filename="../engine/floor/FloorSettings.cpp" line="31"/>
        <source>Replicas must be 1 to 5.</source>
        <translation>Replicas must be 1 to 5.</translation>
    </message>
</context>
<context>
    <name>FloorStatus</name>
    <message>
        <location filename="../ui/components/FloorStatus.qml" line="16"/>
        <source>Not connected: no floor is configured</source>
        <translation>Not connected: no floor is configured</translation>
    </message>
    <message>
        <location filename="../ui/components/FloorStatus.qml" line="17"/>
        <source>Connecting to the floor…</source>
        <translation>Connecting to the floor…</translation>
    </message>
    <message>
        <location filename="../ui/components/FloorStatus.qml" line="18"/>
        <source>Connection to the floor lost; reconnecting…</source>
        <translation>Connection to the floor lost; reconnecting…</translation>
    </message>
    <message>
        <location filename="../ui/components/FloorStatus.qml" line="21"/>
        <source>Connected to %1, with a problem: %2</source>
        <translation>Connected to %1, with a problem: %2</translation>
    </message>
    <message>
        <location filename="../ui/components/FloorStatus.qml" line="22"/>
        <source>Connected to %1</source>
        <translation>Connected to %1</translation>
    </message>
    <message>
        <location filename="../ui/components/FloorStatus.qml" line="23"/>
        <source>Refused: %1</source>
        <translation>Refused: %1</translation>
    </message>
    <message>
        <location filename="../ui/components/FloorStatus.qml" line="42"/>
        <source>Floor: %1</source>
        <translation>Floor: %1</translation>
    </message>
</context>
<context>
    <name>HeadsetStatus</name>
    <message>
        <location filename="../providers/hidheadset/backend/HidPermission.cpp" line="9"/>
        <source>no permission to open %1. Fix: install the udev rule and re-plug the headset: sudo install -m 644 resources/linux/%2 /etc/udev/rules.d/ &amp;&amp; sudo udevadm control --reload &amp;&amp; sudo udevadm trigger --subsystem-match=hidraw (see README, &quot;USB headsets&quot;)</source>
        <translation>no permission to open %1. Fix: install the udev rule and re-plug the headset: sudo install -m 644 resources/linux/%2 /etc/udev/rules.d/ &amp;&amp; sudo udevadm control --reload &amp;&amp; sudo udevadm trigger --subsystem-match=hidraw (see README, &quot;USB headsets&quot;)</translation>
    </message>
    <message>
        <location filename="../providers/hidheadset/transport/HidrawTransport.cpp" line="75"/>
        <source>%1 was unplugged</source>
        <translation>%1 was unplugged</translation>
    </message>
</context>
<context>
    <name>HeadsetsPane</name>
    <message>
        <location filename="../ui/components/HeadsetsPane.qml" line="19"/>
        <source>gone: %1</source>
        <translation>gone: %1</translation>
    </message>
    <message>
        <location filename="../ui/components/HeadsetsPane.qml" line="19"/>
        <source>gone (unplugged)</source>
        <translation>gone (unplugged)</translation>
    </message>
    <message>
        <location filename="../ui/components/HeadsetsPane.qml" line="21"/>
        <source>not usable: %1</source>
        <translation>not usable: %1</translation>
    </message>
    <message>
        <location filename="../ui/components/HeadsetsPane.qml" line="22"/>
        <source>active</source>
        <translation>active</translation>
    </message>
    <message>
        <location filename="../ui/components/HeadsetsPane.qml" line="22"/>
        <source>present</source>
        <translation>present</translation>
    </message>
    <message>
        <location filename="../ui/components/HeadsetsPane.qml" line="28"/>
        <source>Headset support is not available: the USB headset plugin was not loaded.</source>
        <translation>Headset support is not available: the USB headset plugin was not loaded.</translation>
    </message>
    <message>
        <location filename="../ui/components/HeadsetsPane.qml" line="36"/>
        <source>No headset found. Plug in a USB headset and it appears here.</source>
        <translation>No headset found. Plug in a USB headset and it appears here.</translation>
    </message>
    <message>
        <location filename="../ui/components/HeadsetsPane.qml" line="60"/>
        <source>Use %1 as the active headset</source>
        <translation>Use %1 as the active headset</translation>
    </message>
    <message>
        <location filename="../ui/components/HeadsetsPane.qml" line="91"/>
        <source>Dismiss</source>
        <translation>Dismiss</translation>
    </message>
    <message>
        <location filename="../ui/components/HeadsetsPane.qml" line="92"/>
        <source>Remove %1 from the list</source>
        <translation>Remove %1 from the list</translation>
    </message>
    <message>
        <location filename="../ui/components/HeadsetsPane.qml" line="103"/>
        <source>Mute lock: the headset holds the microphone muted. Release the mute lock on the headset (or swing the boom arm down) to unmute.</source>
        <translation>Mute lock: the headset holds the microphone muted. Release the mute lock on the headset (or swing the boom arm down) to unmute.</translation>
    </message>
    <message>
        <location filename="../ui/components/HeadsetsPane.qml" line="104"/>
        <source>Mute lock: off. The headset&apos;s mute button mutes and unmutes like the console&apos;s.</source>
        <translation>Mute lock: off. The headset&apos;s mute button mutes and unmutes like the console&apos;s.</translation>
    </message>
</context>
<context>
    <name>HistoryPage</name>
    <message>
        <location filename="../ui/pages/HistoryPage.qml" line="79"/>
        <source>Search number, name, notes…</source>
        <translation>Search number, name, notes…</translation>
    </message>
    <message>
        <location filename="../ui/pages/HistoryPage.qml" line="80"/>
        <source>Search the call history</source>
        <translation>Search the call history</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/pages/HistoryPage.qml" line="83"/>
        <source>%n call(s)</source>
        <translation>
            <numerusform>%n call</numerusform>
            <numerusform>%n calls</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/pages/HistoryPage.qml" line="106"/>
        <source>Call history problem: %1</source>
        <translation>Call history problem: %1</translation>
    </message>
    <message>
        <location filename="../ui/pages/HistoryPage.qml" line="124"/>
        <source>Call history</source>
        <translation>Call history</translation>
    </message>
    <message>
        <location filename="../ui/pages/HistoryPage.qml" line="128"/>
        <source>No calls recorded yet</source>
        <translation>No calls recorded yet</translation>
    </message>
    <message>
        <location filename="../ui/pages/HistoryPage.qml" line="151"/>
        <source>Conference</source>
        <translation>Conference</translation>
    </message>
    <message>
        <location filename="../ui/pages/HistoryPage.qml" line="50"/>
        <location filename="../ui/pages/HistoryPage.qml" line="189"/>
        <source>not answered</source>
        <translation>not answered</translation>
    </message>
    <message>
        <location filename="../ui/pages/HistoryPage.qml" line="12"/>
        <source>History</source>
        <translation>History</translation>
    </message>
    <message>
        <location filename="../ui/pages/HistoryPage.qml" line="32"/>
        <source>No line can make calls right now.</source>
        <translation>No line can make calls right now.</translation>
    </message>
    <message>
        <location filename="../ui/pages/HistoryPage.qml" line="36"/>
        <source>This call has no number to call back.</source>
        <translation>This call has no number to call back.</translation>
    </message>
    <message>
        <location filename="../ui/pages/HistoryPage.qml" line="40"/>
        <source>The line refused the call.</source>
        <translation>The line refused the call.</translation>
    </message>
    <message>
        <location filename="../ui/pages/HistoryPage.qml" line="47"/>
        <source>answered</source>
        <translation>answered</translation>
    </message>
    <message>
        <location filename="../ui/pages/HistoryPage.qml" line="48"/>
        <source>missed</source>
        <translation>missed</translation>
    </message>
    <message>
        <location filename="../ui/pages/HistoryPage.qml" line="49"/>
        <source>rejected</source>
        <translation>rejected</translation>
    </message>
    <message>
        <location filename="../ui/pages/HistoryPage.qml" line="51"/>
        <source>transferred</source>
        <translation>transferred</translation>
    </message>
    <message>
        <location filename="../ui/pages/HistoryPage.qml" line="52"/>
        <source>consultation</source>
        <translation>consultation</translation>
    </message>
    <message>
        <location filename="../ui/pages/HistoryPage.qml" line="53"/>
        <source>conference</source>
        <translation>conference</translation>
    </message>
    <message>
        <location filename="../ui/pages/HistoryPage.qml" line="54"/>
        <source>answered elsewhere</source>
        <translation>answered elsewhere</translation>
    </message>
    <message>
        <location filename="../ui/pages/HistoryPage.qml" line="56"/>
        <source>coaching</source>
        <translation>coaching</translation>
    </message>
    <message>
        <location filename="../ui/pages/HistoryPage.qml" line="58"/>
        <source>interrupted</source>
        <translation>interrupted</translation>
    </message>
    <message>
        <location filename="../ui/pages/HistoryPage.qml" line="159"/>
        <location filename="../ui/pages/HistoryPage.qml" line="170"/>
        <source>Outgoing</source>
        <translation>Outgoing</translation>
    </message>
    <message>
        <location filename="../ui/pages/HistoryPage.qml" line="159"/>
        <location filename="../ui/pages/HistoryPage.qml" line="170"/>
        <source>Incoming</source>
        <translation>Incoming</translation>
    </message>
    <message>
        <location filename="../ui/pages/HistoryPage.qml" line="206"/>
        <source>Call back</source>
        <translation>Call back</translation>
    </message>
    <message>
        <location filename="../ui/pages/HistoryPage.qml" line="208"/>
        <source>Call back %1</source>
        <translation>Call back %1</translation>
    </message>
    <message>
        <location filename="../ui/pages/HistoryPage.qml" line="219"/>
        <source>received: </source>
        <translation>received: </translation>
    </message>
    <message>
        <location filename="../ui/pages/HistoryPage.qml" line="221"/>
        <source>sent: </source>
        <translation>sent: </translation>
    </message>
</context>
<context>
    <name>IncomingBanner</name>
    <message>
        <location filename="../ui/components/IncomingBanner.qml" line="65"/>
        <source>This line cannot reject calls: </source>
        <translation>This line cannot reject calls: </translation>
    </message>
    <message>
        <location filename="../ui/components/IncomingBanner.qml" line="66"/>
        <source>This line cannot reject calls: answer it or let it ring.</source>
        <translation>This line cannot reject calls: answer it or let it ring.</translation>
    </message>
    <message>
        <location filename="../ui/components/IncomingBanner.qml" line="68"/>
        <source>Reject is not available right now.</source>
        <translation>Reject is not available right now.</translation>
    </message>
    <message>
        <location filename="../ui/components/IncomingBanner.qml" line="80"/>
        <source>Incoming call on %1 from %2</source>
        <translation>Incoming call on %1 from %2</translation>
    </message>
    <message>
        <location filename="../ui/components/IncomingBanner.qml" line="109"/>
        <source>Incoming call</source>
        <translation>Incoming call</translation>
    </message>
    <message>
        <location filename="../ui/components/IncomingBanner.qml" line="117"/>
        <source>Unknown caller</source>
        <translation>Unknown caller</translation>
    </message>
    <message>
        <location filename="../ui/components/IncomingBanner.qml" line="131"/>
        <source>on %1, waiting %2</source>
        <translation>on %1, waiting %2</translation>
    </message>
    <message>
        <location filename="../ui/components/IncomingBanner.qml" line="140"/>
        <source>Caller data: </source>
        <translation>Caller data: </translation>
    </message>
    <message>
        <location filename="../ui/components/IncomingBanner.qml" line="150"/>
        <source>Also ringing: %1</source>
        <translation>Also ringing: %1</translation>
    </message>
    <message>
        <location filename="../ui/components/IncomingBanner.qml" line="154"/>
        <source>Also ringing on %1, waiting %2: </source>
        <translation>Also ringing on %1, waiting %2: </translation>
    </message>
    <message>
        <location filename="../ui/components/IncomingBanner.qml" line="50"/>
        <location filename="../ui/components/IncomingBanner.qml" line="161"/>
        <location filename="../ui/components/IncomingBanner.qml" line="191"/>
        <source>Answer</source>
        <translation>Answer</translation>
    </message>
    <message>
        <location filename="../ui/components/IncomingBanner.qml" line="163"/>
        <source>Answer the call from %1</source>
        <translation>Answer the call from %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/components/IncomingBanner.qml" line="173"/>
        <source>%n more call(s) ringing: see the call list</source>
        <translation>
            <numerusform>%n more call ringing: see the call list</numerusform>
            <numerusform>%n more calls ringing: see the call list</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/components/IncomingBanner.qml" line="210"/>
        <source>Answer the incoming call</source>
        <translation>Answer the incoming call</translation>
    </message>
    <message>
        <location filename="../ui/components/IncomingBanner.qml" line="216"/>
        <source>Reject</source>
        <translation>Reject</translation>
    </message>
    <message>
        <location filename="../ui/components/IncomingBanner.qml" line="222"/>
        <source>Reject the incoming call</source>
        <translation>Reject the incoming call</translation>
    </message>
</context>
<context>
    <name>IncomingCallNotifier</name>
    <message>
        <location filename="../app/IncomingCallNotifier.cpp" line="106"/>
        <source>Incoming call</source>
        <translation>Incoming call</translation>
    </message>
    <message>
        <location filename="../app/IncomingCallNotifier.cpp" line="107"/>
        <source>%1
on %2</source>
        <translation>%1
on %2</translation>
    </message>
</context>
<context>
    <name>LinesPane</name>
    <message>
        <location filename="../ui/components/LinesPane.qml" line="17"/>
        <source>simulated</source>
        <translation>simulated</translation>
    </message>
    <message>
        <location filename="../ui/components/LinesPane.qml" line="18"/>
        <source>sound card</source>
        <translation>sound card</translation>
    </message>
    <message>
        <location filename="../ui/components/LinesPane.qml" line="19"/>
        <source>SIP</source>
        <translation>SIP</translation>
    </message>
    <message>
        <location filename="../ui/components/LinesPane.qml" line="25"/>
        <source>closed</source>
        <translation>closed</translation>
    </message>
    <message>
        <location filename="../ui/components/LinesPane.qml" line="27"/>
        <source>out of service: %1</source>
        <translation>out of service: %1</translation>
    </message>
    <message>
        <location filename="../ui/components/LinesPane.qml" line="28"/>
        <source>out of service</source>
        <translation>out of service</translation>
    </message>
    <message>
        <location filename="../ui/components/LinesPane.qml" line="30"/>
        <source>monitored: busy</source>
        <translation>monitored: busy</translation>
    </message>
    <message>
        <location filename="../ui/components/LinesPane.qml" line="30"/>
        <source>monitored: idle</source>
        <translation>monitored: idle</translation>
    </message>
    <message>
        <location filename="../ui/components/LinesPane.qml" line="31"/>
        <source>in service</source>
        <translation>in service</translation>
    </message>
    <message>
        <location filename="../ui/components/LinesPane.qml" line="37"/>
        <source>No lines: the console takes no calls. Configure sound-card lines or SIP accounts in the settings file.</source>
        <translation>No lines: the console takes no calls. Configure sound-card lines or SIP accounts in the settings file.</translation>
    </message>
    <message>
        <location filename="../ui/components/LinesPane.qml" line="76"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <location filename="../ui/Main.qml" line="17"/>
        <source>Hookline supervisor</source>
        <translation>Hookline supervisor</translation>
    </message>
    <message>
        <location filename="../ui/Main.qml" line="17"/>
        <source>Hookline</source>
        <translation>Hookline</translation>
    </message>
    <message>
        <location filename="../ui/Main.qml" line="63"/>
        <source>Pages and agent state</source>
        <translation>Pages and agent state</translation>
    </message>
    <message>
        <location filename="../ui/Main.qml" line="74"/>
        <source>Pages</source>
        <translation>Pages</translation>
    </message>
    <message>
        <location filename="../ui/Main.qml" line="75"/>
        <source>Calls</source>
        <translation>Calls</translation>
    </message>
    <message>
        <location filename="../ui/Main.qml" line="76"/>
        <source>History</source>
        <translation>History</translation>
    </message>
    <message>
        <location filename="../ui/Main.qml" line="77"/>
        <source>Supervisor</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <location filename="../ui/Main.qml" line="78"/>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/Main.qml" line="86"/>
        <source>%n line(s) out of service</source>
        <translation>
            <numerusform>%n line out of service</numerusform>
            <numerusform>%n lines out of service</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/Main.qml" line="92"/>
        <source>Opens Settings, where each line says why</source>
        <translation>Opens Settings, where each line says why</translation>
    </message>
</context>
<context>
    <name>MonitoredAddresses</name>
    <message>
        <location filename="../ui/components/MonitoredAddresses.qml" line="28"/>
        <source>idle</source>
        <translation>idle</translation>
    </message>
    <message>
        <location filename="../ui/components/MonitoredAddresses.qml" line="29"/>
        <source>ringing</source>
        <translation>ringing</translation>
    </message>
    <message>
        <location filename="../ui/components/MonitoredAddresses.qml" line="30"/>
        <source>busy</source>
        <translation>busy</translation>
    </message>
    <message>
        <location filename="../ui/components/MonitoredAddresses.qml" line="32"/>
        <source>unknown</source>
        <translation>unknown</translation>
    </message>
    <message>
        <location filename="../ui/components/MonitoredAddresses.qml" line="45"/>
        <source>No call at %1.</source>
        <translation>No call at %1.</translation>
    </message>
    <message>
        <location filename="../ui/components/MonitoredAddresses.qml" line="46"/>
        <source>A call is ringing at %1.</source>
        <translation>A call is ringing at %1.</translation>
    </message>
    <message>
        <location filename="../ui/components/MonitoredAddresses.qml" line="47"/>
        <source>%1 is on a call.</source>
        <translation>%1 is on a call.</translation>
    </message>
    <message>
        <location filename="../ui/components/MonitoredAddresses.qml" line="53"/>
        <source>Monitored (%1)</source>
        <translation>Monitored (%1)</translation>
    </message>
    <message>
        <location filename="../ui/components/MonitoredAddresses.qml" line="79"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>MusicOnHoldCache</name>
    <message>
        <location filename="../engine/audio/MusicOnHoldCache.cpp" line="42"/>
        <source>the file holds no sound</source>
        <translation>the file holds no sound</translation>
    </message>
</context>
<context>
    <name>Names</name>
    <message>
        <location filename="../ui/theme/Names.qml" line="10"/>
        <source>Ended</source>
        <translation>Ended</translation>
    </message>
    <message>
        <location filename="../ui/theme/Names.qml" line="11"/>
        <source>Incoming</source>
        <translation>Incoming</translation>
    </message>
    <message>
        <location filename="../ui/theme/Names.qml" line="12"/>
        <source>Accepted</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <location filename="../ui/theme/Names.qml" line="13"/>
        <source>Dial tone</source>
        <translation>Dial tone</translation>
    </message>
    <message>
        <location filename="../ui/theme/Names.qml" line="14"/>
        <source>Dialing</source>
        <translation>Dialing</translation>
    </message>
    <message>
        <location filename="../ui/theme/Names.qml" line="15"/>
        <source>Ringing</source>
        <translation>Ringing</translation>
    </message>
    <message>
        <location filename="../ui/theme/Names.qml" line="16"/>
        <source>Busy</source>
        <translation>Busy</translation>
    </message>
    <message>
        <location filename="../ui/theme/Names.qml" line="17"/>
        <source>Special information</source>
        <translation>Special information</translation>
    </message>
    <message>
        <location filename="../ui/theme/Names.qml" line="18"/>
        <source>Connected</source>
        <translation>Connected</translation>
    </message>
    <message>
        <location filename="../ui/theme/Names.qml" line="19"/>
        <source>Proceeding</source>
        <translation>Proceeding</translation>
    </message>
    <message>
        <location filename="../ui/theme/Names.qml" line="20"/>
        <source>On hold</source>
        <translation>On hold</translation>
    </message>
    <message>
        <location filename="../ui/theme/Names.qml" line="21"/>
        <source>In conference</source>
        <translation>In conference</translation>
    </message>
    <message>
        <location filename="../ui/theme/Names.qml" line="22"/>
        <source>On hold (adding to conference)</source>
        <translation>On hold (adding to conference)</translation>
    </message>
    <message>
        <location filename="../ui/theme/Names.qml" line="23"/>
        <source>On hold (transferring)</source>
        <translation>On hold (transferring)</translation>
    </message>
    <message>
        <location filename="../ui/theme/Names.qml" line="24"/>
        <source>Disconnected</source>
        <translation>Disconnected</translation>
    </message>
    <message>
        <location filename="../ui/theme/Names.qml" line="25"/>
        <source>Unknown</source>
        <translation>Unknown</translation>
    </message>
    <message>
        <location filename="../ui/theme/Names.qml" line="27"/>
        <source>Not started</source>
        <translation>Not started</translation>
    </message>
    <message>
        <location filename="../ui/theme/Names.qml" line="33"/>
        <location filename="../ui/theme/Names.qml" line="35"/>
        <source>inactive here</source>
        <translation>inactive here</translation>
    </message>
    <message>
        <location filename="../ui/theme/Names.qml" line="37"/>
        <source>active</source>
        <translation>active</translation>
    </message>
    <message>
        <location filename="../ui/theme/Names.qml" line="53"/>
        <source>failed</source>
        <translation>failed</translation>
    </message>
    <message>
        <location filename="../ui/theme/Names.qml" line="61"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../ui/theme/Names.qml" line="161"/>
        <source>Coaching line of supervisor %1</source>
        <translation>Coaching line of supervisor %1</translation>
    </message>
    <message>
        <location filename="../ui/theme/Names.qml" line="163"/>
        <source>Supervisor %1 is listening</source>
        <translation>Supervisor %1 is listening</translation>
    </message>
    <message>
        <location filename="../ui/theme/Names.qml" line="164"/>
        <source>Supervisor %1 is coaching you (heard by you only)</source>
        <translation>Supervisor %1 is coaching you (heard by you only)</translation>
    </message>
    <message>
        <location filename="../ui/theme/Names.qml" line="165"/>
        <source>Supervisor %1 has joined the call</source>
        <translation>Supervisor %1 has joined the call</translation>
    </message>
    <message>
        <location filename="../ui/theme/Names.qml" line="47"/>
        <location filename="../ui/theme/Names.qml" line="67"/>
        <source>hung up</source>
        <translation>hung up</translation>
    </message>
    <message>
        <location filename="../ui/theme/Names.qml" line="52"/>
        <location filename="../ui/theme/Names.qml" line="68"/>
        <source>rejected</source>
        <translation>rejected</translation>
    </message>
    <message>
        <location filename="../ui/theme/Names.qml" line="69"/>
        <source>picked up elsewhere</source>
        <translation>picked up elsewhere</translation>
    </message>
    <message>
        <location filename="../ui/theme/Names.qml" line="70"/>
        <source>forwarded</source>
        <translation>forwarded</translation>
    </message>
    <message>
        <location filename="../ui/theme/Names.qml" line="48"/>
        <location filename="../ui/theme/Names.qml" line="71"/>
        <source>busy</source>
        <translation>busy</translation>
    </message>
    <message>
        <location filename="../ui/theme/Names.qml" line="50"/>
        <location filename="../ui/theme/Names.qml" line="72"/>
        <source>no answer</source>
        <translation>no answer</translation>
    </message>
    <message>
        <location filename="../ui/theme/Names.qml" line="49"/>
        <location filename="../ui/theme/Names.qml" line="73"/>
        <source>bad number</source>
        <translation>bad number</translation>
    </message>
    <message>
        <location filename="../ui/theme/Names.qml" line="74"/>
        <source>unreachable</source>
        <translation>unreachable</translation>
    </message>
    <message>
        <location filename="../ui/theme/Names.qml" line="75"/>
        <source>network congestion</source>
        <translation>network congestion</translation>
    </message>
    <message>
        <location filename="../ui/theme/Names.qml" line="76"/>
        <source>incompatible</source>
        <translation>incompatible</translation>
    </message>
    <message>
        <location filename="../ui/theme/Names.qml" line="77"/>
        <source>unavailable</source>
        <translation>unavailable</translation>
    </message>
    <message>
        <location filename="../ui/theme/Names.qml" line="51"/>
        <location filename="../ui/theme/Names.qml" line="78"/>
        <source>cancelled</source>
        <translation>cancelled</translation>
    </message>
    <message>
        <location filename="../ui/theme/Names.qml" line="54"/>
        <location filename="../ui/theme/Names.qml" line="79"/>
        <source>blocked</source>
        <translation>blocked</translation>
    </message>
    <message>
        <location filename="../ui/theme/Names.qml" line="80"/>
        <source>do not disturb</source>
        <translation>do not disturb</translation>
    </message>
    <message>
        <location filename="../ui/theme/Names.qml" line="81"/>
        <source>temporary failure</source>
        <translation>temporary failure</translation>
    </message>
    <message>
        <location filename="../ui/theme/Names.qml" line="82"/>
        <source>out of order</source>
        <translation>out of order</translation>
    </message>
    <message>
        <location filename="../ui/theme/Names.qml" line="83"/>
        <source>number changed</source>
        <translation>number changed</translation>
    </message>
    <message>
        <location filename="../ui/theme/Names.qml" line="56"/>
        <location filename="../ui/theme/Names.qml" line="85"/>
        <source>other (%1)</source>
        <translation>other (%1)</translation>
    </message>
    <message>
        <location filename="../ui/theme/Names.qml" line="90"/>
        <source>Ready</source>
        <translation>Ready</translation>
    </message>
    <message>
        <location filename="../ui/theme/Names.qml" line="91"/>
        <source>Not ready</source>
        <translation>Not ready</translation>
    </message>
    <message>
        <location filename="../ui/theme/Names.qml" line="92"/>
        <source>Wrap-up</source>
        <translation>Wrap-up</translation>
    </message>
    <message>
        <location filename="../ui/theme/Names.qml" line="93"/>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <location filename="../ui/theme/Names.qml" line="113"/>
        <source>Break</source>
        <translation>Break</translation>
    </message>
    <message>
        <location filename="../ui/theme/Names.qml" line="114"/>
        <source>Lunch</source>
        <translation>Lunch</translation>
    </message>
    <message>
        <location filename="../ui/theme/Names.qml" line="115"/>
        <source>Meeting</source>
        <translation>Meeting</translation>
    </message>
    <message>
        <location filename="../ui/theme/Names.qml" line="116"/>
        <source>Training</source>
        <translation>Training</translation>
    </message>
    <message>
        <location filename="../ui/theme/Names.qml" line="117"/>
        <source>Coaching</source>
        <translation>Coaching</translation>
    </message>
    <message>
        <location filename="../ui/theme/Names.qml" line="118"/>
        <source>Technical problem</source>
        <translation>Technical problem</translation>
    </message>
    <message>
        <location filename="../ui/theme/Names.qml" line="127"/>
        <source>Resolved</source>
        <translation>Resolved</translation>
    </message>
    <message>
        <location filename="../ui/theme/Names.qml" line="128"/>
        <source>Sale</source>
        <translation>Sale</translation>
    </message>
    <message>
        <location filename="../ui/theme/Names.qml" line="129"/>
        <source>Callback requested</source>
        <translation>Callback requested</translation>
    </message>
    <message>
        <location filename="../ui/theme/Names.qml" line="130"/>
        <source>Escalated</source>
        <translation>Escalated</translation>
    </message>
    <message>
        <location filename="../ui/theme/Names.qml" line="131"/>
        <source>Transferred</source>
        <translation>Transferred</translation>
    </message>
    <message>
        <location filename="../ui/theme/Names.qml" line="132"/>
        <source>Wrong number</source>
        <translation>Wrong number</translation>
    </message>
    <message>
        <location filename="../ui/theme/Names.qml" line="133"/>
        <source>Abusive caller</source>
        <translation>Abusive caller</translation>
    </message>
    <message>
        <location filename="../ui/theme/Names.qml" line="149"/>
        <source>Unknown caller</source>
        <translation>Unknown caller</translation>
    </message>
</context>
<context>
    <name>NewCallBar</name>
    <message>
        <location filename="../ui/components/NewCallBar.qml" line="31"/>
        <source>No line can make calls right now.</source>
        <translation>No line can make calls right now.</translation>
    </message>
    <message>
        <location filename="../ui/components/NewCallBar.qml" line="44"/>
        <source>The line refused the call.</source>
        <translation>The line refused the call.</translation>
    </message>
    <message>
        <location filename="../ui/components/NewCallBar.qml" line="56"/>
        <location filename="../ui/components/NewCallBar.qml" line="58"/>
        <source>Number to call</source>
        <translation>Number to call</translation>
    </message>
    <message>
        <location filename="../ui/components/NewCallBar.qml" line="70"/>
        <source>Line to call on</source>
        <translation>Line to call on</translation>
    </message>
    <message>
        <location filename="../ui/components/NewCallBar.qml" line="75"/>
        <source>Call</source>
        <translation>Call</translation>
    </message>
    <message>
        <location filename="../ui/components/NewCallBar.qml" line="77"/>
        <source>Call the number</source>
        <translation>Call the number</translation>
    </message>
</context>
<context>
    <name>PinnedNote</name>
    <message>
        <location filename="../ui/components/PinnedNote.qml" line="13"/>
        <source>Set by your administrator</source>
        <translation>Set by your administrator</translation>
    </message>
</context>
<context>
    <name>QtAgentAudioIo</name>
    <message>
        <location filename="../engine/audio/QtAgentAudioIo.cpp" line="67"/>
        <source>the microphone &quot;%1&quot; stopped (error %2)</source>
        <translation>the microphone &quot;%1&quot; stopped (error %2)</translation>
    </message>
    <message>
        <location filename="../engine/audio/QtAgentAudioIo.cpp" line="73"/>
        <source>cannot open the microphone &quot;%1&quot;</source>
        <translation>cannot open the microphone &quot;%1&quot;</translation>
    </message>
    <message>
        <location filename="../engine/audio/QtAgentAudioIo.cpp" line="95"/>
        <source>the earpiece &quot;%1&quot; stopped (error %2)</source>
        <translation>the earpiece &quot;%1&quot; stopped (error %2)</translation>
    </message>
    <message>
        <location filename="../engine/audio/QtAgentAudioIo.cpp" line="101"/>
        <source>cannot open the earpiece &quot;%1&quot;</source>
        <translation>cannot open the earpiece &quot;%1&quot;</translation>
    </message>
</context>
<context>
    <name>QtMultimediaLineAudioPort</name>
    <message>
        <location filename="../providers/soundline/line/QtMultimediaLineAudioPort.cpp" line="64"/>
        <source>no capture sound card is configured (captureDevice)</source>
        <translation>no capture sound card is configured (captureDevice)</translation>
    </message>
    <message>
        <location filename="../providers/soundline/line/QtMultimediaLineAudioPort.cpp" line="69"/>
        <source>capture sound card &apos;%1&apos; is not present</source>
        <translation>capture sound card &apos;%1&apos; is not present</translation>
    </message>
    <message>
        <location filename="../providers/soundline/line/QtMultimediaLineAudioPort.cpp" line="76"/>
        <source>playback sound card &apos;%1&apos; is not present</source>
        <translation>playback sound card &apos;%1&apos; is not present</translation>
    </message>
    <message>
        <location filename="../providers/soundline/line/QtMultimediaLineAudioPort.cpp" line="84"/>
        <source>capture sound card %1: %2</source>
        <translation>capture sound card %1: %2</translation>
    </message>
    <message>
        <location filename="../providers/soundline/line/QtMultimediaLineAudioPort.cpp" line="93"/>
        <source>capture sound card %1 stopped delivering audio</source>
        <translation>capture sound card %1 stopped delivering audio</translation>
    </message>
    <message>
        <location filename="../providers/soundline/line/QtMultimediaLineAudioPort.cpp" line="100"/>
        <source>capture sound card %1 cannot be opened at %2 Hz</source>
        <translation>capture sound card %1 cannot be opened at %2 Hz</translation>
    </message>
    <message>
        <location filename="../providers/soundline/line/QtMultimediaLineAudioPort.cpp" line="117"/>
        <source>playback sound card %1 stopped taking audio</source>
        <translation>playback sound card %1 stopped taking audio</translation>
    </message>
    <message>
        <location filename="../providers/soundline/line/QtMultimediaLineAudioPort.cpp" line="123"/>
        <source>playback sound card %1 cannot be opened at %2 Hz</source>
        <translation>playback sound card %1 cannot be opened at %2 Hz</translation>
    </message>
    <message>
        <location filename="../providers/soundline/line/QtMultimediaLineAudioPort.cpp" line="239"/>
        <source>capture sound card %1 was unplugged</source>
        <translation>capture sound card %1 was unplugged</translation>
    </message>
    <message>
        <location filename="../providers/soundline/line/QtMultimediaLineAudioPort.cpp" line="243"/>
        <source>playback sound card %1 was unplugged</source>
        <translation>playback sound card %1 was unplugged</translation>
    </message>
</context>
<context>
    <name>QtSerialControlPort</name>
    <message>
        <location filename="../providers/soundline/line/QtSerialControlPort.cpp" line="41"/>
        <location filename="../providers/soundline/line/QtSerialControlPort.cpp" line="116"/>
        <source>serial port %1 went away: %2</source>
        <translation>serial port %1 went away: %2</translation>
    </message>
    <message>
        <location filename="../providers/soundline/line/QtSerialControlPort.cpp" line="57"/>
        <source>serial port %1: %2</source>
        <translation>serial port %1: %2</translation>
    </message>
    <message>
        <location filename="../providers/soundline/line/QtSerialControlPort.cpp" line="105"/>
        <source>serial port %1 went away: the device node is gone</source>
        <translation>serial port %1 went away: the device node is gone</translation>
    </message>
</context>
<context>
    <name>Reasons</name>
    <message>
        <location filename="../ui/theme/Reasons.qml" line="11"/>
        <source>Not possible in the call&apos;s current state.</source>
        <translation>Not possible in the call&apos;s current state.</translation>
    </message>
    <message>
        <location filename="../ui/theme/Reasons.qml" line="12"/>
        <source>This line does not offer that.</source>
        <translation>This line does not offer that.</translation>
    </message>
    <message>
        <location filename="../ui/theme/Reasons.qml" line="13"/>
        <source>The line could not do it.</source>
        <translation>The line could not do it.</translation>
    </message>
    <message>
        <location filename="../ui/theme/Reasons.qml" line="14"/>
        <source>The line is busy with another request; try again.</source>
        <translation>The line is busy with another request; try again.</translation>
    </message>
    <message>
        <location filename="../ui/theme/Reasons.qml" line="15"/>
        <location filename="../ui/theme/Reasons.qml" line="45"/>
        <source>This station only monitors the call.</source>
        <translation>This station only monitors the call.</translation>
    </message>
    <message>
        <location filename="../ui/theme/Reasons.qml" line="16"/>
        <source>That number cannot be dialled.</source>
        <translation>That number cannot be dialled.</translation>
    </message>
    <message>
        <location filename="../ui/theme/Reasons.qml" line="17"/>
        <source>The text for the caller&apos;s system is too long for this line.</source>
        <translation>The text for the caller&apos;s system is too long for this line.</translation>
    </message>
    <message>
        <location filename="../ui/theme/Reasons.qml" line="18"/>
        <source>The conference is full.</source>
        <translation>The conference is full.</translation>
    </message>
    <message>
        <location filename="../ui/theme/Reasons.qml" line="21"/>
        <source>That call has already ended.</source>
        <translation>That call has already ended.</translation>
    </message>
    <message>
        <location filename="../ui/theme/Reasons.qml" line="23"/>
        <source>The line is not available.</source>
        <translation>The line is not available.</translation>
    </message>
    <message>
        <location filename="../ui/theme/Reasons.qml" line="25"/>
        <source>The request was not valid.</source>
        <translation>The request was not valid.</translation>
    </message>
    <message>
        <location filename="../ui/theme/Reasons.qml" line="26"/>
        <source>Out of memory.</source>
        <translation>Out of memory.</translation>
    </message>
    <message>
        <location filename="../ui/theme/Reasons.qml" line="28"/>
        <source>The line refused it (error 0x%1).</source>
        <translation>The line refused it (error 0x%1).</translation>
    </message>
    <message>
        <location filename="../ui/theme/Reasons.qml" line="33"/>
        <source>%1 failed: %2</source>
        <translation>%1 failed: %2</translation>
    </message>
    <message>
        <location filename="../ui/theme/Reasons.qml" line="39"/>
        <source>Select a call first.</source>
        <translation>Select a call first.</translation>
    </message>
    <message>
        <location filename="../ui/theme/Reasons.qml" line="43"/>
        <source>The call has ended.</source>
        <translation>The call has ended.</translation>
    </message>
    <message>
        <location filename="../ui/theme/Reasons.qml" line="49"/>
        <source>%1 is not available while the call is ringing.</source>
        <translation>%1 is not available while the call is ringing.</translation>
    </message>
    <message>
        <location filename="../ui/theme/Reasons.qml" line="54"/>
        <source>%1 is not available until the other party answers.</source>
        <translation>%1 is not available until the other party answers.</translation>
    </message>
    <message>
        <location filename="../ui/theme/Reasons.qml" line="58"/>
        <source>%1 is not available while the call is on hold.</source>
        <translation>%1 is not available while the call is on hold.</translation>
    </message>
    <message>
        <location filename="../ui/theme/Reasons.qml" line="60"/>
        <source>%1 is not available for a party of a conference; use the conference.</source>
        <translation>%1 is not available for a party of a conference; use the conference.</translation>
    </message>
    <message>
        <location filename="../ui/theme/Reasons.qml" line="63"/>
        <source>%1 is not available: the call is active at another station.</source>
        <translation>%1 is not available: the call is active at another station.</translation>
    </message>
    <message>
        <location filename="../ui/theme/Reasons.qml" line="66"/>
        <source>This line does not offer %1 now.</source>
        <translation>This line does not offer %1 now.</translation>
    </message>
</context>
<context>
    <name>Recorder</name>
    <message>
        <location filename="../engine/audio/Recorder.cpp" line="66"/>
        <source>Cannot create the recording %1: %2</source>
        <translation>Cannot create the recording %1: %2</translation>
    </message>
    <message>
        <location filename="../engine/audio/Recorder.cpp" line="76"/>
        <source>Cannot record %1: the format does not support %2 Hz.</source>
        <translation>Cannot record %1: the format does not support %2 Hz.</translation>
    </message>
    <message>
        <location filename="../engine/audio/Recorder.cpp" line="85"/>
        <source>Cannot start the recording %1: %2</source>
        <translation>Cannot start the recording %1: %2</translation>
    </message>
    <message>
        <location filename="../engine/audio/Recorder.cpp" line="135"/>
        <source>The recording %1 stopped: %2</source>
        <translation>The recording %1 stopped: %2</translation>
    </message>
</context>
<context>
    <name>SessionList</name>
    <message>
        <location filename="../ui/components/SessionList.qml" line="29"/>
        <source>Sessions</source>
        <translation>Sessions</translation>
    </message>
    <message>
        <location filename="../ui/components/SessionList.qml" line="37"/>
        <source>No calls</source>
        <translation>No calls</translation>
    </message>
    <message>
        <location filename="../ui/components/SessionList.qml" line="67"/>
        <location filename="../ui/components/SessionList.qml" line="100"/>
        <source>Conference</source>
        <translation>Conference</translation>
    </message>
    <message>
        <location filename="../ui/components/SessionList.qml" line="69"/>
        <location filename="../ui/components/SessionList.qml" line="150"/>
        <source>in conference %1</source>
        <translation>in conference %1</translation>
    </message>
    <message>
        <location filename="../ui/components/SessionList.qml" line="102"/>
        <source>Unknown caller</source>
        <translation>Unknown caller</translation>
    </message>
</context>
<context>
    <name>SettingsArray</name>
    <message>
        <location filename="../engine/settings/SettingsArray.cpp" line="95"/>
        <source>&quot;%1&quot; is the name of another account.</source>
        <translation>&quot;%1&quot; is the name of another account.</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../ui/pages/SettingsPage.qml" line="18"/>
        <source>Answer the incoming call</source>
        <translation>Answer the incoming call</translation>
    </message>
    <message>
        <location filename="../ui/pages/SettingsPage.qml" line="19"/>
        <source>Reject the incoming call</source>
        <translation>Reject the incoming call</translation>
    </message>
    <message>
        <location filename="../ui/pages/SettingsPage.qml" line="20"/>
        <source>Drop the selected call</source>
        <translation>Drop the selected call</translation>
    </message>
    <message>
        <location filename="../ui/pages/SettingsPage.qml" line="21"/>
        <source>Hold or unhold the selected call</source>
        <translation>Hold or unhold the selected call</translation>
    </message>
    <message>
        <location filename="../ui/pages/SettingsPage.qml" line="22"/>
        <source>Mute or unmute the microphone</source>
        <translation>Mute or unmute the microphone</translation>
    </message>
    <message>
        <location filename="../ui/pages/SettingsPage.qml" line="45"/>
        <source>Settings marked “Set by your administrator” come from %1 and cannot be changed here.</source>
        <translation>Settings marked “Set by your administrator” come from %1 and cannot be changed here.</translation>
    </message>
    <message>
        <location filename="../ui/pages/SettingsPage.qml" line="53"/>
        <source>Lines</source>
        <translation>Lines</translation>
    </message>
    <message>
        <location filename="../ui/pages/SettingsPage.qml" line="57"/>
        <source>SIP accounts</source>
        <translation>SIP accounts</translation>
    </message>
    <message>
        <location filename="../ui/pages/SettingsPage.qml" line="62"/>
        <source>Keyboard shortcuts</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <location filename="../ui/pages/SettingsPage.qml" line="70"/>
        <source>Headsets</source>
        <translation>Headsets</translation>
    </message>
    <message>
        <location filename="../ui/pages/SettingsPage.qml" line="76"/>
        <source>Audio</source>
        <translation>Audio</translation>
    </message>
    <message>
        <location filename="../ui/pages/SettingsPage.qml" line="81"/>
        <source>Appearance</source>
        <translation>Appearance</translation>
    </message>
    <message>
        <location filename="../ui/pages/SettingsPage.qml" line="83"/>
        <location filename="../ui/pages/SettingsPage.qml" line="95"/>
        <source>Theme</source>
        <translation>Theme</translation>
    </message>
    <message>
        <location filename="../ui/pages/SettingsPage.qml" line="91"/>
        <location filename="../ui/pages/SettingsPage.qml" line="131"/>
        <source>Follow the system</source>
        <translation>Follow the system</translation>
    </message>
    <message>
        <location filename="../ui/pages/SettingsPage.qml" line="91"/>
        <source>Light</source>
        <translation>Light</translation>
    </message>
    <message>
        <location filename="../ui/pages/SettingsPage.qml" line="91"/>
        <source>Dark</source>
        <translation>Dark</translation>
    </message>
    <message>
        <location filename="../ui/pages/SettingsPage.qml" line="101"/>
        <source>Wrap-up</source>
        <translation>Wrap-up</translation>
    </message>
    <message>
        <location filename="../ui/pages/SettingsPage.qml" line="103"/>
        <source>Wrap-up time after a call (seconds, 0 = until finished)</source>
        <translation>Wrap-up time after a call (seconds, 0 = until finished)</translation>
    </message>
    <message>
        <location filename="../ui/pages/SettingsPage.qml" line="112"/>
        <source>Wrap-up time in seconds</source>
        <translation>Wrap-up time in seconds</translation>
    </message>
    <message>
        <location filename="../ui/pages/SettingsPage.qml" line="121"/>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../ui/pages/SettingsPage.qml" line="123"/>
        <location filename="../ui/pages/SettingsPage.qml" line="135"/>
        <source>User interface language</source>
        <translation>User interface language</translation>
    </message>
    <message>
        <location filename="../ui/pages/SettingsPage.qml" line="144"/>
        <source>This run started with --lang %1. A language chosen here applies at once and at every start.</source>
        <translation>This run started with --lang %1. A language chosen here applies at once and at every start.</translation>
    </message>
    <message>
        <location filename="../ui/pages/SettingsPage.qml" line="23"/>
        <source>Save the wrap-up and close the call</source>
        <translation>Save the wrap-up and close the call</translation>
    </message>
    <message>
        <location filename="../ui/pages/SettingsPage.qml" line="13"/>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../ui/pages/SettingsPage.qml" line="24"/>
        <source>Become ready</source>
        <translation>Become ready</translation>
    </message>
    <message>
        <location filename="../ui/pages/SettingsPage.qml" line="25"/>
        <source>Change the agent state</source>
        <translation>Change the agent state</translation>
    </message>
</context>
<context>
    <name>ShortcutEditor</name>
    <message>
        <location filename="../ui/components/ShortcutEditor.qml" line="29"/>
        <source>Press the new shortcut for “%1”, or Escape to keep %2.</source>
        <translation>Press the new shortcut for “%1”, or Escape to keep %2.</translation>
    </message>
    <message>
        <location filename="../ui/components/ShortcutEditor.qml" line="30"/>
        <source>Unchanged: %1 stays %2.</source>
        <translation>Unchanged: %1 stays %2.</translation>
    </message>
    <message>
        <location filename="../ui/components/ShortcutEditor.qml" line="31"/>
        <source>%1 cannot be a shortcut: use Ctrl, Alt or Meta with a key, or a function key.</source>
        <translation>%1 cannot be a shortcut: use Ctrl, Alt or Meta with a key, or a function key.</translation>
    </message>
    <message>
        <location filename="../ui/components/ShortcutEditor.qml" line="32"/>
        <source>%1 is already the shortcut for “%2”; choose another or change that one first.</source>
        <translation>%1 is already the shortcut for “%2”; choose another or change that one first.</translation>
    </message>
    <message>
        <location filename="../ui/components/ShortcutEditor.qml" line="33"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../ui/components/ShortcutEditor.qml" line="107"/>
        <source>Press keys…</source>
        <translation>Press keys…</translation>
    </message>
    <message>
        <location filename="../ui/components/ShortcutEditor.qml" line="111"/>
        <source>Shortcut for %1: %2</source>
        <translation>Shortcut for %1: %2</translation>
    </message>
    <message>
        <location filename="../ui/components/ShortcutEditor.qml" line="119"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../ui/components/ShortcutEditor.qml" line="119"/>
        <source>Change</source>
        <translation>Change</translation>
    </message>
    <message>
        <location filename="../ui/components/ShortcutEditor.qml" line="120"/>
        <source>Cancel changing the shortcut</source>
        <translation>Cancel changing the shortcut</translation>
    </message>
    <message>
        <location filename="../ui/components/ShortcutEditor.qml" line="121"/>
        <source>Change the shortcut for %1</source>
        <translation>Change the shortcut for %1</translation>
    </message>
    <message>
        <location filename="../ui/components/ShortcutEditor.qml" line="126"/>
        <source>Reset</source>
        <translation>Reset</translation>
    </message>
    <message>
        <location filename="../ui/components/ShortcutEditor.qml" line="130"/>
        <source>Reset the shortcut for %1 to %2</source>
        <translation>Reset the shortcut for %1 to %2</translation>
    </message>
    <message>
        <location filename="../ui/components/ShortcutEditor.qml" line="155"/>
        <source>Shortcut capture</source>
        <translation>Shortcut capture</translation>
    </message>
    <message>
        <location filename="../ui/components/ShortcutEditor.qml" line="129"/>
        <source>This is the default shortcut.</source>
        <translation>This is the default shortcut.</translation>
    </message>
</context>
<context>
    <name>SipAccountChecks</name>
    <message>
        <location filename="../ui/SipAccountChecks.cpp" line="34"/>
        <source>%1 is not a full path (it must start with /).</source>
        <translation>%1 is not a full path (it must start with /).</translation>
    </message>
    <message>
        <location filename="../ui/SipAccountChecks.cpp" line="36"/>
        <source>%1 does not exist.</source>
        <translation>%1 does not exist.</translation>
    </message>
    <message>
        <location filename="../ui/SipAccountChecks.cpp" line="38"/>
        <source>%1 is a folder, not a file.</source>
        <translation>%1 is a folder, not a file.</translation>
    </message>
    <message>
        <location filename="../ui/SipAccountChecks.cpp" line="40"/>
        <source>%1 cannot be read by this user.</source>
        <translation>%1 cannot be read by this user.</translation>
    </message>
    <message>
        <location filename="../ui/SipAccountChecks.cpp" line="64"/>
        <source>&quot;%1&quot; is not a number, a SIP user name or a sip: address.</source>
        <translation>&quot;%1&quot; is not a number, a SIP user name or a sip: address.</translation>
    </message>
    <message>
        <location filename="../ui/SipAccountChecks.cpp" line="68"/>
        <source>&quot;%1&quot; is listed twice.</source>
        <translation>&quot;%1&quot; is listed twice.</translation>
    </message>
</context>
<context>
    <name>SipAccountForm</name>
    <message>
        <location filename="../ui/components/SipAccountForm.qml" line="118"/>
        <location filename="../ui/components/SipAccountForm.qml" line="124"/>
        <source>Registrar</source>
        <translation>Registrar</translation>
    </message>
    <message>
        <location filename="../ui/components/SipAccountForm.qml" line="123"/>
        <source>host or host:port</source>
        <translation>host or host:port</translation>
    </message>
    <message>
        <location filename="../ui/components/SipAccountForm.qml" line="126"/>
        <location filename="../ui/components/SipAccountForm.qml" line="132"/>
        <source>Outbound proxy</source>
        <translation>Outbound proxy</translation>
    </message>
    <message>
        <location filename="../ui/components/SipAccountForm.qml" line="131"/>
        <source>None: requests go to the registrar</source>
        <translation>None: requests go to the registrar</translation>
    </message>
    <message>
        <location filename="../ui/components/SipAccountForm.qml" line="134"/>
        <location filename="../ui/components/SipAccountForm.qml" line="140"/>
        <source>User</source>
        <translation>User</translation>
    </message>
    <message>
        <location filename="../ui/components/SipAccountForm.qml" line="139"/>
        <source>The account&apos;s user, also the line&apos;s number</source>
        <translation>The account&apos;s user, also the line&apos;s number</translation>
    </message>
    <message>
        <location filename="../ui/components/SipAccountForm.qml" line="142"/>
        <location filename="../ui/components/SipAccountForm.qml" line="148"/>
        <source>Authentication user</source>
        <translation>Authentication user</translation>
    </message>
    <message>
        <location filename="../ui/components/SipAccountForm.qml" line="147"/>
        <source>The user</source>
        <translation>The user</translation>
    </message>
    <message>
        <location filename="../ui/components/SipAccountForm.qml" line="150"/>
        <location filename="../ui/components/SipAccountForm.qml" line="157"/>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../ui/components/SipAccountForm.qml" line="156"/>
        <source>Unchanged</source>
        <translation>Unchanged</translation>
    </message>
    <message>
        <location filename="../ui/components/SipAccountForm.qml" line="93"/>
        <location filename="../ui/components/SipAccountForm.qml" line="156"/>
        <location filename="../ui/components/SipAccountForm.qml" line="210"/>
        <source>None</source>
        <translation>None</translation>
    </message>
    <message>
        <location filename="../ui/components/SipAccountForm.qml" line="106"/>
        <source>PEM files (*.pem *.crt *.cer *.key)</source>
        <translation>PEM files (*.pem *.crt *.cer *.key)</translation>
    </message>
    <message>
        <location filename="../ui/components/SipAccountForm.qml" line="106"/>
        <source>All files (*)</source>
        <translation>All files (*)</translation>
    </message>
    <message>
        <location filename="../ui/components/SipAccountForm.qml" line="107"/>
        <source>Browse for %1</source>
        <translation>Browse for %1</translation>
    </message>
    <message>
        <location filename="../ui/components/SipAccountForm.qml" line="160"/>
        <location filename="../ui/components/SipAccountForm.qml" line="169"/>
        <source>Transport</source>
        <translation>Transport</translation>
    </message>
    <message>
        <location filename="../ui/components/SipAccountForm.qml" line="173"/>
        <source>TLS certificate authorities</source>
        <translation>TLS certificate authorities</translation>
    </message>
    <message>
        <location filename="../ui/components/SipAccountForm.qml" line="179"/>
        <source>TLS certificate authorities file</source>
        <translation>TLS certificate authorities file</translation>
    </message>
    <message>
        <location filename="../ui/components/SipAccountForm.qml" line="182"/>
        <source>The system&apos;s trusted authorities</source>
        <translation>The system&apos;s trusted authorities</translation>
    </message>
    <message>
        <location filename="../ui/components/SipAccountForm.qml" line="190"/>
        <source>TLS client certificate</source>
        <translation>TLS client certificate</translation>
    </message>
    <message>
        <location filename="../ui/components/SipAccountForm.qml" line="196"/>
        <source>TLS client certificate and key file</source>
        <translation>TLS client certificate and key file</translation>
    </message>
    <message>
        <location filename="../ui/components/SipAccountForm.qml" line="199"/>
        <source>None: sent only if the server asks</source>
        <translation>None: sent only if the server asks</translation>
    </message>
    <message>
        <location filename="../ui/components/SipAccountForm.qml" line="205"/>
        <location filename="../ui/components/SipAccountForm.qml" line="211"/>
        <source>Display name</source>
        <translation>Display name</translation>
    </message>
    <message>
        <location filename="../ui/components/SipAccountForm.qml" line="213"/>
        <source>Codecs, in order</source>
        <translation>Codecs, in order</translation>
    </message>
    <message>
        <location filename="../ui/components/SipAccountForm.qml" line="219"/>
        <source>Codecs, in order of preference</source>
        <translation>Codecs, in order of preference</translation>
    </message>
    <message>
        <location filename="../ui/components/SipAccountForm.qml" line="221"/>
        <location filename="../ui/components/SipAccountForm.qml" line="227"/>
        <source>Monitored addresses</source>
        <translation>Monitored addresses</translation>
    </message>
    <message>
        <location filename="../ui/components/SipAccountForm.qml" line="226"/>
        <source>None, or numbers and sip: addresses, separated by commas</source>
        <translation>None, or numbers and sip: addresses, separated by commas</translation>
    </message>
    <message>
        <location filename="../ui/components/SipAccountForm.qml" line="229"/>
        <source>Numbers or sip: addresses whose busy or idle status the console shows, separated by commas</source>
        <translation>Numbers or sip: addresses whose busy or idle status the console shows, separated by commas</translation>
    </message>
    <message>
        <location filename="../ui/components/SipAccountForm.qml" line="239"/>
        <source>Shared line: calls answered at other phones on this address appear here</source>
        <translation>Shared line: calls answered at other phones on this address appear here</translation>
    </message>
    <message>
        <location filename="../ui/components/SipAccountForm.qml" line="241"/>
        <source>Shared line</source>
        <translation>Shared line</translation>
    </message>
    <message>
        <location filename="../ui/components/SipAccountForm.qml" line="251"/>
        <source>Not saved: %1</source>
        <translation>Not saved: %1</translation>
    </message>
    <message>
        <location filename="../ui/components/SipAccountForm.qml" line="263"/>
        <source>Add the account</source>
        <translation>Add the account</translation>
    </message>
    <message>
        <location filename="../ui/components/SipAccountForm.qml" line="263"/>
        <source>Save the account</source>
        <translation>Save the account</translation>
    </message>
    <message>
        <location filename="../ui/components/SipAccountForm.qml" line="268"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>SipAccountLines</name>
    <message>
        <location filename="../app/SipAccountLines.cpp" line="50"/>
        <source>The SIP accounts in the settings (sipAccounts, %1) are not used: %2</source>
        <translation>The SIP accounts in the settings (sipAccounts, %1) are not used: %2</translation>
    </message>
    <message>
        <location filename="../app/SipAccountLines.cpp" line="52"/>
        <source>The SIP account %1 in the settings (sipAccounts, %2) is not used: %3</source>
        <translation>The SIP account %1 in the settings (sipAccounts, %2) is not used: %3</translation>
    </message>
    <message>
        <location filename="../app/SipAccountLines.cpp" line="74"/>
        <source>the id is used twice</source>
        <translation>the id is used twice</translation>
    </message>
</context>
<context>
    <name>SipAccountsPane</name>
    <message>
        <location filename="../ui/components/SipAccountsPane.qml" line="42"/>
        <source>not started: the console refused its values</source>
        <translation>not started: the console refused its values</translation>
    </message>
    <message>
        <location filename="../ui/components/SipAccountsPane.qml" line="44"/>
        <source>changes apply when its calls end</source>
        <translation>changes apply when its calls end</translation>
    </message>
    <message>
        <location filename="../ui/components/SipAccountsPane.qml" line="46"/>
        <source>closed</source>
        <translation>closed</translation>
    </message>
    <message>
        <location filename="../ui/components/SipAccountsPane.qml" line="48"/>
        <source>out of service: %1</source>
        <translation>out of service: %1</translation>
    </message>
    <message>
        <location filename="../ui/components/SipAccountsPane.qml" line="49"/>
        <source>out of service</source>
        <translation>out of service</translation>
    </message>
    <message>
        <location filename="../ui/components/SipAccountsPane.qml" line="50"/>
        <source>registered</source>
        <translation>registered</translation>
    </message>
    <message>
        <location filename="../ui/components/SipAccountsPane.qml" line="57"/>
        <source>The SIP accounts in the settings are not used: %1</source>
        <translation>The SIP accounts in the settings are not used: %1</translation>
    </message>
    <message>
        <location filename="../ui/components/SipAccountsPane.qml" line="68"/>
        <source>No SIP accounts.</source>
        <translation>No SIP accounts.</translation>
    </message>
    <message>
        <location filename="../ui/components/SipAccountsPane.qml" line="107"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../ui/components/SipAccountsPane.qml" line="111"/>
        <source>Edit</source>
        <translation>Edit</translation>
    </message>
    <message>
        <location filename="../ui/components/SipAccountsPane.qml" line="114"/>
        <source>Edit %1</source>
        <translation>Edit %1</translation>
    </message>
    <message>
        <location filename="../ui/components/SipAccountsPane.qml" line="119"/>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../ui/components/SipAccountsPane.qml" line="122"/>
        <source>Remove %1</source>
        <translation>Remove %1</translation>
    </message>
    <message>
        <location filename="../ui/components/SipAccountsPane.qml" line="143"/>
        <source>Add a SIP account</source>
        <translation>Add a SIP account</translation>
    </message>
    <message>
        <location filename="../ui/components/SipAccountsPane.qml" line="145"/>
        <source>Finish the account being edited first.</source>
        <translation>Finish the account being edited first.</translation>
    </message>
    <message>
        <location filename="../ui/components/SipAccountsPane.qml" line="146"/>
        <source>The console takes at most %1 SIP accounts.</source>
        <translation>The console takes at most %1 SIP accounts.</translation>
    </message>
    <message>
        <location filename="../ui/components/SipAccountsPane.qml" line="152"/>
        <source>New SIP account</source>
        <translation>New SIP account</translation>
    </message>
    <message>
        <location filename="../ui/components/SipAccountsPane.qml" line="152"/>
        <source>Editing %1</source>
        <translation>Editing %1</translation>
    </message>
    <message>
        <location filename="../ui/components/SipAccountsPane.qml" line="169"/>
        <source>Accounts added, changed or removed here apply at once; an account with a call in progress changes when the call ends.</source>
        <translation>Accounts added, changed or removed here apply at once; an account with a call in progress changes when the call ends.</translation>
    </message>
</context>
<context>
    <name>SoundLineProvider</name>
    <message>
        <location filename="../providers/soundline/line/SoundLineProvider.cpp" line="75"/>
        <source>no hook relay is wired: this line can only watch calls, it rings until the caller gives up</source>
        <translation>no hook relay is wired: this line can only watch calls, it rings until the caller gives up</translation>
    </message>
    <message>
        <location filename="../providers/soundline/line/SoundLineProvider.cpp" line="77"/>
        <source>an analogue line cannot refuse a call: it rings until the caller gives up (answer and hang up would connect the caller)</source>
        <translation>an analogue line cannot refuse a call: it rings until the caller gives up (answer and hang up would connect the caller)</translation>
    </message>
</context>
<context>
    <name>SoundLineWorker</name>
    <message>
        <location filename="../providers/soundline/line/SoundLineWorker.cpp" line="71"/>
        <source>no line audio is configured: set captureDevice (and playbackDevice) to the line interface&apos;s sound card, or captureFile to use a file</source>
        <translation>no line audio is configured: set captureDevice (and playbackDevice) to the line interface&apos;s sound card, or captureFile to use a file</translation>
    </message>
</context>
<context>
    <name>SupervisorNotice</name>
    <message>
        <location filename="../ui/components/SupervisorNotice.qml" line="35"/>
        <source>drop %1 from your conference</source>
        <translation>drop %1 from your conference</translation>
    </message>
    <message>
        <location filename="../ui/components/SupervisorNotice.qml" line="36"/>
        <source>drop your conference</source>
        <translation>drop your conference</translation>
    </message>
    <message>
        <location filename="../ui/components/SupervisorNotice.qml" line="37"/>
        <source>end your call with %1</source>
        <translation>end your call with %1</translation>
    </message>
    <message>
        <location filename="../ui/components/SupervisorNotice.qml" line="38"/>
        <source>set your state to %1</source>
        <translation>set your state to %1</translation>
    </message>
    <message>
        <location filename="../ui/components/SupervisorNotice.qml" line="28"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../ui/components/SupervisorNotice.qml" line="39"/>
        <source>listen to your call with %1</source>
        <translation>listen to your call with %1</translation>
    </message>
    <message>
        <location filename="../ui/components/SupervisorNotice.qml" line="40"/>
        <source>coach you (heard by you only) on your call with %1</source>
        <translation>coach you (heard by you only) on your call with %1</translation>
    </message>
    <message>
        <location filename="../ui/components/SupervisorNotice.qml" line="41"/>
        <source>join your call with %1</source>
        <translation>join your call with %1</translation>
    </message>
    <message>
        <location filename="../ui/components/SupervisorNotice.qml" line="42"/>
        <source>stop coaching your call with %1</source>
        <translation>stop coaching your call with %1</translation>
    </message>
    <message>
        <location filename="../ui/components/SupervisorNotice.qml" line="50"/>
        <source>dropped %1 from your conference</source>
        <translation>dropped %1 from your conference</translation>
    </message>
    <message>
        <location filename="../ui/components/SupervisorNotice.qml" line="51"/>
        <source>dropped your conference</source>
        <translation>dropped your conference</translation>
    </message>
    <message>
        <location filename="../ui/components/SupervisorNotice.qml" line="52"/>
        <source>ended your call with %1</source>
        <translation>ended your call with %1</translation>
    </message>
    <message>
        <location filename="../ui/components/SupervisorNotice.qml" line="53"/>
        <source>changed your state to %1</source>
        <translation>changed your state to %1</translation>
    </message>
    <message>
        <location filename="../ui/components/SupervisorNotice.qml" line="54"/>
        <source>is listening to your call with %1</source>
        <translation>is listening to your call with %1</translation>
    </message>
    <message>
        <location filename="../ui/components/SupervisorNotice.qml" line="55"/>
        <source>is coaching you (heard by you only) on your call with %1</source>
        <translation>is coaching you (heard by you only) on your call with %1</translation>
    </message>
    <message>
        <location filename="../ui/components/SupervisorNotice.qml" line="56"/>
        <source>is joining your call with %1</source>
        <translation>is joining your call with %1</translation>
    </message>
    <message>
        <location filename="../ui/components/SupervisorNotice.qml" line="57"/>
        <location filename="../ui/components/SupervisorNotice.qml" line="83"/>
        <source>stopped coaching your call with %1</source>
        <translation>stopped coaching your call with %1</translation>
    </message>
    <message>
        <location filename="../ui/components/SupervisorNotice.qml" line="68"/>
        <source>Supervisor %1 asked to %2; it was not done (%3).</source>
        <translation>Supervisor %1 asked to %2; it was not done (%3).</translation>
    </message>
    <message>
        <location filename="../ui/components/SupervisorNotice.qml" line="70"/>
        <source>Supervisor %1 will %2 after this call.</source>
        <translation>Supervisor %1 will %2 after this call.</translation>
    </message>
    <message>
        <location filename="../ui/components/SupervisorNotice.qml" line="72"/>
        <location filename="../ui/components/SupervisorNotice.qml" line="86"/>
        <source>Supervisor %1 %2.</source>
        <extracomment>%1 is the supervisor&apos;s name, %2 what they did: &quot;dropped your conference&quot;, &quot;changed your state to Offline&quot;</extracomment>
        <translation>Supervisor %1 %2.</translation>
    </message>
    <message>
        <location filename="../ui/components/SupervisorNotice.qml" line="79"/>
        <source>stopped listening to your call with %1</source>
        <translation>stopped listening to your call with %1</translation>
    </message>
    <message>
        <location filename="../ui/components/SupervisorNotice.qml" line="80"/>
        <source>stopped coaching you on your call with %1</source>
        <translation>stopped coaching you on your call with %1</translation>
    </message>
    <message>
        <location filename="../ui/components/SupervisorNotice.qml" line="81"/>
        <source>left your call with %1</source>
        <translation>left your call with %1</translation>
    </message>
    <message>
        <location filename="../ui/components/SupervisorNotice.qml" line="137"/>
        <source>Dismiss</source>
        <translation>Dismiss</translation>
    </message>
    <message>
        <location filename="../ui/components/SupervisorNotice.qml" line="139"/>
        <source>Dismiss the supervisor&apos;s notice</source>
        <translation>Dismiss the supervisor&apos;s notice</translation>
    </message>
</context>
<context>
    <name>SupervisorView</name>
    <message>
        <location filename="../ui/SupervisorView.qml" line="55"/>
        <source>Supervisor pages</source>
        <translation>Supervisor pages</translation>
    </message>
    <message>
        <location filename="../ui/SupervisorView.qml" line="63"/>
        <source>Floor</source>
        <translation>Floor</translation>
    </message>
    <message>
        <location filename="../ui/SupervisorView.qml" line="65"/>
        <source>Floor: every agent&apos;s console</source>
        <translation>Floor: every agent&apos;s console</translation>
    </message>
    <message>
        <location filename="../ui/SupervisorView.qml" line="69"/>
        <source>This console</source>
        <translation>This console</translation>
    </message>
    <message>
        <location filename="../ui/SupervisorView.qml" line="71"/>
        <source>This console&apos;s calls</source>
        <translation>This console&apos;s calls</translation>
    </message>
    <message>
        <location filename="../ui/SupervisorView.qml" line="98"/>
        <source>Conferences (%1)</source>
        <translation>Conferences (%1)</translation>
    </message>
    <message>
        <location filename="../ui/SupervisorView.qml" line="110"/>
        <source>Conferences</source>
        <translation>Conferences</translation>
    </message>
    <message>
        <location filename="../ui/SupervisorView.qml" line="114"/>
        <source>No conferences</source>
        <translation>No conferences</translation>
    </message>
    <message>
        <location filename="../ui/SupervisorView.qml" line="125"/>
        <location filename="../ui/SupervisorView.qml" line="134"/>
        <source>Bridged appearances</source>
        <translation>Bridged appearances</translation>
    </message>
    <message>
        <location filename="../ui/SupervisorView.qml" line="137"/>
        <source>No calls on bridged lines</source>
        <translation>No calls on bridged lines</translation>
    </message>
    <message>
        <location filename="../ui/SupervisorView.qml" line="152"/>
        <source>inactive station</source>
        <translation>inactive station</translation>
    </message>
    <message>
        <location filename="../ui/SupervisorView.qml" line="152"/>
        <source>active station</source>
        <translation>active station</translation>
    </message>
    <message>
        <location filename="../ui/SupervisorView.qml" line="162"/>
        <source>All sessions (%1)</source>
        <translation>All sessions (%1)</translation>
    </message>
    <message>
        <location filename="../ui/SupervisorView.qml" line="174"/>
        <source>All sessions</source>
        <translation>All sessions</translation>
    </message>
    <message>
        <location filename="../ui/SupervisorView.qml" line="189"/>
        <source>conf %1</source>
        <translation>conf %1</translation>
    </message>
</context>
<context>
    <name>WrapUpForm</name>
    <message>
        <location filename="../ui/components/WrapUpForm.qml" line="41"/>
        <source>Wrap-up</source>
        <translation>Wrap-up</translation>
    </message>
    <message>
        <location filename="../ui/components/WrapUpForm.qml" line="47"/>
        <location filename="../ui/components/WrapUpForm.qml" line="54"/>
        <source>Disposition</source>
        <translation>Disposition</translation>
    </message>
    <message>
        <location filename="../ui/components/WrapUpForm.qml" line="53"/>
        <source>Choose…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location filename="../ui/components/WrapUpForm.qml" line="62"/>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../ui/components/WrapUpForm.qml" line="71"/>
        <source>Wrap-up notes</source>
        <translation>Wrap-up notes</translation>
    </message>
    <message>
        <location filename="../ui/components/WrapUpForm.qml" line="81"/>
        <source>Save and close</source>
        <translation>Save and close</translation>
    </message>
    <message>
        <location filename="../ui/components/WrapUpForm.qml" line="84"/>
        <source>Save the wrap-up and close the call</source>
        <translation>Save the wrap-up and close the call</translation>
    </message>
</context>
<context>
    <name>hookline::hid::HeadsetManager</name>
    <message>
        <location filename="../providers/hidheadset/device/HeadsetManager.cpp" line="92"/>
        <source>unplugged</source>
        <translation>unplugged</translation>
    </message>
    <message>
        <location filename="../providers/hidheadset/device/HeadsetManager.cpp" line="100"/>
        <source>permission granted</source>
        <translation>permission granted</translation>
    </message>
</context>
</TS>
