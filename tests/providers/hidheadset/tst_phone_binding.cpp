// Engine-level checks of the headset binding: presses replayed through the fake transport (reader
// thread, queued signals, descriptor decoding) against the real CallEngine and the simulated switch
// in virtual time. Each press must become exactly one session action (requestIssued), and the lamps
// the device receives must mirror the sessions.

#include "HeadsetTestSupport.h"
#include "SimFixture.h"
#include "backend/FakeHidBackend.h"
#include "core/Tapi.h"
#include "device/HeadsetDevice.h"
#include "device/HeadsetManager.h"
#include "devices/PhoneBinding.h"
#include "session/CallSession.h"
#include "session/MuteState.h"
#include "transport/FakeHidTransport.h"

#include <QtTest/qsignalspy.h>
#include <QtTest/qtest.h>

using namespace hookline::hid;
using namespace Tapi;

namespace {
// The console wired to one fake headset: engine + simulated switch, headset manager on the switch's
// virtual clock, and the binding.
class HeadsetRig
{
public:
    explicit HeadsetRig(const QString &fixture, const LineCapabilities &caps = LineCapabilities())
        : fx(caps)
        , backend(new FakeHidBackend)
        , manager(backend)
        , binding(&fx.engine())
        , issued(&fx.engine(), &CallEngine::requestIssued)
    {
        manager.setClock(&fx.sim().clock());
        binding.attach(&manager);
        device = fixtureDevice(fixture);
        transport = backend->plug(device);
        phoneId = device.stableId();
        drained(); // the opening all-off report
        transport->clearWrites();
        issued.clear();
    }

    // Sends one input report and waits until the GUI thread decoded it and the engine settled.
    bool press(const QString &hex)
    {
        HeadsetDevice *headset = manager.device(phoneId);
        if (!headset)
            return false;
        QSignalSpy decoded(headset, &HeadsetDevice::inputDecoded);
        transport->injectInput(fromHex(hex));
        if (!decoded.wait(5000))
            return false;
        fx.settle();
        return true;
    }
    void advance(qint64 ms)
    {
        fx.sim().clock().advance(ms);
        fx.settle();
    }
    // Waits until the I/O thread wrote what the device handed it (true at once without a device).
    bool drained()
    {
        fx.settle();
        HeadsetDevice *headset = manager.device(phoneId);
        while (headset && headset->pendingWrites() > 0) {
            QSignalSpy written(headset, &HeadsetDevice::reportWritten);
            if (headset->pendingWrites() > 0 && !written.wait(5000))
                return false;
        }
        return true;
    }
    // Reports written since the last call, as "02 24 00".
    QStringList takeWrites()
    {
        if (!drained())
            return {QStringLiteral("(writes still pending)")};
        QStringList hex;
        for (const QByteArray &report : transport->writes())
            hex << QString::fromLatin1(report.toHex(' '));
        transport->clearWrites();
        return hex;
    }
    // Actions issued since the last call, as "answer@3".
    QStringList takeActions()
    {
        QStringList actions;
        for (const QList<QVariant> &args : std::as_const(issued))
            actions << QStringLiteral("%1@%2").arg(args.at(1).toString()).arg(args.at(2).toInt());
        issued.clear();
        return actions;
    }
    QString at(const CallSession *session, const QString &action) const
    {
        return QStringLiteral("%1@%2").arg(action).arg(session->sessionId());
    }

    SimFixture fx;
    FakeHidBackend *backend;
    HeadsetManager manager;
    PhoneBinding binding;
    QSignalSpy issued;
    HidDeviceInfo device;
    std::shared_ptr<FakeHidTransport> transport;
    QString phoneId;
};
} // namespace

