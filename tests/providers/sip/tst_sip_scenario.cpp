// The headless runner on a scenario whose line is a SIP account (docs/scenario-format.md, "SIP lines"):
// the real `hookline --headless --scenario` registers the account with the loopback Kamailio, says the line
// is in service, and plays the steps on the wall clock against a real far end (sipp, started then). The
// scenario names the far end's call (`incoming`), answers it, expects it CONNECTED with the caller's UUI,
// checks with `heard` that the agent's microphone tone comes back through the far end's RTP echo, and
// drops it with UUI; sipp's scenario checks the BYE's Reason and User-to-User headers. The same the other
// way: the agent calls (makeCall on the SIP line), sipp answers. And the console with its window
// (`hookline --scenario`, offscreen) on such a scenario: the call happens, in the trace and the call log.
#include "SipLoopbackPeers.h"
#include "ToneAnalysis.h"

#include <QtCore/qdeadlinetimer.h>
#include <QtCore/qdiriterator.h>
#include <QtCore/qfile.h>
#include <QtCore/qjsonarray.h>
#include <QtCore/qjsondocument.h>
#include <QtCore/qjsonobject.h>
#include <QtCore/qprocess.h>
#include <QtCore/qscopeguard.h>
#include <QtCore/qtemporarydir.h>
#include <QtTest/qtest.h>

#include <memory>

namespace {

constexpr double AgentHz = 1000; // the agent's microphone, echoed by the far end
constexpr int ToneRate = 8000;

void putLe(QByteArray &out, quint32 value, int bytes)
{
    for (int i = 0; i < bytes; ++i)
        out += char((value >> (8 * i)) & 0xff);
}

// A mono 16-bit WAV of a one-second sine (the scenario's `agent.play`).
QByteArray toneWav()
{
    const QByteArray pcm = ToneAnalysis::sine(AgentHz, -12.0, ToneRate, 1.0);
    QByteArray wav = "RIFF";
    putLe(wav, quint32(36 + pcm.size()), 4);
    wav += "WAVEfmt ";
    putLe(wav, 16, 4);
    putLe(wav, 1, 2);
    putLe(wav, 1, 2);
    putLe(wav, ToneRate, 4);
    putLe(wav, ToneRate * 2, 4);
    putLe(wav, 2, 2);
    putLe(wav, 16, 2);
    wav += "data";
    putLe(wav, quint32(pcm.size()), 4);
    return wav + pcm;
}

QJsonObject step(qint64 at, const QJsonObject &body)
{
    QJsonObject s = body;
    s.insert(QStringLiteral("at"), at);
    return s;
}

} // namespace

class tst_SipScenario : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void headlessRun_data();
    void headlessRun();
    void consoleRun();

private:
    std::unique_ptr<SipLoopbackPeers> m_peers;
};

void tst_SipScenario::initTestCase()
{
    m_peers = std::make_unique<SipLoopbackPeers>();
    QVERIFY(m_peers->isValid());
    QString error;
    QVERIFY2(m_peers->prepareKamailio({{"agent1", "secret1"}}, &error), qPrintable(error));
    QVERIFY2(m_peers->startKamailio(&error), qPrintable(error));
}

void tst_SipScenario::cleanupTestCase()
{
    m_peers.reset();
}

void tst_SipScenario::headlessRun_data()
{
    QTest::addColumn<bool>("outbound"); // the agent calls the far end (sipp answers)
    QTest::addColumn<QString>("password");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("output"); // in what the runner printed
    QTest::newRow("far end calls, the agent answers, hears and drops with UUI")
        << false << QStringLiteral("secret1") << 0 << QStringLiteral("every expectation held");
    QTest::newRow("the agent calls, hears and drops with UUI")
        << true << QStringLiteral("secret1") << 0 << QStringLiteral("every expectation held");
    QTest::newRow("refused credentials: no registration in time")
        << false << QStringLiteral("wrong") << 1
        << QStringLiteral(":4:5: SIP line sip/desk did not register within 3000 ms: registrar");
}

