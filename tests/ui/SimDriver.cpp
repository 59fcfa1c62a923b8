#include "SimDriver.h"

#include "FakePhone.h"
#include "SimSwitch.h"
#include "UiLanguage.h"
#include "agent/AgentState.h"
#include "audio/CallAudioRouter.h"
#include "audio/ConsoleAudio.h"
#include "core/Tapi.h"
#include "devices/PhoneBinding.h"
#include "floor/ConsoleFloor.h"
#include "floor/FloorCoaching.h"
#include "lines/Line.h"
#include "log/CallLog.h"
#include "settings/ConsoleSettings.h"

#include "log/EventLogModel.h"
#include "session/CallEngine.h"
#include "session/CallSession.h"
#include "session/MuteState.h"
#include <QtCore/qfile.h>
#include <QtCore/qjsonobject.h>

#include <QtCore/qcoreapplication.h>
#include <QtCore/qdir.h>
#include <QtCore/qsettings.h>
#include <QtQml/qqmlcontext.h>
#include <QtQml/qqmlengine.h>

namespace {
SimDriver *s_instance = nullptr;

SimFarEnd party(const QString &id, const QString &number, const QString &name)
{
    SimFarEnd p;
    p.id = id;
    p.number = number;
    p.name = name;
    p.answerAfterMs = -1;
    return p;
}
} // namespace

SimDriver::SimDriver(QObject *parent)
    : QObject(parent)
{
    s_instance = this;
    m_pump.setInterval(1);
    // Virtual time follows the wall clock while tests wait (tryCompare), so far ends ring and
    // commands complete as in the console.
    connect(&m_pump, &QTimer::timeout, this, [this] {
        if (!m_sim)
            return;
        const qint64 now = m_wall.elapsed();
        m_sim->clock().advance(now - m_lastPump);
        m_lastPump = now;
    });
}

SimDriver::~SimDriver()
{
    teardown();
    s_instance = nullptr;
}

SimDriver *SimDriver::instance()
{
    return s_instance;
}

SimDriver *SimDriver::create(QQmlEngine *, QJSEngine *)
{
    QJSEngine::setObjectOwnership(s_instance, QJSEngine::CppOwnership);
    return s_instance;
}

void SimDriver::teardown()
{
    m_pump.stop();
    if (m_phones)
        m_phones->shutdown();
    m_phones.reset();
    m_phone.reset();
    // Recordings closed and devices released while the sessions still exist, as in ConsoleApp.
    m_audio.reset();
    m_floor.reset();
    m_consoleSettings.reset();
    m_settings.reset();
    if (m_engine)
        m_engine->detachProviders();
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    m_events.reset();
    m_log.reset();
    m_agent.reset();
    m_engine.reset();
    m_sim.reset();
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
}

void SimDriver::attachTo(QQmlEngine *engine)
{
    m_qml = engine;
    build();
}

