#include "Scenario.h"
#include "ScenarioReader.h"
#include "ScenarioSipLines.h"
#include "ScenarioStepReader.h"

#include "SimAgentAudio.h"
#include "SimFarEndAudio.h"
#include "audio/SoundFileDecoder.h"
#include "core/Tapi.h"

#include <QtCore/qdir.h>
#include <QtCore/qfile.h>
#include <QtCore/qfileinfo.h>
#include <QtCore/qjsonarray.h>
#include <QtCore/qjsondocument.h>
#include <QtCore/qmetaobject.h>

#include <algorithm>
#include <cmath>
#include <optional>

namespace {

using Reader = ScenarioReader;

bool readCaps(Reader &r, const QJsonValue &value, const QString &path, LineCapabilities *caps)
{
    if (value.isUndefined())
        return true;
    if (!value.isObject())
        return r.fail(path, QStringLiteral("expected an object for 'caps'"));
    const QJsonObject o = value.toObject();
    if (!r.checkKeys(
            o, path,
            {QStringLiteral("canReject"), QStringLiteral("uuiDropSize"), QStringLiteral("uuiAnswerSize"),
             QStringLiteral("uuiMakeCallSize"), QStringLiteral("uuiSendSize"),
             QStringLiteral("uuiCallInfoSize"), QStringLiteral("confDrop"),
             QStringLiteral("removeFromConfCaps"), QStringLiteral("removeFromConfState"),
             QStringLiteral("maxConference"), QStringLiteral("addressSharing"), QStringLiteral("answerMode"),
             QStringLiteral("autoReconnect"), QStringLiteral("closeDrop"), QStringLiteral("apiLegacy"),
             QStringLiteral("uuiZeroLimitCompat"), QStringLiteral("withoutFeatures")}))
        return false;
    auto b = [&](const char *key, bool *field) {
        auto v = r.boolean(o, path, QLatin1String(key), *field);
        if (v)
            *field = *v;
        return v.has_value();
    };
    auto i = [&](const char *key, int *field, int max) {
        auto v = r.integer(o, path, QLatin1String(key), *field, 0, max);
        if (v)
            *field = int(*v);
        return v.has_value();
    };
    // A field typed by its Tapi enum, read by name.
    auto c = [&]<typename Enum>(const char *key, Enum *field, const QList<QPair<QString, int>> &choices) {
        auto v = r.choice(o, path, QLatin1String(key), choices, int(*field));
        if (v)
            *field = Enum(*v);
        return v.has_value();
    };
    using namespace Tapi;
    if (!b("canReject", &caps->canReject) || !i("uuiDropSize", &caps->uuiDropSize, 65535)
        || !i("uuiAnswerSize", &caps->uuiAnswerSize, 65535)
        || !i("uuiMakeCallSize", &caps->uuiMakeCallSize, 65535)
        || !i("uuiSendSize", &caps->uuiSendSize, 65535)
        || !i("uuiCallInfoSize", &caps->uuiCallInfoSize, 65535) || !b("confDrop", &caps->confDrop)
        || !i("maxConference", &caps->maxConference, 100000) || !b("autoReconnect", &caps->autoReconnect)
        || !b("closeDrop", &caps->closeDrop) || !b("apiLegacy", &caps->apiLegacy)
        || !b("uuiZeroLimitCompat", &caps->uuiZeroLimitCompat))
        return false;
    if (!c("removeFromConfCaps", &caps->removeFromConfCaps,
           {{QStringLiteral("none"), RemoveNone},
            {QStringLiteral("last"), RemoveLast},
            {QStringLiteral("any"), RemoveAny}})
        || !c("removeFromConfState", &caps->removeFromConfState,
              {{QStringLiteral("IDLE"), Idle},
               {QStringLiteral("CONNECTED"), Connected},
               {QStringLiteral("ONHOLD"), OnHold}})
        || !c("addressSharing", &caps->addressSharing,
              {{QStringLiteral("private"), SharingPrivate},
               {QStringLiteral("bridgedExclusive"), SharingBridgedExclusive},
               {QStringLiteral("bridgedNew"), SharingBridgedNew},
               {QStringLiteral("bridgedShared"), SharingBridgedShared},
               {QStringLiteral("monitored"), SharingMonitored}})
        || !c("answerMode", &caps->answerMode,
              {{QStringLiteral("none"), AnswerNone},
               {QStringLiteral("drop"), AnswerDrop},
               {QStringLiteral("hold"), AnswerHold}}))
        return false;
    const QJsonValue without = o.value(QLatin1String("withoutFeatures"));
    if (!without.isUndefined()) {
        if (!without.isArray())
            return r.fail(path + QLatin1String("/withoutFeatures"),
                          QStringLiteral("expected an array of feature names"));
        const QJsonArray names = without.toArray();
        const QMetaEnum features = QMetaEnum::fromType<CallFeatures>();
        for (int n = 0; n < names.size(); ++n) {
            const QString name = names.at(n).toString();
            bool found = false;
            for (int k = 0; k < features.keyCount(); ++k) {
                if (QString::fromLatin1(features.key(k)).mid(7).toUpper() == name) {
                    caps->callFeatures &= ~CallFeatures::fromInt(features.value(k));
                    found = true;
                }
            }
            if (!found)
                return r.fail(
                    QStringLiteral("%1/withoutFeatures/%2").arg(path).arg(n),
                    QStringLiteral("unknown call feature '%1' (e.g. DROP, HOLD, SETUPCONF)").arg(name));
        }
    }
    return true;
}

bool readLine(Reader &r, const QJsonValue &value, const QString &path, SimSwitch::LineSetup *line)
{
    if (!value.isObject())
        return r.fail(path, QStringLiteral("expected a line object"));
    const QJsonObject o = value.toObject();
    if (!r.checkKeys(o, path,
                     {QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("address"),
                      QStringLiteral("caps"), QStringLiteral("handles"), QStringLiteral("externalOwners"),
                      QStringLiteral("bridgeGroup"), QStringLiteral("primary"), QStringLiteral("inService"),
                      QStringLiteral("outOfServiceReason"), QStringLiteral("provider")}))
        return false;
    auto id = r.string(o, path, QStringLiteral("id"), true);
    if (!id)
        return false;
    if (id->isEmpty())
        return r.fail(path + QLatin1String("/id"), QStringLiteral("expected a non-empty line id"));
    auto name = r.string(o, path, QStringLiteral("name"), false, *id);
    auto address = r.string(o, path, QStringLiteral("address"), false);
    auto owners = r.integer(o, path, QStringLiteral("externalOwners"), 0, 0, 1000);
    auto group = r.string(o, path, QStringLiteral("bridgeGroup"), false);
    auto primary = r.boolean(o, path, QStringLiteral("primary"), true);
    auto inService = r.boolean(o, path, QStringLiteral("inService"), true);
    auto reason = r.string(o, path, QStringLiteral("outOfServiceReason"), false);
    if (!name || !address || !owners || !group || !primary || !inService || !reason)
        return false;
    line->descriptor.id = QStringLiteral("sim/") + *id;
    line->descriptor.name = *name;
    line->descriptor.address = *address;
    line->descriptor.externalOwners = int(*owners);
    line->descriptor.inService = *inService;
    line->descriptor.outOfServiceReason = *reason;
    line->bridgeGroup = *group;
    line->primary = *primary;
    if (!readCaps(r, o.value(QLatin1String("caps")), path + QLatin1String("/caps"), &line->descriptor.caps))
        return false;
    const QJsonValue handles = o.value(QLatin1String("handles"));
    if (!handles.isUndefined()) {
        if (!handles.isArray() || handles.toArray().isEmpty())
            return r.fail(path + QLatin1String("/handles"),
                          QStringLiteral("expected a non-empty array of \"owner\"/\"monitor\""));
        line->descriptor.handlePrivileges.clear();
        const QJsonArray list = handles.toArray();
        for (int n = 0; n < list.size(); ++n) {
            const QString p = list.at(n).toString();
            if (p == QLatin1String("owner"))
                line->descriptor.handlePrivileges << Tapi::PrivilegeOwner;
            else if (p == QLatin1String("monitor"))
                line->descriptor.handlePrivileges << Tapi::PrivilegeMonitor;
            else
                return r.fail(QStringLiteral("%1/handles/%2").arg(path).arg(n),
                              QStringLiteral("expected \"owner\" or \"monitor\""));
        }
    }
    return true;
}

bool readFarEnd(Reader &r, const QJsonValue &value, const QString &path, SimFarEnd *farEnd)
{
    if (!value.isObject())
        return r.fail(path, QStringLiteral("expected a far-end object"));
    const QJsonObject o = value.toObject();
    if (!r.checkKeys(o, path,
                     {QStringLiteral("id"), QStringLiteral("number"), QStringLiteral("name"),
                      QStringLiteral("answerAfterMs"), QStringLiteral("busy"), QStringLiteral("play"),
                      QStringLiteral("loop"), QStringLiteral("record"), QStringLiteral("earlyMedia")}))
        return false;
    auto id = r.string(o, path, QStringLiteral("id"), true);
    if (!id)
        return false;
    if (*id == QLatin1String(ScenarioAgent::PartyName))
        return r.fail(path + QLatin1String("/id"),
                      QStringLiteral("'agent' names the agent's side in 'heard'; choose another far-end id"));
    auto number = r.string(o, path, QStringLiteral("number"), false, *id);
    auto name = r.string(o, path, QStringLiteral("name"), false);
    auto answer = r.integer(o, path, QStringLiteral("answerAfterMs"), 2000, -1, 86400000);
    auto busy = r.boolean(o, path, QStringLiteral("busy"), false);
    auto play = r.string(o, path, QStringLiteral("play"), false);
    auto loop = r.boolean(o, path, QStringLiteral("loop"), false);
    auto record = r.string(o, path, QStringLiteral("record"), false);
    auto earlyMedia = r.string(o, path, QStringLiteral("earlyMedia"), false);
    if (!number || !name || !answer || !busy || !play || !loop || !record || !earlyMedia)
        return false;
    if (o.contains(QLatin1String("earlyMedia")) && earlyMedia->isEmpty())
        return r.fail(path + QLatin1String("/earlyMedia"),
                      QStringLiteral("expected the name of a sound file for 'earlyMedia'"));
    if (o.contains(QLatin1String("play")) && play->isEmpty())
        return r.fail(path + QLatin1String("/play"),
                      QStringLiteral("expected the name of a sound file for 'play'"));
    if (o.contains(QLatin1String("record")) && record->isEmpty())
        return r.fail(path + QLatin1String("/record"),
                      QStringLiteral("expected the name of a WAV file for 'record'"));
    farEnd->playFile = *play;
    farEnd->playLoop = *loop;
    farEnd->recordFile = *record;
    farEnd->playWhere = r.where(path + QLatin1String("/play"));
    farEnd->recordWhere = r.where(path + QLatin1String("/record"));
    farEnd->earlyMediaFile = *earlyMedia;
    farEnd->earlyMediaWhere = r.where(path + QLatin1String("/earlyMedia"));
    farEnd->id = *id;
    farEnd->number = *number;
    farEnd->name = *name;
    farEnd->answerAfterMs = *answer;
    farEnd->busy = *busy;
    return true;
}

// {"play", "loop", "musicOnHold"}: the agent's side in a headless run.
bool readAgent(Reader &r, const QJsonValue &value, ScenarioAgent *agent)
{
    const QString path = QStringLiteral("/agent");
    if (!value.isObject())
        return r.fail(path, QStringLiteral("expected an object {play, loop, musicOnHold}"));
    const QJsonObject o = value.toObject();
    if (!r.checkKeys(o, path,
                     {QStringLiteral("play"), QStringLiteral("loop"), QStringLiteral("musicOnHold")}))
        return false;
    auto play = r.string(o, path, QStringLiteral("play"), false);
    auto loop = r.boolean(o, path, QStringLiteral("loop"), false);
    auto music = r.string(o, path, QStringLiteral("musicOnHold"), false);
    if (!play || !loop || !music)
        return false;
    for (const auto &[key, text] : {std::pair {"play", *play}, std::pair {"musicOnHold", *music}}) {
        if (o.contains(QLatin1String(key)) && text.isEmpty())
            return r.fail(
                path + QLatin1Char('/') + QLatin1String(key),
                QStringLiteral("expected the name of a sound file for '%1'").arg(QLatin1String(key)));
    }
    agent->playFile = *play;
    agent->playLoop = *loop;
    agent->musicOnHoldFile = *music;
    agent->playWhere = r.where(path + QLatin1String("/play"));
    agent->musicOnHoldWhere = r.where(path + QLatin1String("/musicOnHold"));
    return true;
}

} // namespace

