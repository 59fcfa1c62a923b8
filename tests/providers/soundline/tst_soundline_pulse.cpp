// The sound-card line end to end through a real sound server: the private PulseAudio of the audio
// harness (tests/audio/pulse) with its fake line card, "Hookline Test Line In" (what the line says;
// the test plays into "Hookline Test Line Feed") and "Hookline Test Line" (what is played to the line;
// the test records its monitor). QtMultimediaLineAudioPort is the real binding here. In the two call
// tests the serial line interface is a pseudo-terminal driven through QSerialPort (QtSerialControlPort);
// a Linux pty has no modem-control lines, so PtyModemLines emulates RI and DTR on it (see there).
#include "DetectorSet.h"
#include "PtyModemLines.h"
#include "PulseControl.h"
#include "PulseTestMain.h"
#include "SimFixture.h" // withIds()
#include "SoundLineFixture.h"
#include "ToneAnalysis.h"
#include "core/Tapi.h"
#include "lines/Line.h"
#include "providers/LineAudioEndpoint.h"
#include "session/CallSession.h"

#include <QtCore/qprocess.h>
#include <QtCore/qtemporarydir.h>
#include <QtTest/qsignalspy.h>
#include <QtTest/qtest.h>

#include <cmath>
#include <memory>

using namespace Tapi;

namespace {
const QString LineIn = QStringLiteral("Hookline Test Line In");
const QString LineOut = QStringLiteral("Hookline Test Line");
constexpr int Bound = 15000; // generous: the server runs in real time on a shared machine

QVariantMap cardLine(const QString &playback = LineOut,
                     const QString &serialPort = QStringLiteral("/dev/ttyTWIN0"))
{
    return {{"id", "card"},
            {"name", "Card line"},
            {"profile", "us"},
            {"replugPollMs", 50},
            {"captureDevice", LineIn},
            {"playbackDevice", playback},
            {"serialPort", serialPort},
            {"ringPin", "ri"},
            {"hookRelayPin", "dtr"},
            {"loopCurrentPin", "none"}};
}

// The harness card line with its modem-control lines on a pseudo-terminal the test drives: the pty is
// plugged before the line opens it.
struct CardLineOnPty
{
    bool inService()
    {
        return plugged && QTest::qWaitFor([&] { return line.line() && line.line()->inService(); }, Bound);
    }

    // In this order: the pty exists and is plugged before the line opens it.
    QTemporaryDir dir;
    const QString modemPath = dir.filePath(QStringLiteral("ttyLINE0"));
    PtyModemLines modem {modemPath};
    const bool plugged = modem.plug();
    SoundLineFixture line {cardLine(LineOut, modemPath), SoundLineFixture::RealSerialPort,
                           SoundLineFixture::SoundCard};
};

// Sets RI and waits until the serial port has read the modem lines twice, so the line saw the change.
bool setRingSeen(PtyModemLines &modem, bool ringing)
{
    modem.setRing(ringing);
    const int mark = modem.reads();
    return QTest::qWaitFor([&] { return modem.reads() >= mark + 2; }, Bound);
}

// Plays a fixture into the line's feed, as the far end / the exchange would, in real time.
std::unique_ptr<QProcess> playToLine(const QString &fixture)
{
    auto process = std::make_unique<QProcess>();
    process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    process->start(
        QStringLiteral("paplay"),
        {QStringLiteral("--device=hookline_line_feed"), QStringLiteral(TEST_DATA_DIR "/") + fixture});
    return process;
}

bool finished(QProcess *process)
{
    return QTest::qWaitFor([process] { return process->state() == QProcess::NotRunning; }, Bound)
        && process->exitStatus() == QProcess::NormalExit && process->exitCode() == 0;
}

// The exchange stops a tone when the line moves on (dial tone at the first digit, ringback on answer).
void stopPlaying(QProcess *process)
{
    process->kill();
    process->waitForFinished(5000);
}

// Records what Hookline plays to the line (the line card's monitor), 8 kHz mono 16 bit.
class LineMonitor
{
public:
    LineMonitor()
    {
        QObject::connect(&m_process, &QProcess::readyReadStandardOutput,
                         [this] { m_pcm += m_process.readAllStandardOutput(); });
        m_process.start(QStringLiteral("parec"),
                        {QStringLiteral("--device=hookline_line.monitor"), QStringLiteral("--raw"),
                         QStringLiteral("--format=s16le"), QStringLiteral("--rate=8000"),
                         QStringLiteral("--channels=1"), QStringLiteral("--latency-msec=20")});
    }
    ~LineMonitor()
    {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
    // True once the recording runs: the monitor stream has delivered its first audio (connecting to
    // the server can take a second or two on a loaded machine).
    bool started()
    {
        return m_process.waitForStarted(5000) && QTest::qWaitFor([this] { return !m_pcm.isEmpty(); }, Bound);
    }
    const QByteArray &pcm() const { return m_pcm; }
    void clear() { m_pcm.clear(); }
    QString dtmfDigits() const
    {
        QString digits;
        const auto samples = ToneAnalysis::samplesOf(m_pcm);
        DetectorSet detectors(*CountryProfile::find(QStringLiteral("us")), CallerIdStandard::Bell202,
                              DetectorOptions(), [&](const LineEvent &event) {
                                  if (event.kind == LineEvent::Digit)
                                      digits += event.digit;
                              });
        detectors.process(samples.data(), int(samples.size()));
        const QList<int16_t> tail(800, 0);
        detectors.process(tail.constData(), int(tail.size()));
        return digits;
    }

private:
    QProcess m_process;
    QByteArray m_pcm;
};

bool waitForState(CallSession *session, int state)
{
    return QTest::qWaitFor([&] { return session && session->state() == state; }, Bound);
}
} // namespace

class TestSoundLinePulse : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void inboundCallerIdAnswerSpeechBusy();
    void outboundDialRingbackAnswer();
    void missingAndUnpluggedCard_data();
    void missingAndUnpluggedCard();
};