void SimDriver::build()
{
    // Objects of the previous file's world may still be referenced by its QML until that engine is
    // gone; they are only replaced here, when the next engine starts.
    teardown();
    m_sim = std::make_unique<SimSwitch>();
    m_engine = std::make_unique<CallEngine>(nullptr);
    m_agent = std::make_unique<AgentState>(nullptr);
    m_log = std::make_unique<CallLog>(nullptr);
    m_events = std::make_unique<EventLogModel>(nullptr);
    m_engine->setClock(&m_sim->clock());
    m_agent->attach(m_engine.get());
    m_agent->setWrapUpSeconds(0);
    m_log->attach(m_engine.get());
    m_events->attach(m_engine.get());
    m_dataDir = QDir(QDir::tempPath())
                    .filePath(QStringLiteral("hookline-tst-ui-%1-%2")
                                  .arg(QCoreApplication::applicationPid())
                                  .arg(++m_world));
    QDir(m_dataDir).removeRecursively();
    m_log->open(QDir(m_dataDir).filePath(QStringLiteral("calls.sqlite")));

    for (const SimFarEnd &p :
         {party(QStringLiteral("alice"), QStringLiteral("2001"), QStringLiteral("Alice Archer")),
          party(QStringLiteral("bob"), QStringLiteral("2002"), QStringLiteral("Bob Baker")),
          party(QStringLiteral("carol"), QStringLiteral("2003"), QStringLiteral("Carol Cole")),
          party(QStringLiteral("dave"), QStringLiteral("2004"), QStringLiteral("Dave Dunn")),
          party(QStringLiteral("erin"), QStringLiteral("2005"), QStringLiteral("Erin Eve")),
          party(QStringLiteral("frank"), QStringLiteral("2006"), QStringLiteral("Frank Fox")),
          party(QStringLiteral("grace"), QStringLiteral("2007"), QStringLiteral("Grace Gray")),
          party(QStringLiteral("mallory"), QStringLiteral("2666"),
                QStringLiteral("<b>x</b><img src=http://127.0.0.1:9/x.png>")),
          // Direction overrides: shown neutralised and isolated (UntrustedText), never as "exe.live".
          party(QStringLiteral("trudy"), QStringLiteral("2667\u202E"),
                QStringLiteral("\u202Eevil.exe\u202C"))})
        m_sim->addFarEnd(p);
    m_engine->attachProvider(m_sim.get());
    auto addLine = [this](const QString &id, const QString &name, const LineCapabilities &caps,
                          const QString &group, bool primary) {
        SimSwitch::LineSetup setup;
        setup.descriptor.id = id;
        setup.descriptor.name = name;
        setup.descriptor.address = group.isEmpty() ? id : group;
        setup.descriptor.caps = caps;
        setup.bridgeGroup = group;
        setup.primary = primary;
        m_sim->addLine(setup);
    };
    LineCapabilities desk;
    addLine(QStringLiteral("sim/desk"), QStringLiteral("Desk"), desk, {}, true);
    LineCapabilities norej;
    norej.canReject = false;
    addLine(QStringLiteral("sim/norej"), QStringLiteral("No reject"), norej, {}, true);
    LineCapabilities bridged;
    bridged.addressSharing = Tapi::SharingBridgedShared;
    addLine(QStringLiteral("sim/x"), QStringLiteral("Station X"), bridged, QStringLiteral("300"), true);
    addLine(QStringLiteral("sim/y"), QStringLiteral("Station Y"), bridged, QStringLiteral("300"), false);

    // The store ConsoleSettings reads and writes (the test's XDG_CONFIG_HOME); each world starts with no
    // audio or recording settings, and recordings go to this world's temporary folder.
    m_settings = std::make_unique<QSettings>();
    m_settings->remove(SettingsSchema::spec(SettingsSchema::Language).name);
    clearSettings();
    m_consoleSettings = std::make_unique<ConsoleSettings>(m_settings.get(), QString(), nullptr);
    ConsoleSettings::setQmlInstance(m_consoleSettings.get());
    UiLanguage::instance()->useSettings(m_consoleSettings.get());
    m_audio = std::make_unique<ConsoleAudio>(m_engine.get(), m_agent.get(), m_consoleSettings.get());

    CallEngine::setQmlInstance(m_engine.get());
    AgentState::setQmlInstance(m_agent.get());
    CallLog::setQmlInstance(m_log.get());
    EventLogModel::setQmlInstance(m_events.get());
    m_audio->registerForQml();
    m_floor = std::make_unique<ConsoleFloor>(m_engine.get(), m_agent.get());
    m_floor->enableCoaching(m_consoleSettings.get(), m_audio->router());
    m_floor->registerForQml();
    m_agent->requestState(AgentState::Ready);
    buildPhones();
    m_wall.start();
    m_lastPump = 0;
    m_pump.start();
}

bool SimDriver::addLine(const QString &lineId, const QString &address)
{
    // A line of this world only (reset() builds the world again without it).
    SimSwitch::LineSetup setup;
    setup.descriptor.id = lineId;
    setup.descriptor.name = lineId;
    setup.descriptor.address = address;
    m_sim->addLine(setup);
    settle();
    return m_engine->line(lineId) != nullptr;
}

CallSession *SimDriver::coach(CallSession *call, const QString &supervisorId, const QString &mode,
                              const QString &farEndId, const QString &supervisorName)
{
    // As a supervisor's request reaches the console: the grant, then the supervisor's call carrying its
    // token on the coached call's line (answered and joined by the floor's FloorCoachingLegs).
    QJsonObject request {{QStringLiteral("action"), mode}, {QStringLiteral("sessionId"), call->sessionId()}};
    if (!supervisorName.isEmpty())
        request.insert(QStringLiteral("byName"), supervisorName);
    const QJsonObject reply = m_floor->coaching()->request(supervisorId, request);
    if (!reply.value(QStringLiteral("ok")).toBool()) {
        qWarning("SimDriver: coaching refused: %s",
                 qPrintable(reply.value(QStringLiteral("message")).toString()));
        return nullptr;
    }
    if (!farEndId.isEmpty()) // a mode change of a joined leg: no second call
        return offer(call->lineId(), farEndId, reply.value(QStringLiteral("userUserInfo")).toString());
    settle();
    return call;
}

