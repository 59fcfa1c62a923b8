// Dialog-info (RFC 4235) on SIP lines without a network: the parser of application/dialog-info+xml
// (what it takes and what it refuses), the version ordering of a subscription's NOTIFYs, and the SIP
// line provider with the stack's simulated twin: a monitored address's busy/idle status [D-13] and a
// shared line's appearances of calls at other stations [D-16][D-18].
#include "EventRecorder.h"
#include "SimSipStack.h"
#include "SipDialogInfo.h"
#include "SipDialogInfoTracker.h"
#include "SipLineProvider.h"
#include "core/Tapi.h"
#include "lines/Line.h"
#include "session/CallEngine.h"
#include "session/CallSession.h"

#include <QtTest/qsignalspy.h>
#include <QtTest/qtest.h>

#include <memory>

using namespace Tapi;

namespace {

using State = SipDialogInfo::DialogState;

QByteArray document(const QByteArray &attributes, const QByteArray &content)
{
    return "<?xml version=\"1.0\"?>\n<dialog-info xmlns=\"urn:ietf:params:xml:ns:dialog-info\" " + attributes
        + ">" + content + "</dialog-info>";
}

const QByteArray Root = "version=\"3\" state=\"full\" entity=\"sip:agent2@127.0.0.1\"";

// "v3 full a:confirmed b:early/r" -> a document with those dialogs (call-id = id); "/i" or "/r" after a
// state: the address is the dialog's initiator or recipient (no suffix: direction not given).
SipDialogInfo compact(const QString &text)
{
    SipDialogInfo info;
    const QStringList words = text.split(QLatin1Char(' '));
    info.version = words.at(0).mid(1).toUInt();
    info.full = words.at(1) == QLatin1String("full");
    info.entity = QStringLiteral("sip:agent2@127.0.0.1");
    for (qsizetype i = 2; i < words.size(); ++i) {
        SipDialogInfo::Dialog dialog;
        dialog.id = words.at(i).section(QLatin1Char(':'), 0, 0);
        dialog.callId = dialog.id;
        const QString stateAndDirection = words.at(i).section(QLatin1Char(':'), 1);
        const QString state = stateAndDirection.section(QLatin1Char('/'), 0, 0);
        const QString direction = stateAndDirection.section(QLatin1Char('/'), 1);
        if (direction == QLatin1String("i"))
            dialog.direction = SipDialogInfo::Direction::Initiator;
        else if (direction == QLatin1String("r"))
            dialog.direction = SipDialogInfo::Direction::Recipient;
        for (State s :
             {State::Trying, State::Proceeding, State::Early, State::Confirmed, State::Terminated}) {
            if (SipDialogInfo::stateName(s) == state)
                dialog.state = s;
        }
        info.dialogs.append(dialog);
    }
    return info;
}

} // namespace

class tst_SipDialogInfo : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data();
    void parse();
    void refusesOversizedInput();
    void formatRoundTrip();
    void userOf_data();
    void userOf();
    void tracker_data();
    void tracker();
    void activity_data();
    void activity();
    void accountKeys_data();
    void accountKeys();

    void cleanup();
    void monitoredLineFollowsDialogs();
    void monitoredLineRefusesBadDocuments();
    void versionGapSubscribesAgain();
    void monitoredLineFollowsSubscription();
    void sharedLineShowsCallsElsewhere();
    void offeredCallAnsweredElsewhere();
    void cancelForAnswerElsewhereComesFirst();
    void cancelWithoutSubscriptionDisconnects();
    void ownCallsAreNoAppearances();
    void appearanceDroppedHereStaysAway();

private:
    void startProvider(const QVariantMap &account);
    void notify(const QString &uri, const SipDialogInfo &info) { notify(uri, info.format()); }
    void notify(const QString &uri, const QByteArray &body)
    {
        Q_EMIT m_stack->dialogInfoReceived(0, uri, body);
    }
    static SipDialogInfo confirmedElsewhere(quint32 version, const QString &id, const QString &callId,
                                            State state = State::Confirmed);

    std::unique_ptr<CallEngine> m_engine;
    std::unique_ptr<EventRecorder> m_recorder;
    std::unique_ptr<SipLineProvider> m_provider;
    SimSipStack *m_stack = nullptr;
};