class TestPhoneBinding : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void answerFromHeadset_data();
    void answerFromHeadset();
    void onHookDrops();
    void unconfirmedPress();
    void muteToggle_data();
    void muteToggle();
    void muteLock();
    void holdKeepsOffHookAndIgnoresEcho();
    void flashSwapsTwoCalls();
    void flashAnswersWaitingCall();
    void rejectButton_data();
    void rejectButton();
    void redial();
    void ringOnlyWhenAvailable();
    void unplugMidCallAndReplug();
    void dismissGonePhone();
    void refusedActionReverts();
    void quitClearsLamps();
    void onlyTheActivePhoneActs();
};

void TestPhoneBinding::answerFromHeadset_data()
{
    QTest::addColumn<QString>("fixture");
    QTest::addColumn<QStringList>("ringing");
    QTest::addColumn<QString>("offHook");
    QTest::addColumn<QStringList>("answered");

    QTest::newRow("Jabra") << "0b0e-0307.bin" << QStringList {"02 24 00"} << "02 01 00"
                           << QStringList {"02 01 00"};
    QTest::newRow("Poly BT700: one LED per report")
        << "047f-02e6.bin" << QStringList {"21 01"} << "20 01" << QStringList {"21 00", "24 01"};
    QTest::newRow("Sennheiser SC 660")
        << "1395-0082.bin" << QStringList {"09 04"} << "08 02" << QStringList {"09 12"};
    QTest::newRow("EPOS volume in report") << "synthetic-volume-in-telephony-report.bin"
                                           << QStringList {"03 09"} << "02 04" << QStringList {"03 22"};
    QTest::newRow("unnumbered reports")
        << "synthetic-unnumbered-headset.bin" << QStringList {"00 14"} << "01" << QStringList {"00 01"};
}

void TestPhoneBinding::answerFromHeadset()
{
    QFETCH(QString, fixture);
    QFETCH(QStringList, ringing);
    QFETCH(QString, offHook);
    QFETCH(QStringList, answered);

    HeadsetRig rig(fixture);
    CallSession *a = rig.fx.offer(QStringLiteral("alice"));
    QVERIFY(a);
    QCOMPARE(rig.takeWrites(), ringing);
    rig.advance(1000);

    QVERIFY(rig.press(offHook));
    QCOMPARE(a->state(), int(Connected));
    QCOMPARE(rig.takeActions(), QStringList {rig.at(a, QStringLiteral("answer"))});
    QCOMPARE(rig.takeWrites(), answered);

    // The device's echo of our Off-Hook is not a second press.
    QVERIFY(rig.press(offHook));
    QCOMPARE(rig.takeActions(), QStringList());
    QCOMPARE(rig.takeWrites(), QStringList());
    QCOMPARE(a->state(), int(Connected));
}

void TestPhoneBinding::onHookDrops()
{
    HeadsetRig rig(QStringLiteral("0b0e-0307.bin"));
    CallSession *a = rig.fx.offer(QStringLiteral("alice"));
    QVERIFY(a);
    QVERIFY(rig.press(QStringLiteral("02 01 00")));
    QCOMPARE(a->state(), int(Connected));
    rig.takeActions();
    rig.takeWrites();
    rig.advance(1000);

    QVERIFY(rig.press(QStringLiteral("02 00 00")));
    QCOMPARE(rig.takeActions(), QStringList {rig.at(a, QStringLiteral("drop"))});
    QCOMPARE(a->state(), int(Idle));
    QCOMPARE(rig.takeWrites(), QStringList {"02 00 00"});
}

void TestPhoneBinding::unconfirmedPress()
{
    HeadsetRig rig(QStringLiteral("0b0e-0307.bin"));
    QSignalSpy ignored(&rig.binding, &PhoneBinding::pressIgnored);
    QVERIFY(rig.press(QStringLiteral("02 01 00")));
    QCOMPARE(rig.takeActions(), QStringList());
    QCOMPARE(ignored.size(), 1);
    // The host says "no" at once: the complete (off) state again, so the device reverts.
    QCOMPARE(rig.takeWrites(), QStringList {"02 00 00"});
    rig.advance(2000);
    QVERIFY(rig.press(QStringLiteral("02 00 00"))); // the device withdraws its press
    QCOMPARE(rig.takeActions(), QStringList());
    QCOMPARE(rig.takeWrites(), QStringList());
    QCOMPARE(ignored.size(), 1);
    QCOMPARE(rig.fx.engine().sessionCount(), 0);
}