QStringList ScenarioLoader::agentActions()
{
    return {QStringLiteral("answer"),
            QStringLiteral("reject"),
            QStringLiteral("drop"),
            QStringLiteral("terminate"),
            QStringLiteral("hold"),
            QStringLiteral("unhold"),
            QStringLiteral("dial"),
            QStringLiteral("makeCall"),
            QStringLiteral("setupConference"),
            QStringLiteral("prepareAddToConference"),
            QStringLiteral("addToConference"),
            QStringLiteral("removeFromConference"),
            QStringLiteral("setupTransfer"),
            QStringLiteral("completeTransfer"),
            QStringLiteral("blindTransfer"),
            QStringLiteral("sendUserUserInfo"),
            QStringLiteral("releaseUserUserInfo"),
            QStringLiteral("openHandle"),
            QStringLiteral("disconnect"),
            QStringLiteral("mute"),
            QStringLiteral("unmute")};
}

QStringList ScenarioLoader::remoteEvents()
{
    return {QStringLiteral("answer"), QStringLiteral("hangup"), QStringLiteral("uui"),
            QStringLiteral("digits"), QStringLiteral("state")};
}

bool ScenarioLoader::loadFile(const QString &path, Scenario *scenario, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("%1: cannot read the scenario: %2").arg(path, file.errorString());
        return false;
    }
    return loadData(file.readAll(), path, scenario, error)
        && loadMedia(scenario, QFileInfo(path).absolutePath(), error);
}