void tst_SipDialogInfo::parse_data()
{
    QTest::addColumn<QByteArray>("xml");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<int>("version");
    QTest::addColumn<bool>("full");
    QTest::addColumn<int>("dialogs");
    QTest::addColumn<QString>("state"); // of the first dialog
    QTest::addColumn<QString>("remote"); // its remote identity, display name after a '|'
    QTest::addColumn<int>("direction");

    const QByteArray confirmed =
        "<dialog id=\"d1\" call-id=\"c1@host\" local-tag=\"lt\" remote-tag=\"rt\" direction=\"recipient\">"
        "<state event=\"replaced\">confirmed</state><duration>274</duration>"
        "<local><identity>sip:agent2@127.0.0.1</identity><target uri=\"sip:agent2@10.0.0.2\"/></local>"
        "<remote><identity display=\"Bob Caller\">sip:5551234@127.0.0.1</identity></remote></dialog>";
    QTest::newRow("full, confirmed, every field")
        << document(Root, confirmed) << true << 3 << true << 1 << "confirmed"
        << "sip:5551234@127.0.0.1|Bob Caller" << int(SipDialogInfo::Direction::Recipient);
    QTest::newRow("partial, terminated") << document(
        "version=\"7\" state=\"partial\" entity=\"sip:a@h\"",
        "<dialog id=\"x\" direction=\"initiator\"><state code=\"486\">terminated</state></dialog>")
                                         << true << 7 << false << 1 << "terminated"
                                         << "|" << int(SipDialogInfo::Direction::Initiator);
    QTest::newRow("no dialogs: idle") << document(Root, "") << true << 3 << true << 0 << ""
                                      << "|" << 0;
    QTest::newRow("trying, proceeding, early") << document(
        Root,
        "<dialog id=\"1\"><state>trying</state></dialog><dialog id=\"2\"><state>proceeding</state>"
        "</dialog><dialog id=\"3\"><state> early </state></dialog>")
                                               << true << 3 << true << 3 << "trying"
                                               << "|" << 0;
    QTest::newRow("extensions of other namespaces skipped")
        << document(Root + " xmlns:sa=\"urn:x-shared\"",
                    "<sa:line-seize/><dialog id=\"d\"><sa:appearance><sa:n>2</sa:n></sa:appearance>"
                    "<state>early</state><remote><identity>sip:9100@h</identity><target uri=\"sip:x\">"
                    "<param pname=\"+sip.rendering\" pval=\"no\"/></target></remote></dialog>")
        << true << 3 << true << 1 << "early"
        << "sip:9100@h|" << 0;
    QTest::newRow("prefixed namespace")
        << QByteArray("<d:dialog-info xmlns:d=\"urn:ietf:params:xml:ns:dialog-info\" version=\"0\" "
                      "state=\"full\" entity=\"sip:a@h\"><d:dialog id=\"z\"><d:state>confirmed</d:state>"
                      "</d:dialog></d:dialog-info>")
        << true << 0 << true << 1 << "confirmed"
        << "|" << 0;
    QTest::newRow("largest version") << document("version=\"4294967295\" state=\"full\" entity=\"sip:a@h\"",
                                                 "")
                                     << true << int(4294967295u) << true << 0 << ""
                                     << "|" << 0;

    auto refused = [](const char *name, const QByteArray &xml) {
        QTest::newRow(name) << xml << false << 0 << false << 0 << ""
                            << "|" << 0;
    };
    refused("empty", QByteArray());
    refused("not XML", "dialog-info version=1");
    refused("truncated", document(Root, confirmed).left(200));
    refused("unclosed dialog", document(Root, "<dialog id=\"d\"><state>early</state>"));
    refused("other namespace",
            "<dialog-info xmlns=\"urn:x\" version=\"1\" state=\"full\" entity=\"sip:a@h\"/>");
    refused("no namespace", "<dialog-info version=\"1\" state=\"full\" entity=\"sip:a@h\"/>");
    refused("no version", document("state=\"full\" entity=\"sip:a@h\"", ""));
    refused("negative version", document("version=\"-1\" state=\"full\" entity=\"sip:a@h\"", ""));
    refused("version too large", document("version=\"4294967296\" state=\"full\" entity=\"sip:a@h\"", ""));
    refused("unknown state attribute", document("version=\"1\" state=\"all\" entity=\"sip:a@h\"", ""));
    refused("no entity", document("version=\"1\" state=\"full\"", ""));
    refused("dialog without id", document(Root, "<dialog><state>early</state></dialog>"));
    refused("dialog without state", document(Root, "<dialog id=\"d\"/>"));
    refused("unknown dialog state", document(Root, "<dialog id=\"d\"><state>ringing</state></dialog>"));
    refused("two states",
            document(Root, "<dialog id=\"d\"><state>early</state><state>confirmed</state></dialog>"));
    refused("element inside state", document(Root, "<dialog id=\"d\"><state><b>early</b></state></dialog>"));
    refused("one id twice",
            document(Root,
                     "<dialog id=\"d\"><state>early</state></dialog>"
                     "<dialog id=\"d\"><state>confirmed</state></dialog>"));
    refused("unknown direction",
            document(Root, "<dialog id=\"d\" direction=\"both\"><state>early</state></dialog>"));
    refused("second root", document(Root, "") + "<dialog-info/>");
    refused("text after the root", document(Root, "") + "junk");
    refused("entity declarations (billion laughs)",
            "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;\">]>"
            "<dialog-info xmlns=\"urn:ietf:params:xml:ns:dialog-info\" version=\"1\" state=\"full\" "
            "entity=\"&b;\"/>");
    refused("undeclared entity", document(Root, "<dialog id=\"&x;\"><state>early</state></dialog>"));
    QByteArray deep;
    for (int i = 0; i < 40; ++i)
        deep += "<x:e xmlns:x=\"urn:x\">";
    for (int i = 0; i < 40; ++i)
        deep += "</x:e>";
    refused("nested too deep", document(Root, "<dialog id=\"d\"><state>early</state>" + deep + "</dialog>"));
    QByteArray many;
    for (int i = 0; i <= SipDialogInfo::MaxDialogs; ++i)
        many += "<dialog id=\"" + QByteArray::number(i) + "\"><state>early</state></dialog>";
    refused("too many dialogs", document(Root, many));
    refused("identity too long",
            document(Root,
                     "<dialog id=\"d\"><state>early</state><remote><identity>sip:"
                         + QByteArray(SipDialogInfo::MaxFieldChars, 'a')
                         + "@h</identity></remote></dialog>"));
    refused("attribute too long",
            document(Root,
                     "<dialog id=\"" + QByteArray(SipDialogInfo::MaxFieldChars + 1, 'i')
                         + "\"><state>early</state></dialog>"));
}