void TestSoundLinePulse::initTestCase()
{
    QVERIFY2(!PulseControl::input(LineIn).isNull(), "the harness's line card is missing");
    QVERIFY(!PulseControl::output(LineOut).isNull());
}

void TestSoundLinePulse::inboundCallerIdAnswerSpeechBusy()
{
    CardLineOnPty card;
    QVERIFY(card.inService());
    PtyModemLines &modem = card.modem;
    SoundLineFixture &f = card.line;
    QCOMPARE(modem.dtrHistory(), QList<bool> {false}); // opened on-hook
    QSignalSpy audioChanged(&f.engine(), &CallEngine::callAudioChanged);

    // Ring 1 on RI, then the Bell 202 caller ID in the silent interval, as a US exchange sends it.
    QVERIFY(setRingSeen(modem, true));
    QVERIFY(setRingSeen(modem, false));
    auto callerId = playToLine(QStringLiteral("cid_class_mdmf.wav"));
    QVERIFY(QTest::qWaitFor([&] { return f.session() != nullptr; }, Bound));
    CallSession *a = f.session();
    f.recorder().name(a, QStringLiteral("A"));
    QCOMPARE(a->state(), int(Offering));
    QCOMPARE(a->remoteNumber(), QStringLiteral("6095551212"));
    QCOMPARE(a->remoteName(), QStringLiteral("ACME SUPPORT"));
    QCOMPARE(a->callerIdDate(), QStringLiteral("03141530"));
    QVERIFY(finished(callerId.get()));

    // Answer: the hook relay goes off-hook and the voice path opens.
    const int answer = a->answer();
    QVERIFY(answer > 0);
    QVERIFY(waitForState(a, Connected));
    QCOMPARE(modem.dtrHistory(), (QList<bool> {false, true}));
    QVERIFY(QTest::qWaitFor([&] { return audioChanged.size() == 1; }, Bound));
    const std::shared_ptr<LineAudioEndpoint> voice = f.engine().audioEndpoint(a);
    QVERIFY(voice);

    // The agent's voice (a 440 Hz tone standing in) reaches the line card; the caller's speech reaches
    // fromLine and is not taken for a hang-up.
    LineMonitor monitor;
    QVERIFY(monitor.started());
    // Both rings hold half a second: keep the agent's side topped up and the caller's side drained
    // while the caller speaks, as the audio bridge does.
    const QByteArray agent = ToneAnalysis::sine(440, -12, 8000, 6.0);
    const auto agentSamples = ToneAnalysis::samplesOf(agent);
    std::size_t agentSent = 0;
    std::vector<int16_t> heard;
    const auto pump = [&] {
        agentSent += voice->toLine.write(agentSamples.subspan(agentSent));
        std::vector<int16_t> chunk(voice->fromLine.available());
        voice->fromLine.read(chunk);
        heard.insert(heard.end(), chunk.begin(), chunk.end());
    };
    voice->fromLine.discard();
    auto speech = playToLine(QStringLiteral("speech_en_8k.wav"));
    QVERIFY(QTest::qWaitFor(
        [&] {
            pump();
            return speech->state() == QProcess::NotRunning;
        },
        Bound));
    QCOMPARE(speech->exitCode(), 0);
    pump();
    const double agentLevel = ToneAnalysis::peakLevelDbfs(monitor.pcm(), 440, 8000);
    QVERIFY2(agentLevel > -15,
             qPrintable(QStringLiteral("agent tone on the line at %1 dBFS").arg(agentLevel)));
    // The loudest 20 ms of what reached fromLine is the caller's voice, not silence.
    double loudest = 0;
    for (std::size_t i = 0; i + 160 <= heard.size(); i += 160) {
        double energy = 0;
        for (std::size_t k = i; k < i + 160; ++k)
            energy += double(heard[k]) * heard[k];
        loudest = std::max(loudest, std::sqrt(energy / 160));
    }
    QVERIFY2(heard.size() > 8000, "less than a second of the caller's audio reached fromLine");
    QVERIFY2(loudest > 500, qPrintable(QStringLiteral("loudest speech block rms %1").arg(loudest)));
    QCOMPARE(a->state(), int(Connected));

    // The exchange's busy tone: the far end hung up.
    auto busy = playToLine(QStringLiteral("busy_us_480+620_500-500.wav"));
    QVERIFY(waitForState(a, Disconnected));
    QCOMPARE(a->disconnectMode(), int(DisconnectBusy));
    QVERIFY(QTest::qWaitFor([&] { return audioChanged.size() == 2; }, Bound));
    QVERIFY(!f.engine().audioEndpoint(a));
    const int drop = a->drop();
    QVERIFY(drop > 0);
    QVERIFY(waitForState(a, Idle));
    QCOMPARE(modem.dtrHistory(), (QList<bool> {false, true, false}));
    QCOMPARE(a->terminate(), 0);
    QVERIFY(QTest::qWaitFor([&] { return f.engine().sessionCount() == 0; }, Bound));
    QCOMPARE(f.recorder().events(),
             withIds({"add(A)", "S(A)=OFFERING/ACTIVE", "reply({id},0)", "S(A)=CONNECTED/ACTIVE",
                      "S(A)=DISCONNECTED/BUSY", "reply({id2},0)", "S(A)=IDLE", "term(A)"},
                     {answer, drop}));
    stopPlaying(busy.get());
}

