// Reads the scenario's steps (what happens when, and what is expected then) and names where one is wrong.
#include "ScenarioStepReader.h"

#include "Scenario.h"
#include "SimFarEndAudio.h"
#include "core/Tapi.h"

#include <QtCore/qjsonarray.h>

namespace {

using Reader = ScenarioReader;

// {"party", "toneHz", "minDbfs", "maxDbfs", "silence", "lastMs"}: what a far end (or the agent) heard
// lately.
bool readHeard(Reader &r, const QJsonValue &value, const QString &path)
{
    if (!value.isObject())
        return r.fail(
            path, QStringLiteral("expected an object {party, toneHz, minDbfs, maxDbfs, silence, lastMs}"));
    const QJsonObject o = value.toObject();
    if (!r.checkKeys(o, path,
                     {QStringLiteral("party"), QStringLiteral("toneHz"), QStringLiteral("minDbfs"),
                      QStringLiteral("maxDbfs"), QStringLiteral("silence"), QStringLiteral("lastMs")}))
        return false;
    auto party = r.string(o, path, QStringLiteral("party"), true);
    if (!party)
        return false;
    // Below half the far end's 8 kHz rate (the agent's earpiece runs faster).
    if (!r.number(o, path, QStringLiteral("toneHz"), 1000, 1, 3999)
        || !r.number(o, path, QStringLiteral("minDbfs"), -120, -120, 0)
        || !r.number(o, path, QStringLiteral("maxDbfs"), 0, -120, 0)
        || !r.boolean(o, path, QStringLiteral("silence"), false)
        || !r.integer(o, path, QStringLiteral("lastMs"), 1000, SimFarEndAudio::BlockMs,
                      SimFarEndAudio::CaptureLimitMs))
        return false;
    const bool silence = o.value(QLatin1String("silence")).toBool();
    const bool tone = o.contains(QLatin1String("toneHz"));
    if (silence == tone)
        return r.fail(
            path,
            QStringLiteral("expected either \"silence\": true or a \"toneHz\" with minDbfs or maxDbfs"));
    if (tone && !o.contains(QLatin1String("minDbfs")) && !o.contains(QLatin1String("maxDbfs")))
        return r.fail(path + QLatin1String("/toneHz"),
                      QStringLiteral("expected minDbfs or maxDbfs with 'toneHz'"));
    return true;
}

// {"party", "complete", "minMs"}: how much of its sound a far end has played.
bool readPlayed(Reader &r, const QJsonValue &value, const QString &path)
{
    if (!value.isObject())
        return r.fail(path, QStringLiteral("expected an object {party, complete, minMs}"));
    const QJsonObject o = value.toObject();
    if (!r.checkKeys(o, path, {QStringLiteral("party"), QStringLiteral("complete"), QStringLiteral("minMs")}))
        return false;
    if (!r.string(o, path, QStringLiteral("party"), true)
        || !r.boolean(o, path, QStringLiteral("complete"), false)
        || !r.integer(o, path, QStringLiteral("minMs"), 0, 0, qint64(365) * 86400000))
        return false;
    if (!o.contains(QLatin1String("complete")) && !o.contains(QLatin1String("minMs")))
        return r.fail(path, QStringLiteral("expected 'complete' or 'minMs'"));
    return true;
}

// `remote: state` reports a state and mode for a session as a provider would: any mode the state can carry,
// and none for a state without a mode parameter.
bool checkStateReport(Reader &r, const QJsonObject &o, const QString &path)
{
    auto session = r.string(o, path, QStringLiteral("session"), true);
    auto stateText = r.string(o, path, QStringLiteral("state"), true);
    if (!session || !stateText)
        return false;
    bool ok = false;
    const int state = Tapi::stateFromName(*stateText, &ok);
    if (!ok)
        return r.fail(path + QLatin1String("/state"),
                      QStringLiteral("expected a TAPI call state such as CONNECTED or IDLE"));
    if (!o.contains(QLatin1String("mode")))
        return true;
    auto modeText = r.string(o, path, QStringLiteral("mode"), true);
    if (!modeText)
        return false;
    const QStringList modes = Tapi::modeNames(state);
    if (modes.isEmpty())
        return r.fail(path + QLatin1String("/mode"), QStringLiteral("%1 takes no mode").arg(*stateText));
    const int mode = Tapi::modeFromName(state, *modeText, &ok);
    if (!ok || mode == 0)
        return r.fail(path + QLatin1String("/mode"),
                      QStringLiteral("expected a %1 mode: %2")
                          .arg(Tapi::stateName(state), modes.join(QLatin1String(", "))));
    return true;
}
} // namespace

