#include "ScenarioSipLines.h"

#include <QtCore/qhash.h>
#include <QtCore/qjsonarray.h>

#ifdef HOOKLINE_SCENARIO_SIP
#include "SipAccountConfig.h"
#endif

namespace {

const QStringList TextKeys = {
    QStringLiteral("registrar"), QStringLiteral("proxy"),     QStringLiteral("user"),
    QStringLiteral("authUser"),  QStringLiteral("password"),  QStringLiteral("displayName"),
    QStringLiteral("transport"), QStringLiteral("tlsCaFile"), QStringLiteral("tlsCertificateFile")};

struct IntegerKey
{
    const char *key;
    qint64 min;
    qint64 max;
};
// The ranges the SIP provider takes (SipAccountConfig); rejectStatus is checked there (486 or 603).
constexpr IntegerKey IntegerKeys[] = {
    {"expires", 60, 86400}, {"rejectStatus", 400, 699}, {"localPort", 0, 65535}, {"rtpTimeout", 0, 3600}};

} // namespace

bool ScenarioSipLines::available()
{
#ifdef HOOKLINE_SCENARIO_SIP
    return true;
#else
    return false;
#endif
}

bool ScenarioSipLines::read(ScenarioReader &r, const QJsonObject &o, const QString &path,
                            ScenarioSipLine *line)
{
    QStringList allowed = {QStringLiteral("id"), QStringLiteral("provider"), QStringLiteral("codecs"),
                           QStringLiteral("registerTimeoutMs")};
    allowed << QStringLiteral("monitor") << QStringLiteral("sharedLine"); // dialog-info
    allowed += TextKeys;
    for (const IntegerKey &k : IntegerKeys)
        allowed << QLatin1String(k.key);
    if (!r.checkKeys(o, path, allowed))
        return false;
    if (!available())
        return r.fail(path + QLatin1String("/provider"),
                      QStringLiteral("this build has no SIP lines (the SIP provider needs libre-dev, "
                                     "librem-dev, libopus-dev and libspandsp-dev)"));
    auto id = r.string(o, path, QStringLiteral("id"), true);
    if (!id)
        return false;
    if (id->isEmpty())
        return r.fail(path + QLatin1String("/id"), QStringLiteral("expected a non-empty line id"));
    QVariantMap account;
    account.insert(QStringLiteral("id"), *id);
    for (const QString &key : TextKeys) {
        const bool required = key == QLatin1String("registrar") || key == QLatin1String("user");
        auto text = r.string(o, path, key, required);
        if (!text)
            return false;
        if (o.contains(key))
            account.insert(key, *text);
    }
    for (const IntegerKey &k : IntegerKeys) {
        const QString key = QLatin1String(k.key);
        auto value = r.integer(o, path, key, 0, k.min, k.max);
        if (!value)
            return false;
        if (o.contains(key))
            account.insert(key, QString::number(*value));
    }
    auto timeout = r.integer(o, path, QStringLiteral("registerTimeoutMs"),
                             ScenarioSipLine::DefaultRegisterTimeoutMs, 100, 600000);
    if (!timeout)
        return false;
    const QJsonValue codecs = o.value(QLatin1String("codecs"));
    if (!codecs.isUndefined()) {
        // A list of names (or one comma-separated string, as in the settings file).
        QStringList names;
        if (codecs.isString()) {
            names << codecs.toString();
        } else if (codecs.isArray() && !codecs.toArray().isEmpty()) {
            const QJsonArray list = codecs.toArray();
            for (int n = 0; n < list.size(); ++n) {
                if (!list.at(n).isString())
                    return r.fail(QStringLiteral("%1/codecs/%2").arg(path).arg(n),
                                  QStringLiteral("expected a codec name (PCMU, PCMA, G722, opus)"));
                names << list.at(n).toString();
            }
        } else {
            return r.fail(
                path + QLatin1String("/codecs"),
                QStringLiteral("expected a non-empty array of codec names (PCMU, PCMA, G722, opus)"));
        }
        account.insert(QStringLiteral("codecs"), names.join(QLatin1String(", ")));
    }
    // Dialog-info: the addresses to monitor (an array of users or sip: URIs, or one comma-separated string)
    // and whether the account's address is a shared line.
    const QJsonValue monitor = o.value(QLatin1String("monitor"));
    if (!monitor.isUndefined()) {
        QStringList addresses;
        if (monitor.isString()) {
            addresses << monitor.toString();
        } else if (monitor.isArray()) {
            const QJsonArray list = monitor.toArray();
            for (int n = 0; n < list.size(); ++n) {
                if (!list.at(n).isString())
                    return r.fail(QStringLiteral("%1/monitor/%2").arg(path).arg(n),
                                  QStringLiteral("expected a SIP user name or sip: URI"));
                addresses << list.at(n).toString();
            }
        } else {
            return r.fail(path + QLatin1String("/monitor"),
                          QStringLiteral("expected an array of SIP user names or sip: URIs"));
        }
        account.insert(QStringLiteral("monitor"), addresses.join(QLatin1String(", ")));
    }
    auto shared = r.boolean(o, path, QStringLiteral("sharedLine"), false);
    if (!shared)
        return false;
    if (o.contains(QLatin1String("sharedLine")))
        account.insert(QStringLiteral("sharedLine"),
                       *shared ? QStringLiteral("true") : QStringLiteral("false"));
#ifdef HOOKLINE_SCENARIO_SIP
    // The provider's own rules (host:port, user names, transports, codecs); its message starts with the key.
    SipAccountConfig config;
    QString problem;
    if (!SipAccountConfig::fromVariantMap(account, &config, &problem)) {
        const QString key = problem.section(QLatin1Char(':'), 0, 0);
        const QString message = problem.section(QLatin1Char(':'), 1).trimmed();
        return r.fail(o.contains(key) ? path + QLatin1Char('/') + key : path,
                      o.contains(key) ? message : problem);
    }
#endif
    line->id = *id;
    line->account = account;
    line->registerTimeoutMs = *timeout;
    line->where = r.where(path);
    return true;
}