void TestSoundLinePulse::outboundDialRingbackAnswer()
{
    CardLineOnPty card;
    QVERIFY(card.inService());
    PtyModemLines &modem = card.modem;
    SoundLineFixture &f = card.line;
    LineMonitor monitor;
    QVERIFY(monitor.started());
    const int make = f.line()->makeCall(QStringLiteral("5551234"));
    QVERIFY(make > 0);
    QVERIFY(QTest::qWaitFor([&] { return f.session() != nullptr; }, Bound));
    CallSession *a = f.session();
    f.recorder().name(a, QStringLiteral("A"));
    QVERIFY(waitForState(a, DialTone));
    QCOMPARE(modem.dtrHistory(), (QList<bool> {false, true}));

    auto dialTone = playToLine(QStringLiteral("dialtone_us_350+440_3s.wav"));
    QVERIFY(waitForState(a, Proceeding));
    // The digits went out through the line card: decoded from its monitor by a separate receiver.
    QVERIFY2(QTest::qWaitFor([&] { return monitor.dtmfDigits() == QLatin1String("5551234"); }, Bound),
             qPrintable(QStringLiteral("decoded '%1' from %2 ms recorded; 770 Hz peak %3 dBFS")
                            .arg(monitor.dtmfDigits())
                            .arg(monitor.pcm().size() / 16)
                            .arg(ToneAnalysis::peakLevelDbfs(monitor.pcm(), 770, 8000, 0.02))));
    stopPlaying(dialTone.get());

    auto ringback = playToLine(QStringLiteral("ringback_us_440+480_2000-4000.wav"));
    QVERIFY(waitForState(a, Ringback));
    stopPlaying(ringback.get());
    auto speech = playToLine(QStringLiteral("speech_gb_8k.wav"));
    QVERIFY(waitForState(a, Connected));
    QVERIFY(QTest::qWaitFor([&] { return f.engine().audioEndpoint(a) != nullptr; }, Bound));
    stopPlaying(speech.get());
    const int drop = a->drop();
    QVERIFY(waitForState(a, Idle));
    QCOMPARE(modem.dtrHistory(), (QList<bool> {false, true, false}));
    QCOMPARE(f.recorder().events(),
             withIds({"reply({id},0)", "add(A)", "S(A)=DIALTONE/NORMAL", "S(A)=DIALING", "S(A)=PROCEEDING",
                      "S(A)=RINGBACK", "S(A)=CONNECTED/ACTIVE", "reply({id2},0)", "S(A)=IDLE"},
                     {make, drop}));
}