bool readScenarioStep(Reader &r, const QJsonValue &value, const QString &path, ScenarioStep *step)
{
    if (!value.isObject())
        return r.fail(path, QStringLiteral("expected a step object"));
    const QJsonObject o = value.toObject();
    auto at = r.integer(o, path, QStringLiteral("at"), 0, 0, qint64(365) * 86400000);
    if (!at)
        return false;
    step->at = *at;
    step->where = r.where(path);
    step->args = o;
    if (o.contains(QLatin1String("offer"))) {
        step->kind = ScenarioStep::Offer;
        if (!o.value(QLatin1String("offer")).isObject())
            return r.fail(path + QLatin1String("/offer"),
                          QStringLiteral("expected an object {line, from, as}"));
        const QJsonObject offer = o.value(QLatin1String("offer")).toObject();
        if (!r.checkKeys(offer, path + QLatin1String("/offer"),
                         {QStringLiteral("line"), QStringLiteral("from"), QStringLiteral("as"),
                          QStringLiteral("uui")}))
            return false;
        if (!r.string(offer, path + QLatin1String("/offer"), QStringLiteral("line"), true)
            || !r.string(offer, path + QLatin1String("/offer"), QStringLiteral("from"), true))
            return false;
        step->args = offer;
        return true;
    }
    if (o.contains(QLatin1String("agent"))) {
        step->kind = ScenarioStep::Agent;
        auto verb = r.string(o, path, QStringLiteral("agent"), true);
        if (!verb)
            return false;
        if (!ScenarioLoader::agentActions().contains(*verb))
            return r.fail(path + QLatin1String("/agent"),
                          QStringLiteral("unknown agent action '%1', expected one of: %2")
                              .arg(*verb, ScenarioLoader::agentActions().join(QLatin1String(", "))));
        step->verb = *verb;
        return r.checkKeys(o, path,
                           {QStringLiteral("at"), QStringLiteral("agent"), QStringLiteral("session"),
                            QStringLiteral("uui"), QStringLiteral("as"), QStringLiteral("consultAs"),
                            QStringLiteral("consult"), QStringLiteral("digits"), QStringLiteral("number"),
                            QStringLiteral("line"), QStringLiteral("privilege"), QStringLiteral("code"),
                            QStringLiteral("expectError")});
    }
    if (o.contains(QLatin1String("remote"))) {
        step->kind = ScenarioStep::Remote;
        auto verb = r.string(o, path, QStringLiteral("remote"), true);
        if (!verb)
            return false;
        if (!ScenarioLoader::remoteEvents().contains(*verb))
            return r.fail(path + QLatin1String("/remote"),
                          QStringLiteral("unknown remote event '%1', expected one of: %2")
                              .arg(*verb, ScenarioLoader::remoteEvents().join(QLatin1String(", "))));
        step->verb = *verb;
        if (!r.checkKeys(o, path,
                         {QStringLiteral("at"), QStringLiteral("remote"), QStringLiteral("farEnd"),
                          QStringLiteral("mode"), QStringLiteral("uui"), QStringLiteral("digits"),
                          QStringLiteral("session"), QStringLiteral("state")}))
            return false;
        if (*verb == QLatin1String("state"))
            return checkStateReport(r, o, path);
        if (o.contains(QLatin1String("mode"))) {
            bool ok = false;
            Tapi::disconnectModeFromName(o.value(QLatin1String("mode")).toString(), &ok);
            if (!ok)
                return r.fail(path + QLatin1String("/mode"),
                              QStringLiteral("expected a disconnect mode such as NORMAL, BUSY, REJECT"));
        }
        return true;
    }
    if (o.contains(QLatin1String("expect"))) {
        step->kind = ScenarioStep::Expect;
        if (!o.value(QLatin1String("expect")).isObject())
            return r.fail(path + QLatin1String("/expect"), QStringLiteral("expected an object"));
        const QJsonObject expect = o.value(QLatin1String("expect")).toObject();
        if (!r.checkKeys(expect, path + QLatin1String("/expect"),
                         {QStringLiteral("session"), QStringLiteral("farEnd"), QStringLiteral("state"),
                          QStringLiteral("mode"), QStringLiteral("uui"), QStringLiteral("sentUui"),
                          QStringLiteral("disconnectMode"), QStringLiteral("callState3"),
                          QStringLiteral("eventCause3"), QStringLiteral("terminated"),
                          QStringLiteral("members"), QStringLiteral("sessions"),
                          QStringLiteral("remoteNumber"), QStringLiteral("remoteName"),
                          QStringLiteral("heard"), QStringLiteral("played")}))
            return false;
        if (expect.contains(QLatin1String("heard"))
            && !readHeard(r, expect.value(QLatin1String("heard")), path + QLatin1String("/expect/heard")))
            return false;
        if (expect.contains(QLatin1String("played"))
            && !readPlayed(r, expect.value(QLatin1String("played")), path + QLatin1String("/expect/played")))
            return false;
        if (expect.contains(QLatin1String("state"))) {
            bool ok = false;
            Tapi::stateFromName(expect.value(QLatin1String("state")).toString(), &ok);
            if (!ok)
                return r.fail(path + QLatin1String("/expect/state"),
                              QStringLiteral("expected a TAPI call state such as CONNECTED or IDLE"));
        }
        step->args = expect;
        return true;
    }
    if (o.contains(QLatin1String("incoming"))) {
        step->kind = ScenarioStep::Incoming;
        const QString at = path + QLatin1String("/incoming");
        if (!o.value(QLatin1String("incoming")).isObject())
            return r.fail(at, QStringLiteral("expected an object {line, as, withinMs}"));
        const QJsonObject incoming = o.value(QLatin1String("incoming")).toObject();
        if (!r.checkKeys(o, path, {QStringLiteral("at"), QStringLiteral("incoming")})
            || !r.checkKeys(incoming, at,
                            {QStringLiteral("line"), QStringLiteral("as"), QStringLiteral("withinMs")})
            || !r.string(incoming, at, QStringLiteral("line"), true)
            || !r.string(incoming, at, QStringLiteral("as"), true)
            || !r.integer(incoming, at, QStringLiteral("withinMs"), 10000, 0, 3600000))
            return false;
        step->args = incoming;
        return true;
    }
    if (o.contains(QLatin1String("lineService"))) {
        step->kind = ScenarioStep::LineService;
        return r.checkKeys(o, path,
                           {QStringLiteral("at"), QStringLiteral("lineService"), QStringLiteral("line"),
                            QStringLiteral("reason")})
            && r.string(o, path, QStringLiteral("line"), true).has_value();
    }
    if (o.contains(QLatin1String("closeLine"))) {
        step->kind = ScenarioStep::CloseLine;
        return r.checkKeys(o, path, {QStringLiteral("at"), QStringLiteral("closeLine")});
    }
    return r.fail(
        path,
        QStringLiteral(
            "expected a step with one of: offer, agent, remote, expect, incoming, lineService, closeLine"));
}