bool ScenarioLoader::loadMedia(Scenario *scenario, const QString &baseDir, QString *error)
{
    const QDir base(baseDir);
    // Decodes `file` (relative to the scenario) at `rate`; an error names the key's position.
    auto decode = [&](const QString &file, const QString &where, int rate,
                      std::shared_ptr<const std::vector<int16_t>> *out) {
        auto samples = std::make_shared<std::vector<int16_t>>();
        QString problem;
        if (!SoundFileDecoder::decodeFile(base.filePath(file), rate, samples.get(), &problem)) {
            *error = QStringLiteral("%1: %2").arg(where, problem);
            return false;
        }
        *out = std::move(samples);
        return true;
    };
    for (SimFarEnd &farEnd : scenario->farEnds) {
        if (!farEnd.playFile.isEmpty()
            && !decode(farEnd.playFile, farEnd.playWhere, SimFarEndAudio::SampleRate, &farEnd.playSamples))
            return false;
        if (!farEnd.earlyMediaFile.isEmpty()
            && !decode(farEnd.earlyMediaFile, farEnd.earlyMediaWhere, SimFarEndAudio::SampleRate,
                       &farEnd.earlyMediaSamples))
            return false;
        if (!farEnd.recordFile.isEmpty()) {
            const QFileInfo target(base.filePath(farEnd.recordFile));
            if (!target.absoluteDir().exists()) {
                *error = QStringLiteral("%1: cannot record to %2: no such folder")
                             .arg(farEnd.recordWhere, target.filePath());
                return false;
            }
            // Refused as the console's recorder refuses it: an existing file is never overwritten.
            if (target.exists() || target.isSymLink()) {
                *error = QStringLiteral("%1: cannot record to %2: the file exists (recordings never "
                                        "overwrite a file; remove it or choose another name)")
                             .arg(farEnd.recordWhere, target.absoluteFilePath());
                return false;
            }
            farEnd.recordPath = target.absoluteFilePath();
        }
    }
    // A SIP line's TLS files, as its media: relative to the scenario's folder (the provider reads them).
    for (ScenarioSipLine &line : scenario->sipLines) {
        for (const QString key : {QStringLiteral("tlsCaFile"), QStringLiteral("tlsCertificateFile")}) {
            if (const QString file = line.account.value(key).toString(); !file.isEmpty())
                line.account.insert(key, QFileInfo(base.filePath(file)).absoluteFilePath());
        }
    }
    ScenarioAgent &agent = scenario->agent;
    if (!agent.playFile.isEmpty()
        && !decode(agent.playFile, agent.playWhere, SimAgentAudio::SampleRate, &agent.playSamples))
        return false;
    if (!agent.musicOnHoldFile.isEmpty()) {
        // The router decodes it at each line's rate; a file it could not read is refused here already.
        std::shared_ptr<const std::vector<int16_t>> check;
        if (!decode(agent.musicOnHoldFile, agent.musicOnHoldWhere, SimFarEndAudio::SampleRate, &check))
            return false;
        agent.musicOnHoldPath = QFileInfo(base.filePath(agent.musicOnHoldFile)).absoluteFilePath();
    }
    return true;
}