void tst_SipDialogInfo::parse()
{
    QFETCH(QByteArray, xml);
    QFETCH(bool, valid);
    const std::optional<SipDialogInfo> info = SipDialogInfo::parse(xml);
    QCOMPARE(info.has_value(), valid);
    if (!valid)
        return;
    QFETCH(int, version);
    QFETCH(bool, full);
    QFETCH(int, dialogs);
    QFETCH(QString, state);
    QFETCH(QString, remote);
    QFETCH(int, direction);
    QCOMPARE(info->version, quint32(version));
    QCOMPARE(info->full, full);
    QVERIFY(!info->entity.isEmpty());
    QCOMPARE(info->dialogs.size(), dialogs);
    if (!dialogs)
        return;
    const SipDialogInfo::Dialog &first = info->dialogs.first();
    QCOMPARE(SipDialogInfo::stateName(first.state), state);
    QCOMPARE(first.remoteUri + QLatin1Char('|') + first.remoteName, remote);
    QCOMPARE(int(first.direction), direction);
    if (QByteArray(QTest::currentDataTag()).startsWith("full, confirmed")) {
        QCOMPARE(first.id, QStringLiteral("d1"));
        QCOMPARE(first.callId, QStringLiteral("c1@host"));
        QCOMPARE(first.localTag, QStringLiteral("lt"));
        QCOMPARE(first.remoteTag, QStringLiteral("rt"));
        QCOMPARE(first.localUri, QStringLiteral("sip:agent2@127.0.0.1"));
    }
}

void tst_SipDialogInfo::refusesOversizedInput()
{
    // A well-formed document padded with white space past the bound is refused before any parsing.
    QByteArray big = document(Root, "");
    QVERIFY(SipDialogInfo::parse(big));
    big.append(QByteArray(SipDialogInfo::MaxBodyBytes - big.size(), ' '));
    QVERIFY(SipDialogInfo::parse(big));
    big.append(' ');
    QVERIFY(!SipDialogInfo::parse(big));
}

void tst_SipDialogInfo::formatRoundTrip()
{
    SipDialogInfo info = compact(QStringLiteral("v9 partial a:early b:terminated"));
    info.dialogs[0].direction = SipDialogInfo::Direction::Initiator;
    info.dialogs[0].localTag = QStringLiteral("l<&>");
    info.dialogs[0].remoteTag = QStringLiteral("r\"1");
    info.dialogs[0].remoteUri = QStringLiteral("sip:bob@example.org");
    info.dialogs[0].remoteName = QStringLiteral("Bob \"B\" & Co");
    info.dialogs[0].localUri = QStringLiteral("sip:agent2@127.0.0.1");
    const std::optional<SipDialogInfo> again = SipDialogInfo::parse(info.format());
    QVERIFY(again);
    QCOMPARE(*again, info);
}

void tst_SipDialogInfo::userOf_data()
{
    QTest::addColumn<QString>("uri");
    QTest::addColumn<QString>("user");
    QTest::newRow("sip") << "sip:9100@127.0.0.1:5060"
                         << "9100";
    QTest::newRow("angle brackets, params") << "<sips:bob;x=1@example.org>"
                                            << "bob";
    QTest::newRow("tel") << "tel:+15550100;phone-context=x"
                         << "+15550100";
    QTest::newRow("no scheme") << "agent2"
                               << "agent2";
}

void tst_SipDialogInfo::userOf()
{
    QFETCH(QString, uri);
    QFETCH(QString, user);
    QCOMPARE(SipDialogInfo::userOf(uri), user);
}

void tst_SipDialogInfo::tracker_data()
{
    QTest::addColumn<QStringList>("documents");
    QTest::addColumn<QString>("results"); // A applied, S stale, R resync, one per document
    QTest::addColumn<QStringList>("dialogs"); // id:state of the live ones at the end
    QTest::addColumn<bool>("busy");

    QTest::newRow("full then partials in order")
        << QStringList {"v0 full", "v1 partial a:early", "v2 partial a:confirmed b:trying",
                        "v3 partial a:terminated"}
        << "AAAA" << QStringList {"b:trying"} << true;
    QTest::newRow("full replaces") << QStringList {"v4 full a:confirmed b:early", "v5 full c:proceeding"}
                                   << "AA" << QStringList {"c:proceeding"} << true;
    QTest::newRow("full lists terminated ones: not live")
        << QStringList {"v1 full a:terminated b:confirmed"} << "A" << QStringList {"b:confirmed"} << true;
    QTest::newRow("out of order and repeated are stale")
        << QStringList {"v5 full a:confirmed", "v4 partial a:terminated", "v5 full", "v6 partial b:early"}
        << "ASSA" << QStringList {"a:confirmed", "b:early"} << true;
    QTest::newRow("gap in partials asks for resync")
        << QStringList {"v1 full a:confirmed", "v3 partial a:terminated", "v4 partial b:early"} << "ARR"
        << QStringList {"a:confirmed"} << true;
    QTest::newRow("partial before any full asks for resync")
        << QStringList {"v0 partial a:early"} << "R" << QStringList {} << false;
    QTest::newRow("full after a gap heals, any version")
        << QStringList {"v8 full a:confirmed", "v10 partial a:terminated", "v9 full"} << "ARA"
        << QStringList {} << false;
    QTest::newRow("empty NOTIFY: no dialogs, any full version next")
        << QStringList {"v5 full a:confirmed", "empty", "v0 full b:early", "v1 partial b:confirmed"} << "AAAA"
        << QStringList {"b:confirmed"} << true;
    QTest::newRow("empty NOTIFY then a partial asks for resync")
        << QStringList {"empty", "v1 partial a:early"} << "AR" << QStringList {} << false;
    QTest::newRow("terminated unknown dialog is harmless")
        << QStringList {"v0 full", "v1 partial z:terminated"} << "AA" << QStringList {} << false;
}