CallSession *SimDriver::offer(const QString &lineId, const QString &farEndId, const QString &uui)
{
    QString error;
    const QList<CallId> calls = m_sim->offerCall(lineId, farEndId, uui.toUtf8(), &error);
    settle();
    for (CallId call : calls) {
        for (CallSession *s : m_engine->handlesOf(call)) {
            if (s->lineId() == lineId && s->privilege() == Tapi::PrivilegeOwner)
                return s;
        }
    }
    qWarning("SimDriver: offer on %s from %s failed: %s", qPrintable(lineId), qPrintable(farEndId),
             qPrintable(error));
    return nullptr;
}

bool SimDriver::remoteAnswer(const QString &farEndId)
{
    const bool ok = m_sim->remoteAnswer(farEndId);
    settle();
    return ok;
}

bool SimDriver::remoteHangup(const QString &farEndId, const QString &disconnectMode, const QString &uui)
{
    bool known = false;
    const int mode = Tapi::disconnectModeFromName(disconnectMode, &known);
    const bool ok = known && m_sim->remoteHangup(farEndId, mode, uui.toUtf8());
    settle();
    return ok;
}

QString SimDriver::farEndState(const QString &farEndId) const
{
    const SimFarEnd *p = m_sim->farEnd(farEndId);
    if (!p)
        return {};
    const QString mode = Tapi::modeName(p->state, p->mode);
    return Tapi::stateName(p->state) + (mode.isEmpty() ? QString() : QLatin1Char('/') + mode);
}

QString SimDriver::farEndUui(const QString &farEndId) const
{
    const SimFarEnd *p = m_sim->farEnd(farEndId);
    return p && !p->receivedUui.isEmpty() ? QString::fromUtf8(p->receivedUui.last()) : QString();
}

QString SimDriver::farEndNumber(const QString &farEndId) const
{
    const SimFarEnd *p = m_sim->farEnd(farEndId);
    return p ? p->number : QString();
}

void SimDriver::settle()
{
    for (int i = 0; i < 50; ++i) {
        QCoreApplication::processEvents();
        if (m_sim->clock().runDue() == 0 && m_engine->pendingRequestCount() == 0)
            break;
    }
}

QList<CallSession *> SimDriver::sessionsOn(const QString &lineId) const
{
    QList<CallSession *> result;
    for (CallSession *s : m_engine->sessionList()) {
        if (s->lineId() == lineId)
            result.append(s);
    }
    return result;
}

void SimDriver::setLineInService(const QString &lineId, bool inService, const QString &reason)
{
    m_sim->setLineInService(lineId, inService, reason);
}

void SimDriver::addMonitoredAddress(const QString &lineId, const QString &user, const QString &reason)
{
    LineDescriptor d;
    d.id = lineId;
    d.name = user;
    d.address = user;
    d.caps.addressSharing = Tapi::SharingMonitored;
    d.caps.canReject = false;
    d.inService = false;
    d.outOfServiceReason = reason;
    m_engine->lineAdded(m_sim.get(), d);
}

void SimDriver::setMonitoredStatus(const QString &lineId, bool watched, bool busy, const QString &reason)
{
    m_engine->lineStatusChanged(lineId, watched, reason);
    m_engine->addressStatusChanged(lineId, busy);
}

void SimDriver::setMonitoredRinging(const QString &lineId, bool ringing)
{
    m_engine->addressRingingChanged(lineId, ringing);
}

void SimDriver::reset()
{
    settle();
    for (Line *line : m_engine->lines()) {
        if (!line->inService())
            m_sim->setLineInService(line->lineId(), true, {});
    }
    for (CallSession *s : m_engine->sessionList())
        s->terminate();
    settle();
    // The call log writes in the background: each test starts once the calls of the test before are in it.
    m_log->waitForWrites();
    m_agent->finishWrapUp();
    m_agent->clearNextState();
    m_agent->requestState(AgentState::Ready);
    m_engine->mute()->setMuted(false, MuteState::User);
    clearSettings();
    buildPhones();
}