void tst_SipScenario::headlessRun()
{
    QFETCH(bool, outbound);
    QFETCH(QString, password);
    QFETCH(int, exitCode);
    QFETCH(QString, output);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QFile tone(dir.filePath(QStringLiteral("agent-tone.wav")));
    QVERIFY(tone.open(QIODevice::WriteOnly) && tone.write(toneWav()) > 0);
    tone.close();

    const QJsonObject line {{"id", "desk"},
                            {"provider", "sip"},
                            {"registrar", QStringLiteral("127.0.0.1:%1").arg(m_peers->kamailioPort())},
                            {"user", "agent1"},
                            {"password", password},
                            {"displayName", "Desk 1"},
                            {"codecs", QJsonArray {"PCMU", "PCMA"}},
                            {"registerTimeoutMs", 3000}};
    QJsonArray steps;
    if (outbound) {
        steps << step(0, {{"agent", "makeCall"}, {"line", "desk"}, {"number", "9000"}, {"as", "a"}});
    } else {
        steps << step(0, {{"incoming", QJsonObject {{"line", "desk"}, {"as", "a"}, {"withinMs", 10000}}}})
              << step(0,
                      {{"expect", QJsonObject {{"session", "a"}, {"state", "OFFERING"}, {"uui", "case-42"}}}})
              << step(100, {{"agent", "answer"}, {"session", "a"}});
    }
    steps << step(2500, {{"expect", QJsonObject {{"session", "a"}, {"state", "CONNECTED"}}}})
          << step(2500,
                  {{"expect",
                    QJsonObject {{"heard",
                                  QJsonObject {{"party", "agent"},
                                               {"toneHz", AgentHz},
                                               {"minDbfs", -24},
                                               {"maxDbfs", -3},
                                               {"lastMs", 1000}}}}}})
          << step(2600, {{"agent", "drop"}, {"session", "a"}, {"uui", "wrap-7"}})
          << step(3500, {{"expect", QJsonObject {{"session", "a"}, {"state", "IDLE"}}}});
    // `lines` first: the test names the line's position in the registration message (4:5).
    const QByteArray json = "{\n  \"name\": \"sip-inbound\",\n  \"lines\": [\n    "
        + QJsonDocument(line).toJson(QJsonDocument::Compact) + "\n  ],\n  \"agent\": "
        + QJsonDocument(QJsonObject {{"play", "agent-tone.wav"}, {"loop", true}})
              .toJson(QJsonDocument::Compact)
        + ",\n  \"steps\": " + QJsonDocument(steps).toJson(QJsonDocument::Compact) + "\n}\n";
    const QString scenario = dir.filePath(QStringLiteral("sip-inbound.json"));
    QFile file(scenario);
    QVERIFY(file.open(QIODevice::WriteOnly) && file.write(json) == json.size());
    file.close();

    QProcess runner;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.filePath(QStringLiteral("config")));
    environment.insert(QStringLiteral("XDG_DATA_HOME"), dir.filePath(QStringLiteral("data")));
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    runner.setProcessEnvironment(environment);
    runner.setProcessChannelMode(QProcess::MergedChannels);
    runner.start(QStringLiteral(HOOKLINE_EXECUTABLE),
                 {QStringLiteral("--headless"), QStringLiteral("--scenario"), scenario,
                  QStringLiteral("--trace"), dir.filePath(QStringLiteral("trace.jsonl"))});
    QVERIFY2(runner.waitForStarted(5000), qPrintable(runner.errorString()));
    QByteArray printed;
    // An answering far end waits from the start; a calling one starts once the line is registered.
    QProcess *sipp =
        outbound ? m_peers->startSipp(QStringLiteral("uas_expect_bye_uui.xml"), QString(), true) : nullptr;
    QDeadlineTimer deadline(25000);
    while (runner.state() != QProcess::NotRunning && !deadline.hasExpired()) {
        runner.waitForReadyRead(100);
        printed += runner.readAll();
        // The far end calls once the runner says the account is registered.
        if (!sipp && printed.contains("hookline: line sip/desk is in service"))
            sipp = m_peers->startSipp(QStringLiteral("uac_expect_bye.xml"), QStringLiteral("agent1"), true);
    }
    if (runner.state() != QProcess::NotRunning) {
        runner.kill(); // by its PID
        runner.waitForFinished(2000);
    }
    printed += runner.readAll();
    QVERIFY2(runner.exitStatus() == QProcess::NormalExit && runner.exitCode() == exitCode,
             qPrintable(
                 QStringLiteral("exit %1:\n%2").arg(runner.exitCode()).arg(QString::fromLocal8Bit(printed))));
    QVERIFY2(printed.contains(output.toUtf8()), printed.constData());
    if (exitCode == 0) {
        QVERIFY(sipp);
        QString sippOutput;
        QCOMPARE(m_peers->finishSipp(sipp, &sippOutput), 0);
    } else {
        QVERIFY2(!sipp, "the line was announced in service with refused credentials");
    }
}