void TestPhoneBinding::muteToggle_data()
{
    QTest::addColumn<QString>("fixture");
    QTest::addColumn<QString>("offHook");
    QTest::addColumn<QString>("mutePressed");
    QTest::addColumn<QStringList>("mutedWrites");
    QTest::addColumn<QStringList>("unmutedWrites");

    QTest::newRow("Jabra") << "0b0e-0307.bin"
                           << "02 01 00"
                           << "02 05 00" << QStringList {"02 13 00"} << QStringList {"02 01 00"};
    QTest::newRow("Poly BT700") << "047f-02e6.bin"
                                << "20 01"
                                << "20 03" << QStringList {"23 01"} << QStringList {"23 00"};
}

void TestPhoneBinding::muteToggle()
{
    QFETCH(QString, fixture);
    QFETCH(QString, offHook);
    QFETCH(QString, mutePressed);
    QFETCH(QStringList, mutedWrites);
    QFETCH(QStringList, unmutedWrites);

    HeadsetRig rig(fixture);
    MuteState *mute = rig.fx.engine().mute();
    QSignalSpy muted(mute, &MuteState::mutedChanged);
    CallSession *a = rig.fx.offer(QStringLiteral("alice"));
    QVERIFY(a);
    QVERIFY(rig.press(offHook));
    QCOMPARE(a->state(), int(Connected));
    rig.takeActions();
    rig.takeWrites();
    rig.advance(1000);

    // Press and release: one toggle.
    QVERIFY(rig.press(mutePressed));
    QVERIFY(rig.press(offHook));
    QCOMPARE(muted.size(), 1);
    QCOMPARE(muted.at(0).at(0).toBool(), true);
    QCOMPARE(muted.at(0).at(1).value<MuteState::Source>(), MuteState::Headset);
    QCOMPARE(rig.takeWrites(), mutedWrites);
    rig.advance(2000);

    QVERIFY(rig.press(mutePressed));
    QVERIFY(rig.press(offHook));
    QCOMPARE(muted.size(), 2);
    QCOMPARE(mute->isMuted(), false);
    QCOMPARE(rig.takeWrites(), unmutedWrites);
    QCOMPARE(rig.takeActions(), QStringList()); // mute is not a session action

    // The UI goes through the same owner; the lamp follows.
    mute->setMuted(true, MuteState::User);
    QCOMPARE(rig.takeWrites(), mutedWrites);
}

void TestPhoneBinding::muteLock()
{
    HeadsetRig rig(QStringLiteral("0b0e-0307.bin"));
    MuteState *mute = rig.fx.engine().mute();
    CallSession *a = rig.fx.offer(QStringLiteral("alice"));
    QVERIFY(a);
    QVERIFY(rig.press(QStringLiteral("02 01 00")));
    rig.advance(2000);
    QVERIFY(rig.press(QStringLiteral("02 05 00")));
    QVERIFY(rig.press(QStringLiteral("02 01 00")));
    QVERIFY(mute->isMuted());
    rig.takeWrites();
    rig.advance(2000);

    QSignalSpy muted(mute, &MuteState::mutedChanged);
    QSignalSpy locked(&rig.binding, &PhoneBinding::muteLockedChanged);
    mute->setMuted(false, MuteState::User); // the agent unmutes in the UI
    QCOMPARE(rig.takeWrites(), QStringList {"02 01 00"});
    rig.advance(50);
    // The boom arm's lock bounces the unmute: the headset asks to mute, twice.
    QVERIFY(rig.press(QStringLiteral("02 05 00")));
    QVERIFY(rig.press(QStringLiteral("02 01 00")));
    rig.advance(100);
    QVERIFY(rig.press(QStringLiteral("02 05 00")));
    QVERIFY(rig.press(QStringLiteral("02 01 00")));

    QCOMPARE(muted.size(), 2); // unmute by the user, mute by the headset; no flip-flop
    QCOMPARE(muted.at(0).at(0).toBool(), false);
    QCOMPARE(muted.at(1).at(0).toBool(), true);
    QVERIFY(mute->isMuted());
    QVERIFY(rig.binding.isMuteLocked());
    QCOMPARE(locked.size(), 1);
    QCOMPARE(rig.takeWrites(), QStringList {"02 13 00"});

    // Outside the window a press is an ordinary toggle again.
    rig.advance(5000);
    QVERIFY(rig.press(QStringLiteral("02 05 00")));
    QVERIFY(rig.press(QStringLiteral("02 01 00")));
    QVERIFY(!mute->isMuted());
    QVERIFY(!rig.binding.isMuteLocked());
    QCOMPARE(a->state(), int(Connected));
}

