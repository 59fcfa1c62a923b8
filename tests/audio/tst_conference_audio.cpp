// Conferences the console hosts: every party hears the agent and the other parties, never itself; the
// agent hears every party. ConferenceMix on its own (parties at 8, 16 and 48 kHz, fed in blocks as a
// cycle does), then the CallAudioRouter with the buffer twin of the devices on a three-party sim
// conference whose far ends are tone generators at those rates: what each far end hears, while the
// conference talks, while it is held for a party being added, and after the parent is dropped.
#include "SimFixture.h"
#include "ToneAnalysis.h"
#include "ToneFarEnd.h"
#include "ToneHeadset.h"

#include "audio/BufferAgentAudioIo.h"
#include "audio/CallAudioRouter.h"
#include "audio/ConferenceMix.h"
#include "core/Tapi.h"
#include "providers/LineAudioEndpoint.h"
#include "session/CallSession.h"
#include "settings/ConsoleSettings.h"

#include <QtCore/qtemporarydir.h>
#include <QtTest/qtest.h>

#include <atomic>

using namespace Tapi;

namespace {

struct Tone
{
    int rate;
    double hz;
};

QString levelsText(std::span<const int16_t> samples, int rate, const QList<double> &frequencies)
{
    QStringList parts;
    for (double hz : frequencies)
        parts.append(
            QStringLiteral("%1 Hz %2").arg(hz).arg(ToneAnalysis::levelDbfs(samples, hz, rate), 0, 'f', 1));
    return parts.join(QStringLiteral(", "));
}

} // namespace

class tst_ConferenceAudio : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void mixGivesEveryPartyTheOthers();
    void routerMixesASimConference();
};

void tst_ConferenceAudio::mixGivesEveryPartyTheOthers()
{
    // Three parties of conference 7 and one of conference 9, 2 s in 20 ms blocks at their line rates.
    const Tone tones[] = {{8000, 1000.0}, {16000, 600.0}, {48000, 1500.0}, {8000, 700.0}};
    ConferenceMix mix;
    for (int party = 0; party < 4; ++party)
        mix.setConference(party, party == 3 ? 9 : 7, tones[party].rate);
    std::vector<QByteArray> source;
    for (const Tone &tone : tones)
        source.push_back(ToneAnalysis::sine(tone.hz, -12.0, tone.rate, 2.0));
    std::vector<std::vector<int16_t>> heard(4);
    for (int block = 0; block < 100; ++block) {
        for (int party = 0; party < 4; ++party) {
            const std::size_t n = std::size_t(tones[party].rate) / 50;
            mix.collect(party, ToneAnalysis::samplesOf(source[std::size_t(party)]).subspan(n * block, n),
                        true);
        }
        mix.distribute();
        for (int party = 0; party < 4; ++party) {
            std::vector<int16_t> toLine(std::size_t(tones[party].rate) / 50, 0);
            mix.mixInto(party, toLine);
            heard[std::size_t(party)].insert(heard[std::size_t(party)].end(), toLine.begin(), toLine.end());
        }
    }
    const QList<double> all {1000.0, 600.0, 1500.0, 700.0};
    for (int party = 0; party < 4; ++party) {
        const int rate = tones[party].rate;
        const auto last = std::span<const int16_t>(heard[std::size_t(party)]).last(std::size_t(rate) / 2);
        const QString what = QStringLiteral("party %1 hears %2").arg(party).arg(levelsText(last, rate, all));
        for (int other = 0; other < 4; ++other) {
            const double level = ToneAnalysis::levelDbfs(last, tones[other].hz, rate);
            const bool together = other != party && (party == 3) == (other == 3);
            if (together)
                QVERIFY2(qAbs(level + 12.0) < 1.0, qPrintable(what));
            else
                QVERIFY2(level < -50.0, qPrintable(what));
        }
    }
    // A party that stops talking (held) is no longer heard, and hears nobody.
    for (int block = 0; block < 25; ++block) {
        for (int party = 0; party < 3; ++party) {
            const std::size_t n = std::size_t(tones[party].rate) / 50;
            mix.collect(party, ToneAnalysis::samplesOf(source[std::size_t(party)]).subspan(n * block, n),
                        party != 1);
        }
        mix.distribute();
        for (int party = 0; party < 3; ++party) {
            std::vector<int16_t> toLine(std::size_t(tones[party].rate) / 50, 0);
            mix.mixInto(party, toLine);
            if (block >= 5) {
                const double fromHeld = ToneAnalysis::levelDbfs(toLine, 600.0, tones[party].rate);
                QVERIFY2(fromHeld < -50.0,
                         qPrintable(QStringLiteral("party %1: %2").arg(party).arg(fromHeld)));
                if (party == 1)
                    QVERIFY(ToneAnalysis::levelDbfs(toLine, 1000.0, tones[party].rate) < -50.0);
            }
        }
    }
    QCOMPARE(mix.queued(1), std::size_t(0));
}

