#pragma once

#include <QtCore/qelapsedtimer.h>
#include <QtCore/qobject.h>
#include <QtCore/qpointer.h>
#include <QtCore/qtemporarydir.h>
#include <QtCore/qtimer.h>
#include <QtCore/qvariant.h>
#include <QtQml/qqmlregistration.h>

#include <memory>

class AgentState;
class CallEngine;
class ConsoleAudio;
class ConsoleFloor;
class CallLog;
#include "session/CallSession.h"
class EventLogModel;
class FakePhone;
#include "devices/PhoneBinding.h"
class ConsoleSettings;
class QSettings;
class SimSwitch;
class QQmlEngine;
class QJSEngine;

// What a Quick Test drives besides the UI: the far ends of the simulated switch the engine runs on.
// Lines: sim/desk (can reject, 16 bytes UUI on drop), sim/norej (cannot reject), sim/x and sim/y (one
// bridged-shared address, x alerts). Far ends never answer on their own. Commands the UI issues
// complete on the next turn of the event loop (the switch's due events run on a 1 ms timer).
class SimDriver : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON

public:
    explicit SimDriver(QObject *parent);
    ~SimDriver() override;

    static SimDriver *instance();
    static SimDriver *create(QQmlEngine *, QJSEngine *);
    void attachTo(QQmlEngine *engine); // a fresh world for each test file

    // Returns the owner session the offer created on the named line, or null.
    Q_INVOKABLE CallSession *offer(const QString &lineId, const QString &farEndId, const QString &uui = {});
    // Adds a line with default capabilities and this address (a number or a SIP URI) to the world.
    Q_INVOKABLE bool addLine(const QString &lineId, const QString &address);
    // A supervisor's coaching request on `call` ("listen", "whisper", "barge" or "endCoaching"), granted by
    // the console's policy (settings coaching/most); with `farEndId`, that far end then calls as the
    // supervisor's leg. `supervisorName`: the name his console sends with the request ("byName"). Returns
    // the leg (or `call` for a mode change); null when refused.
    Q_INVOKABLE CallSession *coach(CallSession *call, const QString &supervisorId, const QString &mode,
                                   const QString &farEndId = {}, const QString &supervisorName = {});
    Q_INVOKABLE bool remoteAnswer(const QString &farEndId);
    Q_INVOKABLE bool remoteHangup(const QString &farEndId, const QString &disconnectMode,
                                  const QString &uui = {});
    Q_INVOKABLE QString farEndState(const QString &farEndId) const;
    Q_INVOKABLE QString farEndUui(const QString &farEndId) const;
    Q_INVOKABLE QString farEndNumber(const QString &farEndId) const;
    Q_INVOKABLE void settle();
    // The line goes out of service with `reason` (as a provider reports an unplugged card), or back.
    Q_INVOKABLE void setLineInService(const QString &lineId, bool inService, const QString &reason = {});
    // A monitored address (a MONITORED line, as the SIP provider announces one per `monitor` entry), out of
    // service with `reason` until setMonitoredStatus says it is watched; kept for the rest of the file.
    Q_INVOKABLE void addMonitoredAddress(const QString &lineId, const QString &user, const QString &reason);
    // What the provider reports for it: watched (in service) or not, with the reason, and busy or idle.
    Q_INVOKABLE void setMonitoredStatus(const QString &lineId, bool watched, bool busy,
                                        const QString &reason = {});
    // A call rings at it now (in use too), or no longer (answered: still in use), as dialog-info tells.
    Q_INVOKABLE void setMonitoredRinging(const QString &lineId, bool ringing);
    // Sessions on a line in creation order (bridged tests need the other station's appearance).
    Q_INVOKABLE QList<CallSession *> sessionsOn(const QString &lineId) const;
    // Terminates every session and puts the agent back to Ready, for the next test function.
    Q_INVOKABLE void reset();
    // Rows in the call log once everything the ended calls wrote is there.
    Q_INVOKABLE int historyCount() const;
    // The console's next start as the call log sees it, for the same history file: the log is closed with
    // the calls still going on (as a kill leaves them: live rows), the file is replaced by garbage when
    // `damaged`, and the log is opened again and re-attached. False when it did not open.
    Q_INVOKABLE bool restartCallLog(bool damaged);
    // The console's language code (UiLanguage): apply() as Settings and --lang do, start() as main.cpp does.
    Q_INVOKABLE bool setLanguage(const QString &language);
    Q_INVOKABLE void startLanguage(const QString &commandLineLanguage);
    // The URL of the QML file an object is declared in: the tests must use the compiled module (qrc:).
    Q_INVOKABLE QString sourceUrl(QObject *object) const;

    // Headsets: a PhoneBinding on the engine with a fake phone device (fresh after reset()).
    Q_INVOKABLE PhoneBinding *phoneBinding() const;
    Q_INVOKABLE void plugPhone(const QString &phoneId, const QString &name);
    Q_INVOKABLE void unplugPhone(const QString &phoneId, const QString &reason);
    Q_INVOKABLE void phoneUnusable(const QString &phoneId, const QString &name, const QString &reason);
    // button: PhoneEventSink::Button (0 hook switch, 1 mute, ...).
    Q_INVOKABLE void pressPhone(const QString &phoneId, int button, int value);
    Q_INVOKABLE bool phoneLamp(const QString &phoneId, int lamp) const;

    // Audio: the console's objects on this world's engine, with QtMultimedia and no sound server (no
    // devices). settingValue reads the QSettings store the router and the ringtone read.
    Q_INVOKABLE QVariant settingValue(const QString &key) const;
    // Writes to that store (a remembered device, as an earlier run would have left it); ConsoleSettings
    // re-reads it.
    Q_INVOKABLE void setSettingValue(const QString &key, const QVariant &value);
    Q_INVOKABLE QString recordingFolder() const;
    // The administrator's file: writes `values` (key → value) into a file of this world's and makes it
    // ConsoleSettings' administrator's file (an empty map: no file). The console reads
    // ConsoleSettings::systemAdminFile() instead.
    Q_INVOKABLE void setAdminSettings(const QVariantMap &values);

private:
    void build();
    void teardown();
    void buildPhones();
    void clearSettings();

    std::unique_ptr<SimSwitch> m_sim;
    std::unique_ptr<CallEngine> m_engine;
    std::unique_ptr<AgentState> m_agent;
    std::unique_ptr<CallLog> m_log;
    std::unique_ptr<EventLogModel> m_events;
    std::unique_ptr<FakePhone> m_phone;
    std::unique_ptr<PhoneBinding> m_phones;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<ConsoleSettings> m_consoleSettings;
    std::unique_ptr<ConsoleAudio> m_audio;
    std::unique_ptr<ConsoleFloor> m_floor; // never started: a console without a floor
    QTemporaryDir m_adminDir;
    QPointer<QQmlEngine> m_qml;
    QTimer m_pump;
    QElapsedTimer m_wall;
    qint64 m_lastPump = 0;
    QString m_dataDir;
    int m_world = 0;
};