void tst_SipScenario::consoleRun()
{
    // The console with its window (offscreen) on a scenario whose line is a SIP account: it registers the
    // line, and the scenario's agent steps act on the person's behalf: a call to the far end
    // (sipp answers), dropped with UUI (sipp checks the BYE's Reason and User-to-User). The trace shows the
    // session on sip/desk connected then idle, the call log keeps the call, and SIGTERM closes the console
    // with exit status 0.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QJsonObject line {{"id", "desk"},
                            {"provider", "sip"},
                            {"registrar", QStringLiteral("127.0.0.1:%1").arg(m_peers->kamailioPort())},
                            {"user", "agent1"},
                            {"password", "secret1"},
                            {"codecs", QJsonArray {"PCMU", "PCMA"}}};
    const QJsonArray steps {
        step(0, {{"agent", "makeCall"}, {"line", "desk"}, {"number", "9000"}, {"as", "a"}}),
        step(2500, {{"agent", "drop"}, {"session", "a"}, {"uui", "wrap-7"}})};
    const QByteArray json =
        QJsonDocument(QJsonObject {{"name", "sip-console"}, {"lines", QJsonArray {line}}, {"steps", steps}})
            .toJson();
    const QString scenario = dir.filePath(QStringLiteral("sip-console.json"));
    QFile file(scenario);
    QVERIFY(file.open(QIODevice::WriteOnly) && file.write(json) == json.size());
    file.close();

    QProcess *sipp = m_peers->startSipp(QStringLiteral("uas_expect_bye_uui.xml"), QString(), true);
    QVERIFY(sipp);
    QProcess console;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("HOME"), dir.path());
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.filePath(QStringLiteral("config")));
    environment.insert(QStringLiteral("XDG_DATA_HOME"), dir.filePath(QStringLiteral("data")));
    environment.insert(QStringLiteral("XDG_CACHE_HOME"), dir.filePath(QStringLiteral("cache")));
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    console.setProcessEnvironment(environment);
    console.setProcessChannelMode(QProcess::MergedChannels);
    const QString tracePath = dir.filePath(QStringLiteral("trace.jsonl"));
    console.start(QStringLiteral(HOOKLINE_EXECUTABLE),
                  {QStringLiteral("--scenario"), scenario, QStringLiteral("--trace"), tracePath});
    QVERIFY2(console.waitForStarted(5000), qPrintable(console.errorString()));
    const auto stop = qScopeGuard([&console] {
        if (console.state() != QProcess::NotRunning) { // a failed check: end it by its PID
            console.kill();
            console.waitForFinished(5000);
        }
    });
    // The trace's state events of the session on the SIP line, until it is IDLE.
    auto states = [&] {
        QStringList seen;
        QFile trace(tracePath);
        if (!trace.open(QIODevice::ReadOnly))
            return seen;
        for (const QByteArray &row : trace.readAll().split('\n')) {
            const QJsonObject event = QJsonDocument::fromJson(row).object();
            if (event.value(QLatin1String("event")) == QLatin1String("state")
                && event.value(QLatin1String("line")) == QLatin1String("sip/desk"))
                seen << event.value(QLatin1String("state")).toString();
        }
        return seen;
    };
    QByteArray printed;
    QDeadlineTimer deadline(25000);
    while (console.state() == QProcess::Running && !deadline.hasExpired() && !states().contains("IDLE")) {
        console.waitForReadyRead(100);
        printed += console.readAll();
    }
    printed += console.readAll();
    QVERIFY2(console.state() == QProcess::Running, printed.constData());
    const QStringList seen = states();
    QVERIFY2(seen.contains(QStringLiteral("CONNECTED")) && seen.endsWith(QStringLiteral("IDLE")),
             qPrintable(seen.join(QLatin1Char(' ')) + QLatin1Char('\n') + QString::fromLocal8Bit(printed)));
    QString sippOutput;
    QCOMPARE(m_peers->finishSipp(sipp, &sippOutput), 0);

    console.terminate(); // SIGTERM to its PID: the console closes as when its window closes
    QVERIFY(console.waitForFinished(15000));
    QCOMPARE(console.exitStatus(), QProcess::NormalExit);
    QCOMPARE(console.exitCode(), 0);
    // The call is in the call log: the SIP line, the number called, connected, outbound, completed.
    QDirIterator logs(dir.filePath(QStringLiteral("data")), {QStringLiteral("calls.sqlite")}, QDir::Files,
                      QDirIterator::Subdirectories);
    QVERIFY2(logs.hasNext(), "no call log under XDG_DATA_HOME");
    const QString log = logs.next();
    QProcess sqlite;
    sqlite.start(QStringLiteral("sqlite3"),
                 {log,
                  QStringLiteral("SELECT line_id, remote_number, connected_at IS NOT NULL, "
                                 "direction, outcome, final_state FROM calls")});
    QVERIFY(sqlite.waitForFinished(10000));
    QCOMPARE(QString::fromUtf8(sqlite.readAllStandardOutput()).trimmed(),
             // outbound (2), connected; dropped but never terminated, the row was completed at the close
             QStringLiteral("sip/desk|9000|1|2|answered|IDLE"));
}

QTEST_GUILESS_MAIN(tst_SipScenario)
#include "tst_sip_scenario.moc"