void tst_SipDialogInfo::tracker()
{
    QFETCH(QStringList, documents);
    QFETCH(QString, results);
    QFETCH(QStringList, dialogs);
    QFETCH(bool, busy);
    SipDialogInfoTracker tracker;
    QString seen;
    for (const QString &text : std::as_const(documents)) {
        if (text == QLatin1String("empty")) { // a NOTIFY without a body
            tracker.applyEmpty();
            seen += QLatin1Char('A');
            continue;
        }
        switch (tracker.apply(compact(text))) {
        case SipDialogInfoTracker::Result::Applied:
            seen += QLatin1Char('A');
            break;
        case SipDialogInfoTracker::Result::Stale:
            seen += QLatin1Char('S');
            break;
        case SipDialogInfoTracker::Result::Resync:
            seen += QLatin1Char('R');
            tracker.reset();
            break;
        }
    }
    QCOMPARE(seen, results);
    QStringList live;
    for (const SipDialogInfo::Dialog &dialog : tracker.dialogs())
        live << dialog.id + QLatin1Char(':') + SipDialogInfo::stateName(dialog.state);
    QCOMPARE(live, dialogs);
    QCOMPARE(tracker.isBusy(), busy);
}

void tst_SipDialogInfo::activity_data()
{
    // The live dialogs after a full document: what a busy lamp shows for the address.
    using Activity = SipDialogInfoTracker::Activity;
    QTest::addColumn<QString>("document");
    QTest::addColumn<Activity>("expected");
    QTest::newRow("no dialog") << "v1 full" << Activity::Idle;
    QTest::newRow("only terminated ones") << "v1 full a:terminated" << Activity::Idle;
    QTest::newRow("trying, no direction") << "v1 full a:trying" << Activity::Ringing;
    QTest::newRow("proceeding to it") << "v1 full a:proceeding/r" << Activity::Ringing;
    QTest::newRow("early to it") << "v1 full a:early/r" << Activity::Ringing;
    QTest::newRow("two calls ringing") << "v1 full a:early/r b:early" << Activity::Ringing;
    QTest::newRow("confirmed") << "v1 full a:confirmed" << Activity::Busy;
    QTest::newRow("confirmed to it") << "v1 full a:confirmed/r" << Activity::Busy;
    QTest::newRow("it dials out, early") << "v1 full a:early/i" << Activity::Busy;
    QTest::newRow("it dials out, trying") << "v1 full a:trying/i" << Activity::Busy;
    QTest::newRow("on a call, another rings") << "v1 full a:confirmed b:early/r" << Activity::Busy;
    QTest::newRow("ringing, the answered one terminated")
        << "v1 full a:terminated b:early/r" << Activity::Ringing;
}

void tst_SipDialogInfo::activity()
{
    QFETCH(QString, document);
    QFETCH(SipDialogInfoTracker::Activity, expected);
    SipDialogInfoTracker tracker;
    QCOMPARE(tracker.activity(), SipDialogInfoTracker::Activity::Idle);
    QCOMPARE(tracker.apply(compact(document)), SipDialogInfoTracker::Result::Applied);
    QCOMPARE(tracker.activity(), expected);
    QCOMPARE(tracker.isBusy(), expected != SipDialogInfoTracker::Activity::Idle);
    // The same dialogs through the wire format: the direction attribute is read.
    SipDialogInfoTracker parsed;
    const std::optional<SipDialogInfo> info = SipDialogInfo::parse(compact(document).format());
    QVERIFY(info);
    QCOMPARE(parsed.apply(*info), SipDialogInfoTracker::Result::Applied);
    QCOMPARE(parsed.activity(), expected);
}