void TestPhoneBinding::holdKeepsOffHookAndIgnoresEcho()
{
    HeadsetRig rig(QStringLiteral("0b0e-0307.bin"));
    CallSession *a = rig.fx.offer(QStringLiteral("alice"));
    QVERIFY(a);
    QVERIFY(rig.press(QStringLiteral("02 01 00")));
    rig.advance(2000);
    rig.takeWrites();
    rig.takeActions();

    QCOMPARE(rig.fx.completionOf(a->hold()), int(Success)); // hold from the UI
    QCOMPARE(a->state(), int(OnHold));
    QCOMPARE(rig.takeWrites(), QStringList {"02 09 00"}); // Off-Hook kept with Hold
    rig.takeActions();
    rig.advance(100);
    QVERIFY(rig.press(QStringLiteral("02 00 00"))); // Jabra's hook echo of the Hold write
    QCOMPARE(rig.takeActions(), QStringList());
    QCOMPARE(a->state(), int(OnHold));
    rig.advance(2000);

    // Flash (relative, b3) resumes the held call: one action.
    QVERIFY(rig.press(QStringLiteral("02 08 00")));
    QVERIFY(rig.press(QStringLiteral("02 00 00")));
    QCOMPARE(rig.takeActions(), QStringList {rig.at(a, QStringLiteral("unhold"))});
    QCOMPARE(a->state(), int(Connected));
    QCOMPARE(rig.takeWrites(), QStringList {"02 01 00"});
    rig.advance(2000);
    // And holds it again.
    QVERIFY(rig.press(QStringLiteral("02 09 00")));
    QVERIFY(rig.press(QStringLiteral("02 01 00")));
    QCOMPARE(rig.takeActions(), QStringList {rig.at(a, QStringLiteral("hold"))});
    QCOMPARE(a->state(), int(OnHold));
}

void TestPhoneBinding::flashSwapsTwoCalls()
{
    HeadsetRig rig(QStringLiteral("0b0e-0307.bin"));
    CallSession *a = rig.fx.answered(QStringLiteral("alice"));
    QVERIFY(a);
    QCOMPARE(rig.fx.completionOf(a->hold()), int(Success));
    CallSession *b = rig.fx.answered(QStringLiteral("bob"));
    QVERIFY(b);
    QCOMPARE(a->state(), int(OnHold));
    rig.advance(2000);
    rig.takeActions();

    QVERIFY(rig.press(QStringLiteral("02 09 00")));
    QVERIFY(rig.press(QStringLiteral("02 01 00")));
    QCOMPARE(rig.takeActions(),
             (QStringList {rig.at(b, QStringLiteral("hold")), rig.at(a, QStringLiteral("unhold"))}));
    QCOMPARE(b->state(), int(OnHold));
    QCOMPARE(a->state(), int(Connected));
}