void tst_ConferenceAudio::routerMixesASimConference()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    std::unique_ptr<ConsoleSettings> settings = freshAudioSettings(dir);
    SimFixture fx;
    std::atomic<BufferAgentAudioIo *> io {nullptr}; // the mixer's, made on the audio thread
    CallAudioRouter router(&fx.engine(), nullptr, settings.get(), toneHeadset(48000, 440.0, -12.0, &io),
                           CallAudioMixer::Drive::OwnTimer, nullptr);

    const SimFixture::Conference conference =
        fx.conference({QStringLiteral("alice"), QStringLiteral("bob"), QStringLiteral("carol")});
    QVERIFY(conference.parent);
    QCOMPARE(conference.members.size(), 3);
    const Tone tones[] = {{8000, 1000.0}, {16000, 600.0}, {48000, 1500.0}};
    std::vector<std::unique_ptr<ToneFarEnd>> farEnds;
    for (int i = 0; i < 3; ++i) {
        auto endpoint = std::make_shared<LineAudioEndpoint>(tones[i].rate, QStringLiteral("party %1").arg(i));
        fx.engine().callAudioAttached(fx.engine().callIdOf(conference.members.at(i)), endpoint);
        farEnds.push_back(std::make_unique<ToneFarEnd>(endpoint, tones[i].hz, -12.0));
    }
    QTRY_COMPARE(router.bridgedCalls(), 3);
    const QList<double> all {440.0, 1000.0, 600.0, 1500.0};
    auto checkParties = [&](bool together) {
        for (int i = 0; i < 3; ++i) {
            const int rate = tones[i].rate;
            const auto recent = farEnds[std::size_t(i)]->recent().last(std::size_t(rate) / 4);
            const QString what =
                QStringLiteral("party %1 hears %2").arg(i).arg(levelsText(recent, rate, all));
            if (together) {
                QVERIFY2(qAbs(ToneAnalysis::levelDbfs(recent, 440.0, rate) + 12.0) < 1.5, qPrintable(what));
                QVERIFY2(ToneAnalysis::levelDbfs(recent, tones[i].hz, rate) < -40.0, qPrintable(what));
            }
            for (int other = 0; other < 3; ++other) {
                if (other == i)
                    continue;
                const double level = ToneAnalysis::levelDbfs(recent, tones[other].hz, rate);
                if (together)
                    QVERIFY2(qAbs(level + 12.0) < 1.5, qPrintable(what));
                else
                    QVERIFY2(level < -40.0, qPrintable(what));
            }
        }
    };
    // The measuring window: every far end has heard a full quarter second of the mix.
    letAudioRun(800);
    checkParties(true);

    // A party being added: the conference is held, its parties hear neither the agent nor each other.
    QCOMPARE(fx.completionOf(conference.parent->prepareAddToConference()), int(Success));
    QCOMPARE(conference.parent->state(), int(OnHoldPendConf));
    QTRY_COMPARE(router.bridgedCalls(), 0);
    letAudioRun(600);
    checkParties(false);

    // Dropping the consult brings the conference back.
    CallSession *consult = conference.parent->consultCall();
    QVERIFY(consult);
    QCOMPARE(fx.completionOf(consult->drop(QByteArray())), int(Success));
    QCOMPARE(conference.parent->state(), int(Connected));
    QTRY_COMPARE(router.bridgedCalls(), 3);
    letAudioRun(800);
    checkParties(true);

    // The agent hears every party (the earpiece, 48 kHz).
    BufferAgentAudioIo *twin = io;
    QVERIFY(twin);
    twin->takePlayed();
    letAudioRun(500);
    const std::vector<int16_t> played = twin->takePlayed();
    QVERIFY2(played.size() > 48000 / 4, qPrintable(QString::number(played.size())));
    const auto heard = std::span<const int16_t>(played).last(48000 / 4);
    for (const Tone &tone : tones)
        QVERIFY2(ToneAnalysis::levelDbfs(heard, tone.hz, 48000) > -20.0,
                 qPrintable(levelsText(heard, 48000, all)));

    // Dropping the conference ends every party's audio.
    QCOMPARE(fx.completionOf(conference.parent->drop(QByteArray())), int(Success));
    for (CallSession *member : conference.members)
        QCOMPARE(member->state(), int(Idle));
    QTRY_COMPARE(router.bridgedCalls(), 0);
}

QTEST_GUILESS_MAIN(tst_ConferenceAudio)
#include "tst_conference_audio.moc"
