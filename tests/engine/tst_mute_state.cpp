// The engine's one mute owner: requests from any source flip it once, echoes change nothing, and
// the microphone is unmuted when the last call in progress ends (never while one is held).
#include "SimFixture.h"

#include "session/CallSession.h"
#include "session/MuteState.h"

#include <QtTest/qsignalspy.h>
#include <QtTest/qtest.h>

class tst_MuteState : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void requests_data()
    {
        QTest::addColumn<QList<int>>("requests"); // 0 = unmute, 1 = mute, 2 = toggle
        QTest::addColumn<QList<bool>>("signalled"); // the value of every mutedChanged, in order
        QTest::addColumn<bool>("final");
        QTest::newRow("mute") << QList<int> {1} << QList<bool> {true} << true;
        QTest::newRow("mute twice is one change") << QList<int> {1, 1} << QList<bool> {true} << true;
        QTest::newRow("unmute when not muted is nothing") << QList<int> {0} << QList<bool> {} << false;
        QTest::newRow("toggle twice") << QList<int> {2, 2} << QList<bool> {true, false} << false;
        QTest::newRow("toggle then echo of the new state") << QList<int> {2, 1} << QList<bool> {true} << true;
        QTest::newRow("mute, toggle, toggle")
            << QList<int> {1, 2, 2} << QList<bool> {true, false, true} << true;
    }

    void requests()
    {
        QFETCH(QList<int>, requests);
        QFETCH(QList<bool>, signalled);
        QFETCH(bool, final);
        MuteState mute;
        QSignalSpy spy(&mute, &MuteState::mutedChanged);
        for (int request : requests) {
            if (request == 2)
                mute.toggle(MuteState::Headset);
            else
                mute.setMuted(request == 1, MuteState::User);
        }
        QList<bool> seen;
        for (const auto &args : spy)
            seen << args.at(0).toBool();
        QCOMPARE(seen, signalled);
        QCOMPARE(mute.isMuted(), final);
    }

    void sourceIsRecorded()
    {
        MuteState mute;
        QSignalSpy spy(&mute, &MuteState::mutedChanged);
        mute.toggle(MuteState::Headset);
        mute.setMuted(false, MuteState::Line);
        QCOMPARE(spy.size(), 2);
        QCOMPARE(spy.at(0).at(1).value<MuteState::Source>(), MuteState::Headset);
        QCOMPARE(spy.at(1).at(1).value<MuteState::Source>(), MuteState::Line);
        QCOMPARE(mute.lastSource(), MuteState::Line);
    }

    void unmutedWhenTheLastCallEnds()
    {
        SimFixture f;
        CallSession *first = f.answered(QStringLiteral("alice"));
        QVERIFY(first);
        CallSession *second = f.offer(QStringLiteral("bob"));
        QVERIFY(second);
        QCOMPARE(f.engine().callsInProgress(), 1); // an offered call carries no voice yet
        MuteState *mute = f.engine().mute();
        mute->setMuted(true, MuteState::User);
        QSignalSpy spy(mute, &MuteState::mutedChanged);

        QVERIFY(first->hold() > 0);
        f.settle();
        QCOMPARE(first->state(), int(Tapi::OnHold));
        QVERIFY(mute->isMuted()); // held is still in progress
        QVERIFY(second->answer() > 0);
        f.settle();
        QCOMPARE(f.engine().callsInProgress(), 2);
        QVERIFY(second->drop(QByteArray()) > 0);
        f.settle();
        QVERIFY(mute->isMuted());
        QCOMPARE(spy.size(), 0);

        QVERIFY(f.sim().remoteHangup(QStringLiteral("alice"), Tapi::DisconnectNormal));
        f.settle();
        QCOMPARE(first->state(), int(Tapi::Disconnected));
        QCOMPARE(f.engine().callsInProgress(), 0);
        QCOMPARE(spy.size(), 1);
        QCOMPARE(spy.at(0).at(0).toBool(), false);
        QCOMPARE(spy.at(0).at(1).value<MuteState::Source>(), MuteState::Engine);
    }

    void terminatingAConnectedCallEndsItsProgress()
    {
        SimFixture f;
        CallSession *session = f.answered(QStringLiteral("alice"));
        QVERIFY(session);
        f.engine().mute()->setMuted(true);
        QCOMPARE(f.engine().callsInProgress(), 1);
        QCOMPARE(session->terminate(), int(Tapi::Success)); // synchronous, like lineDeallocateCall
        f.settle();
        QCOMPARE(f.engine().callsInProgress(), 0);
        QVERIFY(!f.engine().mute()->isMuted());
    }
};

QTEST_GUILESS_MAIN(tst_MuteState)
#include "tst_mute_state.moc"