void TestPhoneBinding::flashAnswersWaitingCall()
{
    HeadsetRig rig(QStringLiteral("0b0e-0307.bin"));
    CallSession *a = rig.fx.answered(QStringLiteral("alice"));
    QVERIFY(a);
    CallSession *b = rig.fx.offer(QStringLiteral("bob")); // call waiting
    QVERIFY(b);
    QCOMPARE(b->state(), int(Offering));
    rig.advance(2000);
    rig.takeActions();

    // Flash: hold alice, then answer bob once the hold completed; one press, two actions in that order.
    QVERIFY(rig.press(QStringLiteral("02 09 00")));
    QVERIFY(rig.press(QStringLiteral("02 01 00")));
    QCOMPARE(rig.takeActions(),
             (QStringList {rig.at(a, QStringLiteral("hold")), rig.at(b, QStringLiteral("answer"))}));
    QCOMPARE(a->state(), int(OnHold));
    QCOMPARE(b->state(), int(Connected));
    rig.advance(2000);

    // Flash again swaps back.
    QVERIFY(rig.press(QStringLiteral("02 09 00")));
    QVERIFY(rig.press(QStringLiteral("02 01 00")));
    QCOMPARE(rig.takeActions(),
             (QStringList {rig.at(b, QStringLiteral("hold")), rig.at(a, QStringLiteral("unhold"))}));
    QCOMPARE(a->state(), int(Connected));
    QCOMPARE(b->state(), int(OnHold));
}

void TestPhoneBinding::rejectButton_data()
{
    QTest::addColumn<QString>("fixture");
    QTest::addColumn<QString>("press");
    QTest::addColumn<QString>("release");
    QTest::addColumn<QStringList>("lampsOff");

    QTest::newRow("EPOS IMPACT D1: Drop") << "1395-009c.bin"
                                          << "02 10"
                                          << "02 00" << QStringList {"03 00"};
    QTest::newRow("EPOS IMPACT D1: Button 1") << "1395-009c.bin"
                                              << "02 20"
                                              << "02 00" << QStringList {"03 00"};
    QTest::newRow("Sennheiser SC 660: Drop") << "1395-0082.bin"
                                             << "08 10"
                                             << "08 00" << QStringList {"09 00"};
    QTest::newRow("unnumbered: Button 1") << "synthetic-unnumbered-headset.bin"
                                          << "08"
                                          << "00" << QStringList {"00 00"};
}

void TestPhoneBinding::rejectButton()
{
    QFETCH(QString, fixture);
    QFETCH(QString, press);
    QFETCH(QString, release);
    QFETCH(QStringList, lampsOff);

    HeadsetRig rig(fixture);
    CallSession *a = rig.fx.offer(QStringLiteral("alice"));
    QVERIFY(a);
    rig.takeWrites();
    rig.advance(1000);
    QVERIFY(rig.press(press));
    QVERIFY(rig.press(release));
    QCOMPARE(rig.takeActions(), QStringList {rig.at(a, QStringLiteral("reject"))});
    QCOMPARE(a->state(), int(Idle));
    QCOMPARE(rig.takeWrites(), lampsOff);
}

void TestPhoneBinding::redial()
{
    HeadsetRig rig(QStringLiteral("0b0e-0307.bin"));
    // Nothing dialled yet: Redial (relative, b4) has nothing to do.
    QVERIFY(rig.press(QStringLiteral("02 10 00")));
    QVERIFY(rig.press(QStringLiteral("02 00 00")));
    QCOMPARE(rig.takeActions(), QStringList());

    CallSession *first = rig.fx.dialOut(rig.fx.peerNumber(QStringLiteral("bob")));
    QVERIFY(first);
    QCOMPARE(rig.fx.completionOf(first->drop(QByteArray())), int(Success));
    rig.advance(1000);
    rig.takeActions();

    const int mark = rig.fx.addedMark();
    QVERIFY(rig.press(QStringLiteral("02 10 00")));
    QVERIFY(rig.press(QStringLiteral("02 00 00")));
    QCOMPARE(rig.takeActions(), QStringList {QStringLiteral("makeCall@0")});
    const QList<CallSession *> added = rig.fx.sessionsAddedSince(mark);
    QCOMPARE(added.size(), 1);
    QCOMPARE(added.first()->calledNumber(), QStringLiteral("2002"));
    QCOMPARE(added.first()->state(), int(Dialing));
}