void SimDriver::clearSettings()
{
    // Every test starts from the defaults, without pins; the language is tst_language's to manage.
    for (SettingsSchema::Key key : SettingsSchema::keys()) {
        if (key != SettingsSchema::Language)
            m_settings->remove(SettingsSchema::spec(key).name);
    }
    for (int a = 0; a < SettingsSchema::ArrayCount; ++a)
        m_settings->remove(SettingsSchema::array(SettingsSchema::Array(a)).name);
    m_settings->setValue(SettingsSchema::spec(SettingsSchema::RecordingFolder).name, recordingFolder());
    if (m_consoleSettings) {
        m_consoleSettings->setAdminFile(QString());
        m_consoleSettings->reload();
    }
}

void SimDriver::buildPhones()
{
    if (m_phones)
        m_phones->shutdown();
    m_phones.reset();
    m_phone = std::make_unique<FakePhone>();
    m_phones = std::make_unique<PhoneBinding>(m_engine.get());
    m_phones->useSettings(m_consoleSettings.get());
    m_phones->attach(m_phone.get());
}

PhoneBinding *SimDriver::phoneBinding() const
{
    return m_phones.get();
}

void SimDriver::plugPhone(const QString &phoneId, const QString &name)
{
    m_phone->sink()->phoneAdded(phoneId, name);
}

void SimDriver::unplugPhone(const QString &phoneId, const QString &reason)
{
    m_phone->sink()->phoneRemoved(phoneId, reason);
}

void SimDriver::phoneUnusable(const QString &phoneId, const QString &name, const QString &reason)
{
    m_phone->sink()->phoneUnusable(phoneId, name, reason);
}

void SimDriver::pressPhone(const QString &phoneId, int button, int value)
{
    m_phone->sink()->phoneButton(phoneId, PhoneEventSink::Button(button), value);
    settle();
}

bool SimDriver::phoneLamp(const QString &phoneId, int lamp) const
{
    return m_phone->lamp(phoneId, PhoneDevice::Lamp(lamp));
}

int SimDriver::historyCount() const
{
    m_log->waitForWrites(); // what the calls ended so far wrote
    return m_log->recordCount();
}

bool SimDriver::restartCallLog(bool damaged)
{
    const QString path = m_log->path();
    m_log->attach(nullptr);
    m_log->close();
    if (damaged) {
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return false;
        file.write(QByteArray("not a database any more").repeated(64));
        file.close();
        QFile::remove(path + QStringLiteral("-wal"));
        QFile::remove(path + QStringLiteral("-shm"));
    }
    const bool opened = m_log->open(path);
    m_log->attach(m_engine.get());
    return opened;
}

bool SimDriver::setLanguage(const QString &language)
{
    // The console's own code path: the catalogues compiled in (:/i18n), through UiLanguage, which also
    // retranslates the test's engine.
    UiLanguage::instance()->attachEngine(m_qml);
    return UiLanguage::instance()->apply(language);
}

void SimDriver::startLanguage(const QString &commandLineLanguage)
{
    UiLanguage::instance()->attachEngine(m_qml);
    UiLanguage::instance()->start(commandLineLanguage);
}

QString SimDriver::sourceUrl(QObject *object) const
{
    const QQmlContext *context = object ? qmlContext(object) : nullptr;
    return context ? context->baseUrl().toString() : QString();
}

QVariant SimDriver::settingValue(const QString &key) const
{
    return m_settings->value(key);
}

void SimDriver::setSettingValue(const QString &key, const QVariant &value)
{
    m_settings->setValue(key, value);
    m_consoleSettings->reload();
}

void SimDriver::setAdminSettings(const QVariantMap &values)
{
    if (values.isEmpty()) {
        m_consoleSettings->setAdminFile(QString());
        return;
    }
    const QString path = m_adminDir.filePath(QStringLiteral("admin.conf"));
    QFile::remove(path);
    {
        QSettings admin(path, QSettings::IniFormat);
        for (auto it = values.cbegin(); it != values.cend(); ++it)
            admin.setValue(it.key(), it.value());
    }
    m_consoleSettings->setAdminFile(path);
}

QString SimDriver::recordingFolder() const
{
    return QDir(m_dataDir).filePath(QStringLiteral("recordings"));
}