void TestSoundLinePulse::missingAndUnpluggedCard_data()
{
    QTest::addColumn<bool>("capture");
    QTest::newRow("playback card") << false;
    QTest::newRow("capture card") << true;
}

void TestSoundLinePulse::missingAndUnpluggedCard()
{
    // A card that is not there yet: out of service naming it; plugged: in service; unplugged while
    // running: out of service naming it; plugged again: back.
    QFETCH(bool, capture);
    const QString spare = QStringLiteral("Hookline Test Spare Line");
    QVariantMap config = cardLine(capture ? LineOut : spare);
    if (capture)
        config.insert("captureDevice", spare);
    SoundLineFixture f(config, SoundLineFixture::PinTwin, SoundLineFixture::SoundCard);
    const QString kind = capture ? QStringLiteral("capture") : QStringLiteral("playback");
    QVERIFY(QTest::qWaitFor([&] { return f.line() != nullptr; }, Bound));
    QVERIFY(QTest::qWaitFor(
        [&] {
            return f.line()->outOfServiceReason()
                == QStringLiteral("%1 sound card '%2' is not present").arg(kind, spare);
        },
        Bound));

    // A spare card: a null sink (playback), or a source remapped from its monitor (capture).
    const auto plug = [&](QStringList *modules) {
        QString error;
        QString sink;
        if (!PulseControl::pactl({QStringLiteral("load-module"), QStringLiteral("module-null-sink"),
                                  QStringLiteral("sink_name=hookline_spare"), QStringLiteral("rate=8000"),
                                  QStringLiteral("sink_properties=\"device.description='%1'\"")
                                      .arg(capture ? spare + QStringLiteral(" Feed") : spare)},
                                 &sink, &error))
            return error;
        modules->append(sink.trimmed());
        if (capture) {
            QString source;
            if (!PulseControl::pactl(
                    {QStringLiteral("load-module"), QStringLiteral("module-remap-source"),
                     QStringLiteral("source_name=hookline_spare_in"),
                     QStringLiteral("master=hookline_spare.monitor"),
                     QStringLiteral("source_properties=\"device.description='%1'\"").arg(spare)},
                    &source, &error))
                return error;
            modules->append(source.trimmed());
        }
        return QString();
    };
    const auto unplug = [](QStringList *modules) {
        bool ok = true;
        while (!modules->isEmpty())
            ok = PulseControl::pactl({QStringLiteral("unload-module"), modules->takeLast()}) && ok;
        return ok;
    };
    QStringList modules;
    QString error = plug(&modules);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(QTest::qWaitFor([&] { return f.line()->inService(); }, Bound));

    QVERIFY(unplug(&modules));
    QVERIFY(QTest::qWaitFor([&] { return !f.line()->inService(); }, Bound));
    QCOMPARE(f.line()->outOfServiceReason(),
             QStringLiteral("%1 sound card '%2' was unplugged").arg(kind, spare));
    QCOMPARE(f.line()->makeCall(QStringLiteral("1")), int(ResourceUnavail));

    error = plug(&modules);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(QTest::qWaitFor([&] { return f.line()->inService(); }, Bound));
    QVERIFY(unplug(&modules));
}

HOOKLINE_PULSE_TEST_MAIN(TestSoundLinePulse)
#include "tst_soundline_pulse.moc"