void TestPhoneBinding::ringOnlyWhenAvailable()
{
    HeadsetRig rig(QStringLiteral("0b0e-0307.bin"));
    rig.binding.setAvailable(false);
    CallSession *a = rig.fx.offer(QStringLiteral("alice"));
    QVERIFY(a);
    QCOMPARE(rig.takeWrites(), QStringList());
    rig.binding.setAvailable(true);
    QCOMPARE(rig.takeWrites(), QStringList {"02 24 00"});
    rig.fx.sim().remoteHangup(QStringLiteral("alice"), DisconnectNormal); // caller gives up
    rig.fx.settle();
    QCOMPARE(rig.takeWrites(), QStringList {"02 00 00"});
}

void TestPhoneBinding::unplugMidCallAndReplug()
{
    HeadsetRig rig(QStringLiteral("0b0e-0307.bin"));
    QSignalSpy phones(&rig.binding, &PhoneBinding::phonesChanged);
    CallSession *a = rig.fx.offer(QStringLiteral("alice"));
    QVERIFY(a);
    QVERIFY(rig.press(QStringLiteral("02 01 00")));
    QCOMPARE(a->state(), int(Connected));
    rig.takeActions();
    QVERIFY(rig.binding.activePhonePresent());

    rig.backend->unplug(rig.device.path);
    rig.fx.settle();
    QVERIFY(!rig.binding.activePhonePresent());
    QCOMPARE(rig.binding.phones().size(), 1);
    const QVariantMap gone = rig.binding.phones().first().toMap();
    QCOMPARE(gone.value(QStringLiteral("present")).toBool(), false);
    QCOMPARE(gone.value(QStringLiteral("reason")).toString(), QStringLiteral("unplugged"));
    QCOMPARE(a->state(), int(Connected)); // the call goes on
    QCOMPARE(rig.takeActions(), QStringList());

    rig.transport = rig.backend->plug(rig.device);
    rig.fx.settle();
    QVERIFY(rig.binding.activePhonePresent());
    QCOMPARE(rig.binding.activePhoneId(), rig.phoneId);
    // The new device gets the complete state in one write (opening clear + lamps coalesced).
    QCOMPARE(rig.takeWrites(), QStringList {"02 01 00"});
    QVERIFY(phones.size() >= 2);
}

void TestPhoneBinding::dismissGonePhone()
{
    HeadsetRig rig(QStringLiteral("0b0e-0307.bin"));
    QSignalSpy phones(&rig.binding, &PhoneBinding::phonesChanged);
    QSignalSpy active(&rig.binding, &PhoneBinding::activePhoneChanged);
    QVERIFY(!rig.binding.dismissPhone(rig.phoneId)); // present: stays
    QVERIFY(!rig.binding.dismissPhone(QStringLiteral("0000:0000:none")));
    QCOMPARE(phones.size(), 0);

    rig.backend->unplug(rig.device.path);
    rig.fx.settle();
    QCOMPARE(rig.binding.phones().size(), 1); // gone, still listed
    phones.clear();
    active.clear();
    QVERIFY(rig.binding.dismissPhone(rig.phoneId));
    QCOMPARE(rig.binding.phones().size(), 0);
    QCOMPARE(phones.size(), 1);
    QCOMPARE(active.size(), 0); // a gone phone stopped being the active one when it went
    QCOMPARE(rig.binding.activePhoneId(), QString());

    // Plugged in again, it is back and active.
    rig.transport = rig.backend->plug(rig.device);
    rig.fx.settle();
    QCOMPARE(rig.binding.activePhoneId(), rig.phoneId);
    QVERIFY(rig.binding.activePhonePresent());
}