void tst_SipDialogInfo::accountKeys_data()
{
    QTest::addColumn<QVariantMap>("map");
    QTest::addColumn<QString>("error"); // empty: accepted
    QTest::addColumn<QStringList>("subscriptions");
    QTest::addColumn<QString>("firstMonitorLine");

    const QVariantMap base {{"registrar", "127.0.0.1:5060"}, {"user", "agent1"}};
    auto with = [&base](const QVariantMap &extra) {
        QVariantMap map = base;
        map.insert(extra);
        return map;
    };
    QTest::newRow("none") << base << "" << QStringList {} << "";
    QTest::newRow("users and a URI, comma-separated")
        << with({{"monitor", "agent2, sip:9100@10.0.0.5"}}) << ""
        << QStringList {"sip:agent2@127.0.0.1:5060", "sip:9100@10.0.0.5"} << "sip/agent1/monitor/agent2";
    QTest::newRow("a list, and the shared line")
        << with({{"monitor", QStringList {"agent3"}}, {"sharedLine", true}}) << ""
        << QStringList {"sip:agent3@127.0.0.1:5060", "sip:agent1@127.0.0.1:5060"}
        << "sip/agent1/monitor/agent3";
    QTest::newRow("shared line as text") << with({{"sharedLine", "false"}}) << "" << QStringList {} << "";
    QTest::newRow("not an address") << with({{"monitor", "http://x"}})
                                    << "monitor: 'http://x' is not a SIP user name or sip: URI"
                                    << QStringList {} << "";
    QTest::newRow("one user twice") << with({{"monitor", "agent2,sip:agent2@10.0.0.5"}})
                                    << "monitor: 'agent2' is listed twice" << QStringList {} << "";
    QTest::newRow("shared line not boolean")
        << with({{"sharedLine", "yes"}}) << "sharedLine: 'yes' is not true or false" << QStringList {} << "";
}

void tst_SipDialogInfo::accountKeys()
{
    QFETCH(QVariantMap, map);
    QFETCH(QString, error);
    QFETCH(QStringList, subscriptions);
    QFETCH(QString, firstMonitorLine);
    SipAccountConfig config;
    QString refused;
    QCOMPARE(SipAccountConfig::fromVariantMap(map, &config, &refused), error.isEmpty());
    QCOMPARE(refused, error);
    if (!error.isEmpty())
        return;
    QCOMPARE(config.dialogSubscriptions(), subscriptions);
    QCOMPARE(config.monitor.isEmpty() ? QString() : config.monitorLineId(0), firstMonitorLine);
}

void tst_SipDialogInfo::cleanup()
{
    m_engine.reset(); // detaches (stops) the provider first, as the console does
    m_recorder.reset();
    m_provider.reset();
}

void tst_SipDialogInfo::startProvider(const QVariantMap &account)
{
    cleanup();
    QVariantMap map {{"registrar", "127.0.0.1:5060"}, {"user", "agent1"}};
    map.insert(account);
    SipAccountConfig config;
    QString error;
    QVERIFY2(SipAccountConfig::fromVariantMap(map, &config, &error), qPrintable(error));
    m_engine = std::make_unique<CallEngine>(nullptr);
    m_recorder = std::make_unique<EventRecorder>();
    m_recorder->setCategories(EventRecorder::Replies | EventRecorder::States);
    m_recorder->attach(m_engine.get(), nullptr);
    m_stack = new SimSipStack;
    m_provider = std::make_unique<SipLineProvider>(QList<SipAccountConfig> {config}, m_stack);
    m_engine->attachProvider(m_provider.get());
    Q_EMIT m_stack->registrationChanged(0, true, {});
}

SipDialogInfo tst_SipDialogInfo::confirmedElsewhere(quint32 version, const QString &id, const QString &callId,
                                                    State state)
{
    SipDialogInfo info;
    info.version = version;
    info.full = true;
    info.entity = QStringLiteral("sip:agent1@127.0.0.1:5060");
    SipDialogInfo::Dialog dialog;
    dialog.id = id;
    dialog.callId = callId;
    dialog.localTag = QStringLiteral("tag-of-the-other-phone");
    dialog.direction = SipDialogInfo::Direction::Recipient;
    dialog.state = state;
    dialog.remoteUri = QStringLiteral("sip:5551234@127.0.0.1");
    dialog.remoteName = QStringLiteral("Bob Caller");
    info.dialogs.append(dialog);
    return info;
}

