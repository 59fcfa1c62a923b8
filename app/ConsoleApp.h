#pragma once

#include <QtCore/qhash.h>
#include <QtCore/qobject.h>
#include <QtCore/qstring.h>
#include <QtCore/qvariant.h>

class AgentState;
class CallEngine;
class ConsoleAudio;
class ConsoleFloor;
class CallLog;
class EventLogModel;
class IncomingCallNotifier;
class LineProvider;
class PhoneBinding;
class PhoneDevice;
class ProviderRegistry;
class QFile;
class QQmlApplicationEngine;
class QQuickWindow;
class ConsoleSettings;
class QSettings;
class SipAccountLines;
class TraceWriter;

// The composition root: providers, engine, trace and (for the console) the QML engine, created and
// torn down in a fixed order (QML first, then providers, then the engine).
class ConsoleApp : public QObject
{
    Q_OBJECT

public:
    explicit ConsoleApp(QObject *parent = nullptr);
    ~ConsoleApp() override;

    // The console's settings: the user's file (QSettings' default) under the administrator's pins.
    ConsoleSettings *settings() const { return m_settings; }

    // Loads the simulated provider with the scenario. Returns false with *error on failure; *exitCode
    // is 2 for a bad scenario file.
    bool startSimulation(const QString &scenarioPath, QString *error, int *exitCode);
    // Refuses a trace that is the scenario file itself (exit 2 in main), before truncating anything.
    bool openTrace(const QString &path, const QString &scenarioPath, QString *error);
    // Headless: plays the scenario in virtual time and quits with its exit code.
    void playHeadless();
    // Console: shows the QML window (on the supervisor view when asked) and plays the scenario with
    // the wall clock. The call log opens in the user's data folder; if it cannot, the console runs on
    // and the history page says why.
    bool showConsole(bool supervisor, QString *error);
    QQmlApplicationEngine *qmlEngine() const { return m_qml; }
    // Loads the USB headset provider and binds the active headset (QSettings key
    // PhoneBinding::ActivePhoneSettingsKey) to the sessions. Without the plugin the console runs on.
    void startPhones();
    PhoneBinding *phoneBinding() const { return m_phoneBinding; }
    // The agent's audio devices, every call's audio (QML: CallAudioRouter, its `devices` property), the
    // ringtone and the dial-pad tones. Opens no device until a call is bridged or rings.
    void startAudio();
    // Loads the sound-card lines configured in the settings (array `soundLines`, one entry per line with
    // the keys of docs/provider-guide.md). A configuration the provider refuses is reported (log and
    // the engine's errorEvent) and the console runs on without those lines.
    // A bad soundLines/size (above the schema's bound or not a number) or entry value is refused naming the
    // key.
    void startSoundLines();
    // Loads the SIP accounts configured in the settings (array `sipAccounts`, docs/provider-guide.md
    // "SIP lines"), each a line, and keeps them in step with the settings while the console runs
    // (SipAccountLines); refused configuration is reported like the sound-card lines'.
    void startSipLines();
    ConsoleAudio *audio() const { return m_audio; }
    // Joins the floor configured in the settings (group `floor`, docs/architecture.md "The floor"): the
    // agent and its calls are published, supervisors' requests accepted. Unconfigured: the link is Off and
    // the console works alone. Never waits for the server. The supervisor's floor page watches the floor
    // once it is opened.
    void startFloor();
    ConsoleFloor *floor() const { return m_floor; }

private:
    // HOOKLINE_BENCH_FIRST_FRAME set: prints "hookline: first frame" once the window shows.
    void reportFirstFrame(QQuickWindow *window);

    ProviderRegistry *m_registry;
    CallEngine *m_engine;
    AgentState *m_agent;
    CallLog *m_callLog;
    EventLogModel *m_eventLog;
    IncomingCallNotifier *m_notifier = nullptr;
    LineProvider *m_provider = nullptr;
    QObject *m_providerObject = nullptr;
    QObject *m_soundLines = nullptr;
    QObject *m_sipLines = nullptr; // the scenario's SIP lines
    SipAccountLines *m_sipAccounts = nullptr; // the settings' SIP accounts
    // The scenario's lines other providers serve (its SIP accounts), by provider id.
    QHash<QString, QVariantMap> m_scenarioLines;
    QList<QObject *> m_scenarioProviders;
    // Headless: creates them through their plugins; false with *error when one cannot be.
    bool startScenarioLines(QString *error);
    PhoneDevice *m_phone = nullptr;
    PhoneBinding *m_phoneBinding = nullptr;
    QFile *m_traceFile = nullptr;
    TraceWriter *m_trace = nullptr;
    QQmlApplicationEngine *m_qml = nullptr;
    // The user's settings file and the typed settings over it and the administrator's file.
    QSettings *m_store;
    ConsoleSettings *m_settings;
    // Call audio, ringing on the ringer device and dial-pad tones on the playback device (console only).
    ConsoleAudio *m_audio = nullptr;
    ConsoleFloor *m_floor = nullptr;
};