void TestPhoneBinding::refusedActionReverts()
{
    LineCapabilities noHold;
    noHold.callFeatures &= ~FeatureHold;
    HeadsetRig rig(QStringLiteral("0b0e-0307.bin"), noHold);
    QSignalSpy ignored(&rig.binding, &PhoneBinding::pressIgnored);
    CallSession *a = rig.fx.offer(QStringLiteral("alice"));
    QVERIFY(a);
    QVERIFY(rig.press(QStringLiteral("02 01 00")));
    QCOMPARE(a->state(), int(Connected));
    rig.advance(1000);
    rig.takeWrites();
    rig.takeActions();

    // The line cannot hold: the engine refuses at once, nothing is issued, the device is told "no".
    QVERIFY(rig.press(QStringLiteral("02 09 00")));
    QVERIFY(rig.press(QStringLiteral("02 01 00")));
    QCOMPARE(rig.takeActions(), QStringList());
    QCOMPARE(ignored.size(), 1);
    QCOMPARE(ignored.first().at(2).toInt(), int(OperationUnavail));
    QCOMPARE(rig.takeWrites(), QStringList {"02 01 00"}); // the unchanged state, re-sent
    QCOMPARE(a->state(), int(Connected));
}

void TestPhoneBinding::quitClearsLamps()
{
    HeadsetRig rig(QStringLiteral("0b0e-0307.bin"));
    CallSession *a = rig.fx.answered(QStringLiteral("alice"));
    QVERIFY(a);
    rig.fx.engine().mute()->setMuted(true, MuteState::User);
    QCOMPARE(rig.takeWrites().last(), QStringLiteral("02 13 00"));
    rig.fx.offer(QStringLiteral("bob"));
    QCOMPARE(rig.takeWrites(), QStringList {"02 37 00"}); // Off-Hook, Mute, Ring, Microphone, Ringer
    rig.binding.shutdown();
    rig.manager.stop();
    QCOMPARE(rig.takeWrites(), QStringList {"02 00 00"});
}

void TestPhoneBinding::onlyTheActivePhoneActs()
{
    HeadsetRig rig(QStringLiteral("0b0e-0307.bin"));
    const HidDeviceInfo second = fixtureDevice(QStringLiteral("1395-0082.bin"), 1);
    auto secondTransport = rig.backend->plug(second);
    rig.fx.settle();
    HeadsetDevice *other = rig.manager.device(second.stableId());
    QVERIFY(other);
    QTRY_COMPARE(other->pendingWrites(), 0);
    secondTransport->clearWrites();
    QCOMPARE(rig.binding.activePhoneId(), rig.phoneId); // the first usable one

    CallSession *a = rig.fx.offer(QStringLiteral("alice"));
    QVERIFY(a);
    QCOMPARE(rig.takeWrites(), QStringList {"02 24 00"});
    QVERIFY(secondTransport->writes().isEmpty());

    // The other headset's hook does not answer.
    QSignalSpy decoded(other, &HeadsetDevice::inputDecoded);
    secondTransport->injectInput(fromHex(QStringLiteral("08 02")));
    QVERIFY(decoded.wait(5000));
    rig.fx.settle();
    QCOMPARE(rig.takeActions(), QStringList());
    QCOMPARE(a->state(), int(Offering));

    // Choosing it moves the lamps over.
    rig.binding.setActivePhoneId(second.stableId());
    rig.fx.settle();
    QCOMPARE(rig.takeWrites(), QStringList {"02 00 00"});
    QTRY_COMPARE(other->pendingWrites(), 0);
    QCOMPARE(secondTransport->writes().last().toHex(' '), QByteArray("09 04"));
}

QTEST_GUILESS_MAIN(TestPhoneBinding)
#include "tst_phone_binding.moc"