void tst_SipDialogInfo::monitoredLineFollowsDialogs()
{
    startProvider({{"monitor", "agent2"}});
    const QString uri = QStringLiteral("sip:agent2@127.0.0.1:5060");
    QCOMPARE(m_stack->commands(), (QStringList {"start 1", "subscribe dialog " + uri + " account=0"}));
    Line *monitored = m_engine->line(QStringLiteral("sip/agent1/monitor/agent2"));
    QVERIFY(monitored);
    QCOMPARE(monitored->capabilities().addressSharing, SharingMonitored);
    QCOMPARE(monitored->address(), QStringLiteral("agent2"));
    QVERIFY(!monitored->inService());
    QCOMPARE(monitored->outOfServiceReason(), "subscribing to the dialog state of " + uri);
    QCOMPARE(m_engine->line(QStringLiteral("sip/agent1"))->capabilities().addressSharing, SharingPrivate);

    QSignalSpy status(monitored, &Line::addressStatusChanged);
    QSignalSpy added(m_engine.get(), &CallEngine::sessionAdded);
    Q_EMIT m_stack->dialogSubscriptionChanged(0, uri, true, {});
    QVERIFY(monitored->inService());
    // Each change one signal; the address's state after it: "idle", "ringing" (in use too) or "busy".
    auto state = [monitored] {
        return !monitored->addressInUse() ? QStringLiteral("idle")
            : monitored->addressRinging() ? QStringLiteral("ringing")
                                          : QStringLiteral("busy");
    };
    notify(uri, compact(QStringLiteral("v0 full")));
    QCOMPARE(state(), QStringLiteral("idle"));
    QCOMPARE(status.count(), 0);
    notify(uri, compact(QStringLiteral("v1 partial a:early/r"))); // a call rings there
    QCOMPARE(state(), QStringLiteral("ringing"));
    QCOMPARE(status.count(), 1);
    notify(uri, compact(QStringLiteral("v2 partial a:early/r b:trying"))); // a second one rings too
    QCOMPARE(status.count(), 1);
    notify(uri, compact(QStringLiteral("v3 partial a:confirmed"))); // answered: busy, in use throughout
    QCOMPARE(state(), QStringLiteral("busy"));
    QCOMPARE(status.count(), 2);
    notify(uri, compact(QStringLiteral("v4 partial a:terminated"))); // the other one still rings
    QCOMPARE(state(), QStringLiteral("ringing"));
    QCOMPARE(status.count(), 3);
    notify(uri, compact(QStringLiteral("v5 partial b:terminated"))); // the caller gave up
    QCOMPARE(state(), QStringLiteral("idle"));
    QCOMPARE(status.count(), 4);
    notify(uri, compact(QStringLiteral("v6 partial c:trying/i"))); // it dials out: busy, never ringing
    QCOMPARE(state(), QStringLiteral("busy"));
    QCOMPARE(status.count(), 5);
    notify(uri, compact(QStringLiteral("v7 partial c:confirmed")));
    QCOMPARE(status.count(), 5); // still busy
    notify(uri, compact(QStringLiteral("v1 partial c:terminated"))); // out of order: ignored
    QVERIFY(monitored->addressInUse());
    notify(uri, compact(QStringLiteral("v8 partial c:terminated")));
    QCOMPARE(state(), QStringLiteral("idle"));
    QCOMPARE(status.count(), 6);
    // A NOTIFY without a body (nothing published at the server) means no dialogs.
    notify(uri, compact(QStringLiteral("v9 partial d:early")));
    QCOMPARE(state(), QStringLiteral("ringing"));
    QCOMPARE(status.count(), 7);
    notify(uri, QByteArray());
    QCOMPARE(state(), QStringLiteral("idle"));
    QCOMPARE(status.count(), 8);
    // [D-13]: status only: no session, and no calls from a monitored address.
    QCOMPARE(added.count(), 0);
    QCOMPARE(m_engine->makeCall(monitored, QStringLiteral("100"), {}), int(OperationUnavail));
    // Another address's NOTIFY changes nothing here.
    notify(QStringLiteral("sip:other@127.0.0.1:5060"), compact(QStringLiteral("v9 full a:confirmed")));
    QVERIFY(!monitored->addressInUse());
}

void tst_SipDialogInfo::monitoredLineRefusesBadDocuments()
{
    startProvider({{"monitor", "agent2"}});
    const QString uri = QStringLiteral("sip:agent2@127.0.0.1:5060");
    Line *monitored = m_engine->line(QStringLiteral("sip/agent1/monitor/agent2"));
    QVERIFY(monitored);
    notify(uri, compact(QStringLiteral("v0 full a:confirmed")));
    QVERIFY(monitored->addressInUse());
    notify(uri, document("version=\"1\" state=\"full\" entity=\"sip:agent2@h\"", "<dialog id=\"a\">"));
    notify(uri, QByteArray("\x00\xff<dialog-info", 14));
    QVERIFY(monitored->addressInUse()); // the malformed ones are ignored
    QCOMPARE(m_stack->commands().size(), 2); // and ask for nothing
    notify(uri, compact(QStringLiteral("v1 full")));
    QVERIFY(!monitored->addressInUse());
}

void tst_SipDialogInfo::versionGapSubscribesAgain()
{
    startProvider({{"monitor", "agent2"}});
    const QString uri = QStringLiteral("sip:agent2@127.0.0.1:5060");
    Line *monitored = m_engine->line(QStringLiteral("sip/agent1/monitor/agent2"));
    QVERIFY(monitored);
    notify(uri, compact(QStringLiteral("v4 full a:confirmed")));
    notify(uri, compact(QStringLiteral("v6 partial a:terminated"))); // v5 was lost
    QVERIFY(monitored->addressInUse());
    QCOMPARE(m_stack->commands().last(), "resubscribe dialog " + uri + " account=0");
    notify(uri, compact(QStringLiteral("v7 partial b:early"))); // still from the old subscription
    QCOMPARE(m_stack->commands().count("resubscribe dialog " + uri + " account=0"), 1);
    // The new subscription's full state: its versions start over.
    notify(uri, compact(QStringLiteral("v0 full")));
    QVERIFY(!monitored->addressInUse());
    notify(uri, compact(QStringLiteral("v1 partial c:trying")));
    QVERIFY(monitored->addressInUse());
}

void tst_SipDialogInfo::monitoredLineFollowsSubscription()
{
    startProvider({{"monitor", "agent2"}});
    const QString uri = QStringLiteral("sip:agent2@127.0.0.1:5060");
    Line *monitored = m_engine->line(QStringLiteral("sip/agent1/monitor/agent2"));
    QVERIFY(monitored);
    Q_EMIT m_stack->dialogSubscriptionChanged(0, uri, true, {});
    notify(uri, compact(QStringLiteral("v5 full")));
    Q_EMIT m_stack->dialogSubscriptionChanged(0, uri, false,
                                              QStringLiteral("SUBSCRIBE refused (489 Bad Event)"));
    QVERIFY(!monitored->inService());
    QCOMPARE(monitored->outOfServiceReason(), QStringLiteral("SUBSCRIBE refused (489 Bad Event)"));
    // The next subscription starts its versions over: its version 0 is taken.
    Q_EMIT m_stack->dialogSubscriptionChanged(0, uri, true, {});
    QVERIFY(monitored->inService());
    notify(uri, compact(QStringLiteral("v0 full a:early")));
    QVERIFY(monitored->addressInUse());
}