bool ScenarioLoader::loadData(const QByteArray &json, const QString &fileName, Scenario *scenario,
                              QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        const auto p = JsonPositionIndex::positionOfOffset(json, parseError.offset);
        *error = QStringLiteral("%1:%2:%3: malformed JSON: %4")
                     .arg(fileName)
                     .arg(p.line)
                     .arg(p.column)
                     .arg(parseError.errorString());
        return false;
    }
    // QJsonDocument takes up to 1024 levels; the position index and the reader need far fewer.
    const qsizetype tooDeep = JsonPositionIndex::firstTooDeep(json, MaxNesting);
    if (tooDeep >= 0) {
        const auto p = JsonPositionIndex::positionOfOffset(json, tooDeep);
        *error = QStringLiteral("%1:%2:%3: arrays and objects nested more than %4 levels deep")
                     .arg(fileName)
                     .arg(p.line)
                     .arg(p.column)
                     .arg(MaxNesting);
        return false;
    }
    Reader r(json, fileName);
    if (!document.isObject()) {
        r.fail(QString(), QStringLiteral("expected a JSON object at the top level"));
        *error = r.error();
        return false;
    }
    const QJsonObject root = document.object();
    Scenario result;
    bool ok = r.checkKeys(root, QString(),
                          {QStringLiteral("name"), QStringLiteral("description"),
                           QStringLiteral("commandLatencyMs"), QStringLiteral("lines"),
                           QStringLiteral("farEnds"), QStringLiteral("agent"), QStringLiteral("steps")});
    auto name = ok ? r.string(root, QString(), QStringLiteral("name"), true) : std::nullopt;
    auto description = name ? r.string(root, QString(), QStringLiteral("description"), false) : std::nullopt;
    auto latency = description ? r.integer(root, QString(), QStringLiteral("commandLatencyMs"), 0, 0, 60000)
                               : std::nullopt;
    ok = latency.has_value();
    if (ok) {
        result.name = *name;
        result.description = *description;
        result.commandLatencyMs = *latency;
    }
    auto array = [&](const char *key, bool required) -> std::optional<QJsonArray> {
        const QJsonValue v = root.value(QLatin1String(key));
        if (v.isUndefined() && !required)
            return QJsonArray();
        if (!v.isArray()) {
            r.fail(v.isUndefined() ? QString() : QLatin1Char('/') + QLatin1String(key),
                   QStringLiteral("expected an array '%1'").arg(QLatin1String(key)));
            return std::nullopt;
        }
        return v.toArray();
    };
    std::optional<QJsonArray> lines = ok ? array("lines", true) : std::nullopt;
    if (lines && lines->isEmpty()) {
        r.fail(QStringLiteral("/lines"), QStringLiteral("expected at least one line"));
        lines.reset();
    }
    QStringList lineIds;
    for (int i = 0; lines && i < lines->size(); ++i) {
        const QString path = QStringLiteral("/lines/%1").arg(i);
        const QJsonObject object = lines->at(i).toObject();
        const bool sip = lines->at(i).isObject() && object.contains(QLatin1String("provider"));
        if (sip) {
            auto provider = r.string(object, path, QStringLiteral("provider"), true);
            if (!provider || (*provider != QLatin1String("sim") && *provider != QLatin1String("sip"))) {
                if (provider)
                    r.fail(path + QLatin1String("/provider"), QStringLiteral("expected \"sim\" or \"sip\""));
                lines.reset();
                break;
            }
        }
        QString id;
        if (sip && object.value(QLatin1String("provider")).toString() == QLatin1String("sip")) {
            ScenarioSipLine line;
            if (!ScenarioSipLines::read(r, object, path, &line)) {
                lines.reset();
                break;
            }
            result.sipLines.append(line);
            id = line.id;
        } else {
            SimSwitch::LineSetup line;
            if (!readLine(r, lines->at(i), path, &line)) {
                lines.reset();
                break;
            }
            result.lines.append(line);
            id = line.descriptor.id.mid(4);
        }
        if (lineIds.contains(id)) {
            r.fail(path + QLatin1String("/id"), QStringLiteral("duplicate line id"));
            lines.reset();
            break;
        }
        lineIds << id;
    }
    std::optional<QJsonArray> farEnds = lines ? array("farEnds", false) : std::nullopt;
    for (int i = 0; farEnds && i < farEnds->size(); ++i) {
        SimFarEnd farEnd;
        if (!readFarEnd(r, farEnds->at(i), QStringLiteral("/farEnds/%1").arg(i), &farEnd)) {
            farEnds.reset();
            break;
        }
        result.farEnds.append(farEnd);
    }
    if (farEnds && root.contains(QLatin1String("agent"))
        && !readAgent(r, root.value(QLatin1String("agent")), &result.agent))
        farEnds.reset();
    std::optional<QJsonArray> steps = farEnds ? array("steps", false) : std::nullopt;
    for (int i = 0; steps && i < steps->size(); ++i) {
        ScenarioStep step;
        if (!readScenarioStep(r, steps->at(i), QStringLiteral("/steps/%1").arg(i), &step)) {
            steps.reset();
            break;
        }
        if (!ScenarioSipLines::checkStep(r, result, step, QStringLiteral("/steps/%1").arg(i))) {
            steps.reset();
            break;
        }
        result.steps.append(step);
    }
    if (!steps || !ScenarioSipLines::checkRemoteStates(r, result)) {
        *error = r.error();
        return false;
    }
    std::stable_sort(result.steps.begin(), result.steps.end(),
                     [](const ScenarioStep &a, const ScenarioStep &b) { return a.at < b.at; });
    *scenario = std::move(result);
    return true;
}

bool Scenario::isSipLine(const QString &id) const
{
    return std::any_of(sipLines.begin(), sipLines.end(),
                       [&](const ScenarioSipLine &line) { return line.id == id; });
}

QString Scenario::engineLineId(const QString &id) const
{
    return (isSipLine(id) ? QStringLiteral("sip/") : QStringLiteral("sim/")) + id;
}