bool ScenarioSipLines::checkStep(ScenarioReader &r, const Scenario &scenario, const ScenarioStep &step,
                                 const QString &path)
{
    auto refuse = [&](const QString &key, const QString &lineId, const QString &what) {
        return r.fail(path + key, QStringLiteral("'%1' is a SIP line: %2").arg(lineId, what));
    };
    switch (step.kind) {
    case ScenarioStep::Offer: {
        const QString id = step.args.value(QLatin1String("line")).toString();
        if (scenario.isSipLine(id))
            return refuse(QStringLiteral("/offer/line"), id,
                          QStringLiteral("its calls come from real SIP phones, not from the scenario's "
                                         "far ends (name the call with an \"incoming\" step)"));
        return true;
    }
    case ScenarioStep::LineService:
    case ScenarioStep::CloseLine: {
        const char *key = step.kind == ScenarioStep::LineService ? "line" : "closeLine";
        const QString id = step.args.value(QLatin1String(key)).toString();
        if (scenario.isSipLine(id))
            return refuse(QLatin1Char('/') + QLatin1String(key), id,
                          QStringLiteral("its service follows its registration, the scenario cannot set it"));
        return true;
    }
    case ScenarioStep::Incoming: {
        const QString id = step.args.value(QLatin1String("line")).toString();
        if (!scenario.isSipLine(id))
            return r.fail(path + QLatin1String("/incoming/line"),
                          QStringLiteral("expected a SIP line for 'incoming' (a simulated line's calls "
                                         "are named by 'offer')"));
        return true;
    }
    default:
        return true;
    }
}

bool ScenarioSipLines::checkRemoteStates(ScenarioReader &r, const Scenario &scenario)
{
    if (scenario.sipLines.isEmpty())
        return true;
    // label -> the SIP line its session is on; labels bound from other labels until nothing changes
    // (a step may come before, in the file, the one that binds the label it starts from).
    QHash<QString, QString> sipLineOf;
    auto bind = [&](const QJsonObject &args, const char *key, const QString &line) {
        const QString label = args.value(QLatin1String(key)).toString();
        if (label.isEmpty() || sipLineOf.contains(label))
            return false;
        sipLineOf.insert(label, line);
        return true;
    };
    for (bool changed = true; changed;) {
        changed = false;
        for (const ScenarioStep &step : scenario.steps) {
            const QJsonObject &a = step.args;
            if (step.kind == ScenarioStep::Incoming
                || (step.kind == ScenarioStep::Agent && step.verb == QLatin1String("makeCall"))) {
                const QString line = a.value(QLatin1String("line")).toString();
                if (scenario.isSipLine(line))
                    changed |= bind(a, "as", line);
            } else if (step.kind == ScenarioStep::Agent) {
                const QString line = sipLineOf.value(a.value(QLatin1String("session")).toString());
                if (!line.isEmpty()) {
                    changed |= bind(a, "as", line);
                    changed |= bind(a, "consultAs", line);
                }
            }
        }
    }
    for (qsizetype i = 0; i < scenario.steps.size(); ++i) {
        const ScenarioStep &step = scenario.steps.at(i);
        if (step.kind != ScenarioStep::Remote || step.verb != QLatin1String("state"))
            continue;
        const QString label = step.args.value(QLatin1String("session")).toString();
        if (const QString line = sipLineOf.value(label); !line.isEmpty())
            return r.fail(QStringLiteral("/steps/%1/session").arg(i),
                          QStringLiteral("'%1' is a call on SIP line '%2': its far end is a real SIP phone, "
                                         "whose states the network reports; the scenario cannot set them")
                              .arg(label, line));
    }
    return true;
}