void tst_SipDialogInfo::sharedLineShowsCallsElsewhere()
{
    startProvider({{"sharedLine", true}});
    const QString aor = QStringLiteral("sip:agent1@127.0.0.1:5060");
    QCOMPARE(m_stack->commands(), (QStringList {"start 1", "subscribe dialog " + aor + " account=0"}));
    Line *line = m_engine->line(QStringLiteral("sip/agent1"));
    QCOMPARE(line->capabilities().addressSharing, SharingBridgedShared);
    QSignalSpy added(m_engine.get(), &CallEngine::sessionAdded);
    // Ringing at the other phone: not an appearance yet.
    notify(aor, confirmedElsewhere(0, QStringLiteral("d1"), QStringLiteral("c1"), State::Early));
    QCOMPARE(added.count(), 0);
    notify(aor, confirmedElsewhere(1, QStringLiteral("d1"), QStringLiteral("c1")));
    QCOMPARE(added.count(), 1);
    auto *b = added.at(0).at(0).value<CallSession *>();
    m_recorder->name(b, QStringLiteral("B"));
    QCOMPARE(b->remoteNumber(), QStringLiteral("5551234"));
    QCOMPARE(b->remoteName(), QStringLiteral("Bob Caller"));
    QCOMPARE(b->state(), int(Connected));
    QCOMPARE(b->mode(), int(ConnectedInactive));
    // [D-15]: other stations take part, so no hold here.
    QCOMPARE(b->hold(), int(OperationUnavail));
    // The same state again, then the end of the call there.
    notify(aor, confirmedElsewhere(2, QStringLiteral("d1"), QStringLiteral("c1")));
    QCOMPARE(added.count(), 1);
    SipDialogInfo ended =
        confirmedElsewhere(3, QStringLiteral("d1"), QStringLiteral("c1"), State::Terminated);
    ended.full = false;
    notify(aor, ended);
    QCOMPARE(b->state(), int(Idle));
    QCOMPARE(m_recorder->events(),
             (QStringList {"S(B)=OFFERING/INACTIVE", "S(B)=CONNECTED/INACTIVE", "S(B)=IDLE"}));
}

void tst_SipDialogInfo::offeredCallAnsweredElsewhere()
{
    // [D-16]: the call offered here too is answered at the other phone: this session goes inactive
    // (no second session), the CANCEL that follows changes nothing, the end of the call idles it.
    startProvider({{"sharedLine", true}});
    const QString aor = QStringLiteral("sip:agent1@127.0.0.1:5060");
    QSignalSpy added(m_engine.get(), &CallEngine::sessionAdded);
    const quint64 token = m_stack->offer(0, QStringLiteral("5551234"), QStringLiteral("Bob Caller"));
    Q_EMIT m_stack->callDialogKnown(token, "c1", {});
    QCOMPARE(added.count(), 1);
    auto *a = added.at(0).at(0).value<CallSession *>();
    m_recorder->name(a, QStringLiteral("A"));
    notify(aor, confirmedElsewhere(0, QStringLiteral("d1"), QStringLiteral("c1")));
    QCOMPARE(added.count(), 1);
    SipCallEnd cancel;
    cancel.cancelled = true;
    cancel.sipCause = 200;
    Q_EMIT m_stack->callEnded(token, cancel);
    notify(aor, confirmedElsewhere(1, QStringLiteral("d1"), QStringLiteral("c1"), State::Terminated));
    QCOMPARE(m_recorder->events(),
             (QStringList {"S(A)=OFFERING/ACTIVE", "S(A)=CONNECTED/INACTIVE", "S(A)=IDLE"}));
    QCOMPARE(added.count(), 1);
}

void tst_SipDialogInfo::cancelForAnswerElsewhereComesFirst()
{
    startProvider({{"sharedLine", true}});
    const QString aor = QStringLiteral("sip:agent1@127.0.0.1:5060");
    notify(aor, compact(QStringLiteral("v0 full")));
    QSignalSpy added(m_engine.get(), &CallEngine::sessionAdded);
    const quint64 token = m_stack->offer(0, QStringLiteral("5551234"), {});
    Q_EMIT m_stack->callDialogKnown(token, "c1", {});
    auto *a = added.at(0).at(0).value<CallSession *>();
    m_recorder->name(a, QStringLiteral("A"));
    SipCallEnd cancel;
    cancel.cancelled = true;
    cancel.sipCause = 200;
    Q_EMIT m_stack->callEnded(token, cancel);
    QCOMPARE(a->mode(), int(ConnectedInactive));
    // A NOTIFY sent before the answer (early), then the confirmed one: the same appearance.
    notify(aor, confirmedElsewhere(1, QStringLiteral("d1"), QStringLiteral("c1"), State::Early));
    notify(aor, confirmedElsewhere(2, QStringLiteral("d1"), QStringLiteral("c1")));
    QCOMPARE(a->state(), int(Connected));
    notify(aor, compact(QStringLiteral("v3 full")));
    QCOMPARE(m_recorder->events(),
             (QStringList {"S(A)=OFFERING/ACTIVE", "S(A)=CONNECTED/INACTIVE", "S(A)=IDLE"}));
    QCOMPARE(added.count(), 1);
}

void tst_SipDialogInfo::cancelWithoutSubscriptionDisconnects()
{
    // No dialog state of the line's address known (no NOTIFY yet): nothing would end an appearance,
    // so the CANCEL ends the call as any CANCEL does.
    startProvider({{"sharedLine", true}});
    QSignalSpy added(m_engine.get(), &CallEngine::sessionAdded);
    const quint64 token = m_stack->offer(0, QStringLiteral("5551234"), {});
    auto *a = added.at(0).at(0).value<CallSession *>();
    SipCallEnd cancel;
    cancel.cancelled = true;
    cancel.sipCause = 200;
    Q_EMIT m_stack->callEnded(token, cancel);
    QCOMPARE(a->state(), int(Disconnected));
}

void tst_SipDialogInfo::ownCallsAreNoAppearances()
{
    startProvider({{"sharedLine", true}});
    const QString aor = QStringLiteral("sip:agent1@127.0.0.1:5060");
    QSignalSpy added(m_engine.get(), &CallEngine::sessionAdded);
    const quint64 token = m_stack->offer(0, QStringLiteral("5551234"), {});
    auto *a = added.at(0).at(0).value<CallSession *>();
    Q_EMIT m_stack->callDialogKnown(token, "c1", {});
    a->answer();
    QTRY_COMPARE(a->state(), int(Connected));
    Q_EMIT m_stack->callDialogKnown(token, "c1", "my-tag");
    SipDialogInfo mine = confirmedElsewhere(0, QStringLiteral("d1"), QStringLiteral("c1"));
    mine.dialogs[0].localTag = QStringLiteral("my-tag");
    notify(aor, mine);
    // An outbound call of this station, reported for the caller's side.
    CallSession *placed = nullptr;
    QVERIFY(m_engine->makeCall(m_engine->line(QStringLiteral("sip/agent1")), QStringLiteral("200"), {}) > 0);
    QTRY_COMPARE(added.count(), 2);
    placed = added.at(1).at(0).value<CallSession *>();
    QVERIFY(placed);
    const quint64 placedToken = m_stack->commands().last().section(QLatin1Char(' '), 1, 1).toULongLong();
    QVERIFY(placedToken);
    Q_EMIT m_stack->callDialogKnown(placedToken, "c2", {});
    SipDialogInfo both = mine;
    both.version = 1;
    SipDialogInfo::Dialog outbound = mine.dialogs[0];
    outbound.id = QStringLiteral("d2");
    outbound.callId = QStringLiteral("c2");
    outbound.localTag = QStringLiteral("from-tag");
    outbound.direction = SipDialogInfo::Direction::Initiator;
    both.dialogs.append(outbound);
    notify(aor, both);
    QCOMPARE(added.count(), 2);
    QCOMPARE(a->mode(), int(ConnectedActive));
}

void tst_SipDialogInfo::appearanceDroppedHereStaysAway()
{
    startProvider({{"sharedLine", true}});
    const QString aor = QStringLiteral("sip:agent1@127.0.0.1:5060");
    QSignalSpy added(m_engine.get(), &CallEngine::sessionAdded);
    notify(aor, confirmedElsewhere(0, QStringLiteral("d1"), QStringLiteral("c1")));
    QCOMPARE(added.count(), 1);
    auto *b = added.at(0).at(0).value<CallSession *>();
    m_recorder->name(b, QStringLiteral("B"));
    // Joining the call needs RFC 3911 Join: refused by the line, the appearance stays.
    QSignalSpy completed(b, &CallSession::requestCompleted);
    const int answer = b->answer(QByteArray());
    QVERIFY(answer > 0);
    QVERIFY(completed.wait(2000));
    QCOMPARE(completed.at(0).at(1).toInt(), int(OperationUnavail));
    QCOMPARE(b->mode(), int(ConnectedInactive));
    const int drop = b->drop(QByteArray());
    QVERIFY(drop > 0);
    QTRY_COMPARE(b->state(), int(Idle));
    notify(aor, confirmedElsewhere(1, QStringLiteral("d1"), QStringLiteral("c1")));
    QCOMPARE(added.count(), 1); // not back while that call lasts
    notify(aor, compact(QStringLiteral("v2 full")));
    // A new call there appears: one the other phone placed (initiator) to 5551234.
    SipDialogInfo placedThere = confirmedElsewhere(3, QStringLiteral("d9"), QStringLiteral("c9"));
    placedThere.dialogs[0].direction = SipDialogInfo::Direction::Initiator;
    notify(aor, placedThere);
    QCOMPARE(added.count(), 2);
    auto *c = added.at(1).at(0).value<CallSession *>();
    QCOMPARE(c->remoteNumber(), QStringLiteral("5551234"));
    QCOMPARE(c->calledNumber(), QStringLiteral("5551234"));
    QCOMPARE(c->mode(), int(ConnectedInactive));
    QCOMPARE(b->calledNumber(), QStringLiteral("agent1"));
}

QTEST_GUILESS_MAIN(tst_SipDialogInfo)
#include "tst_sip_dialoginfo.moc"
