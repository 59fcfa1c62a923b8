// The TAPI constants, names and the [D-1] TAPI 2 -> TAPI 3 mapping of engine/core/Tapi.h, checked
// against the values and tables of docs/tapi-semantics.md sections 2, 4.1, 6 and 7.
#include "core/Tapi.h"

#include <QtTest/qtest.h>

using namespace Tapi;

class TestTapiNames : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void stateValues_data();
    void stateValues();
    void otherConstants();
    void errorValues_data();
    void errorValues();
    void modeNames_data();
    void modeNames();
    void privilegeAndFeatureNames();
    void callState3Mapping_data();
    void callState3Mapping();
    void disconnectModeMapping_data();
    void disconnectModeMapping();
    void eventCauseForStates();
    void t3Names();
    void unknownValues();
};

void TestTapiNames::stateValues_data()
{
    QTest::addColumn<int>("state");
    QTest::addColumn<int>("value"); // LINECALLSTATE_* (Wine include/tapi.h)
    QTest::addColumn<QString>("name");
    const struct
    {
        int state;
        int value;
        const char *name;
    } rows[] = {
        {Idle, 0x1, "IDLE"},
        {Offering, 0x2, "OFFERING"},
        {Accepted, 0x4, "ACCEPTED"},
        {DialTone, 0x8, "DIALTONE"},
        {Dialing, 0x10, "DIALING"},
        {Ringback, 0x20, "RINGBACK"},
        {Busy, 0x40, "BUSY"},
        {SpecialInfo, 0x80, "SPECIALINFO"},
        {Connected, 0x100, "CONNECTED"},
        {Proceeding, 0x200, "PROCEEDING"},
        {OnHold, 0x400, "ONHOLD"},
        {Conferenced, 0x800, "CONFERENCED"},
        {OnHoldPendConf, 0x1000, "ONHOLDPENDCONF"},
        {OnHoldPendTransfer, 0x2000, "ONHOLDPENDTRANSFER"},
        {Disconnected, 0x4000, "DISCONNECTED"},
        {Unknown, 0x8000, "UNKNOWN"},
    };
    for (const auto &row : rows)
        QTest::newRow(row.name) << row.state << row.value << QString::fromLatin1(row.name);
}

void TestTapiNames::stateValues()
{
    QFETCH(int, state);
    QFETCH(int, value);
    QFETCH(QString, name);
    QCOMPARE(state, value);
    QCOMPARE(stateName(state), name);
    bool ok = false;
    QCOMPARE(stateFromName(name, &ok), state);
    QVERIFY(ok);
    // Scenario files may write names in lower case or with TAPI's underscores.
    QCOMPARE(stateFromName(name.toLower(), &ok), state);
    QVERIFY(ok);
}

void TestTapiNames::otherConstants()
{
    // LINEDISCONNECTMODE_ (section 2.1).
    const int disconnectModes[] = {
        DisconnectNormal,      DisconnectUnknown,       DisconnectReject,       DisconnectPickup,
        DisconnectForwarded,   DisconnectBusy,          DisconnectNoAnswer,     DisconnectBadAddress,
        DisconnectUnreachable, DisconnectCongestion,    DisconnectIncompatible, DisconnectUnavail,
        DisconnectNoDialTone,  DisconnectNumberChanged, DisconnectOutOfOrder,   DisconnectTempFailure,
        DisconnectQosUnavail,  DisconnectBlocked,       DisconnectDoNotDisturb, DisconnectCancelled};
    for (int i = 0; i < int(std::size(disconnectModes)); ++i)
        QCOMPARE(disconnectModes[i], 1 << i);
    QCOMPARE(int(BusyStation), 0x1);
    QCOMPARE(int(BusyTrunk), 0x2);
    QCOMPARE(int(BusyUnknown), 0x4);
    QCOMPARE(int(BusyUnavail), 0x8);
    QCOMPARE(int(DialToneNormal), 0x1);
    QCOMPARE(int(DialToneSpecial), 0x2);
    QCOMPARE(int(DialToneInternal), 0x4);
    QCOMPARE(int(DialToneExternal), 0x8);
    QCOMPARE(int(DialToneUnknown), 0x10);
    QCOMPARE(int(DialToneUnavail), 0x20);
    QCOMPARE(int(OfferingActive), 0x1);
    QCOMPARE(int(OfferingInactive), 0x2);
    QCOMPARE(int(ConnectedActive), 0x1);
    QCOMPARE(int(ConnectedInactive), 0x2);
    QCOMPARE(int(ConnectedActiveHeld), 0x4);
    QCOMPARE(int(ConnectedInactiveHeld), 0x8);
    QCOMPARE(int(ConnectedConfirmed), 0x10);
    QCOMPARE(int(PrivilegeNone), 0x1);
    QCOMPARE(int(PrivilegeMonitor), 0x2);
    QCOMPARE(int(PrivilegeOwner), 0x4);
    QCOMPARE(int(FeatureDrop), 0x80);
    QCOMPARE(int(InfoUserUserInfo), 0x00200000);
    QCOMPARE(int(InfoConnectedId), 0x00020000);
    QCOMPARE(int(SharingPrivate), 0x1);
    QCOMPARE(int(SharingBridgedExclusive), 0x2);
    QCOMPARE(int(SharingBridgedNew), 0x4);
    QCOMPARE(int(SharingBridgedShared), 0x8);
    QCOMPARE(int(SharingMonitored), 0x10);
    QCOMPARE(int(RemoveNone), 1);
    QCOMPARE(int(RemoveLast), 2);
    QCOMPARE(int(RemoveAny), 3);
    QCOMPARE(int(AnswerNone), 0x1);
    QCOMPARE(int(AnswerDrop), 0x2);
    QCOMPARE(int(AnswerHold), 0x4);
    // TAPI 3 enums are sequential from 0 (section 2.2).
    QCOMPARE(int(CsIdle), 0);
    QCOMPARE(int(CsInProgress), 1);
    QCOMPARE(int(CsConnected), 2);
    QCOMPARE(int(CsDisconnected), 3);
    QCOMPARE(int(CsOffering), 4);
    QCOMPARE(int(CsHold), 5);
    QCOMPARE(int(CsQueued), 6);
    QCOMPARE(int(CecNone), 0);
    QCOMPARE(int(CecDisconnectNormal), 1);
    QCOMPARE(int(CecDisconnectBusy), 2);
    QCOMPARE(int(CecDisconnectBadAddress), 3);
    QCOMPARE(int(CecDisconnectNoAnswer), 4);
    QCOMPARE(int(CecDisconnectCancelled), 5);
    QCOMPARE(int(CecDisconnectRejected), 6);
    QCOMPARE(int(CecDisconnectFailed), 7);
    QCOMPARE(int(CecDisconnectBlocked), 8);
    QCOMPARE(int(DcNormal), 0);
    QCOMPARE(int(DcNoAnswer), 1);
    QCOMPARE(int(DcRejected), 2);
}

void TestTapiNames::errorValues_data()
{
    QTest::addColumn<int>("error");
    QTest::addColumn<uint>("value"); // LINEERR_* (section 4.1)
    QTest::addColumn<QString>("name");
    const struct
    {
        int error;
        uint value;
        const char *name;
    } rows[] = {
        {InvalCallHandle, 0x80000018u, "INVALCALLHANDLE"},
        {InvalCallState, 0x8000001Cu, "INVALCALLSTATE"},
        {NotOwner, 0x80000046u, "NOTOWNER"},
        {OperationUnavail, 0x80000049u, "OPERATIONUNAVAIL"},
        {UserUserInfoTooBig, 0x80000051u, "USERUSERINFOTOOBIG"},
        {InvalPointer, 0x80000035u, "INVALPOINTER"},
        {OperationFailed, 0x80000048u, "OPERATIONFAILED"},
        {ResourceUnavail, 0x8000004Bu, "RESOURCEUNAVAIL"},
        {NoMem, 0x80000044u, "NOMEM"},
        {Uninitialized, 0x80000050u, "UNINITIALIZED"},
        {ConferenceFull, 0x80000007u, "CONFERENCEFULL"},
    };
    for (const auto &row : rows)
        QTest::newRow(row.name) << row.error << row.value << QString::fromLatin1(row.name);
}

void TestTapiNames::errorValues()
{
    QFETCH(int, error);
    QFETCH(uint, value);
    QFETCH(QString, name);
    QCOMPARE(uint(error), value);
    QVERIFY(error < 0); // lineDrop returns a negative LINEERR_ or a positive request id [LD]
    QCOMPARE(errorName(error), name);
    bool ok = false;
    QCOMPARE(errorFromName(name, &ok), error);
    QVERIFY(ok);
}

void TestTapiNames::modeNames_data()
{
    QTest::addColumn<int>("state");
    QTest::addColumn<int>("mode");
    QTest::addColumn<QString>("name");
    QTest::newRow("DISCONNECTED/NORMAL")
        << int(Disconnected) << int(DisconnectNormal) << QStringLiteral("NORMAL");
    QTest::newRow("DISCONNECTED/REJECT")
        << int(Disconnected) << int(DisconnectReject) << QStringLiteral("REJECT");
    QTest::newRow("DISCONNECTED/CANCELLED")
        << int(Disconnected) << int(DisconnectCancelled) << QStringLiteral("CANCELLED");
    QTest::newRow("BUSY/STATION") << int(Busy) << int(BusyStation) << QStringLiteral("STATION");
    QTest::newRow("BUSY/TRUNK") << int(Busy) << int(BusyTrunk) << QStringLiteral("TRUNK");
    QTest::newRow("DIALTONE/NORMAL") << int(DialTone) << int(DialToneNormal) << QStringLiteral("NORMAL");
    QTest::newRow("OFFERING/INACTIVE")
        << int(Offering) << int(OfferingInactive) << QStringLiteral("INACTIVE");
    QTest::newRow("CONNECTED/ACTIVE") << int(Connected) << int(ConnectedActive) << QStringLiteral("ACTIVE");
    QTest::newRow("CONNECTED/INACTIVE")
        << int(Connected) << int(ConnectedInactive) << QStringLiteral("INACTIVE");
    QTest::newRow("CONNECTED/ACTIVEHELD")
        << int(Connected) << int(ConnectedActiveHeld) << QStringLiteral("ACTIVEHELD");
    QTest::newRow("SPECIALINFO/NOCIRCUIT")
        << int(SpecialInfo) << int(SpecialInfoNoCircuit) << QStringLiteral("NOCIRCUIT");
}

void TestTapiNames::modeNames()
{
    QFETCH(int, state);
    QFETCH(int, mode);
    QFETCH(QString, name);
    QCOMPARE(modeName(state, mode), name);
    bool ok = false;
    QCOMPARE(modeFromName(state, name, &ok), mode);
    QVERIFY(ok);
    if (state == Disconnected) {
        QCOMPARE(disconnectModeName(mode), name);
        QCOMPARE(disconnectModeFromName(name, &ok), mode);
        QVERIFY(ok);
    }
    // Mode 0 (TAPI's "ACTIVE by default" or "no mode") prints as nothing.
    QCOMPARE(modeName(state, 0), QString());
}

void TestTapiNames::privilegeAndFeatureNames()
{
    QCOMPARE(privilegeName(PrivilegeOwner), QStringLiteral("OWNER"));
    QCOMPARE(privilegeName(PrivilegeMonitor), QStringLiteral("MONITOR"));
    QCOMPARE(privilegeName(PrivilegeUnchanged), QString()); // dwParam3 = 0: no privilege news
    QCOMPARE(featureNames(FeatureDrop | FeatureHold), QStringLiteral("DROP|HOLD"));
    QCOMPARE(featureNames(0), QString());
}

void TestTapiNames::callState3Mapping_data()
{
    QTest::addColumn<int>("state");
    QTest::addColumn<int>("state3");
    // Section 2, column T3 [D-1].
    QTest::newRow("IDLE") << int(Idle) << int(CsDisconnected);
    QTest::newRow("OFFERING") << int(Offering) << int(CsOffering);
    QTest::newRow("ACCEPTED") << int(Accepted) << int(CsOffering);
    QTest::newRow("DIALTONE") << int(DialTone) << int(CsInProgress);
    QTest::newRow("DIALING") << int(Dialing) << int(CsInProgress);
    QTest::newRow("RINGBACK") << int(Ringback) << int(CsInProgress);
    QTest::newRow("BUSY") << int(Busy) << int(CsDisconnected);
    QTest::newRow("SPECIALINFO") << int(SpecialInfo) << int(CsNone);
    QTest::newRow("CONNECTED") << int(Connected) << int(CsConnected);
    QTest::newRow("PROCEEDING") << int(Proceeding) << int(CsInProgress);
    QTest::newRow("ONHOLD") << int(OnHold) << int(CsHold);
    QTest::newRow("CONFERENCED") << int(Conferenced) << int(CsConnected);
    QTest::newRow("ONHOLDPENDCONF") << int(OnHoldPendConf) << int(CsHold);
    QTest::newRow("ONHOLDPENDTRANSFER") << int(OnHoldPendTransfer) << int(CsHold);
    QTest::newRow("DISCONNECTED") << int(Disconnected) << int(CsDisconnected);
    QTest::newRow("UNKNOWN") << int(Unknown) << int(CsNone);
    // T3's initial CS_IDLE: a call object that exists but was never connected (section 2.2).
    QTest::newRow("created, no state yet") << int(NoState) << int(CsIdle);
}

void TestTapiNames::callState3Mapping()
{
    QFETCH(int, state);
    QFETCH(int, state3);
    QCOMPARE(int(callState3For(state)), state3);
}

void TestTapiNames::disconnectModeMapping_data()
{
    QTest::addColumn<int>("mode");
    QTest::addColumn<int>("cause");
    // [D-1]: every LINEDISCONNECTMODE_ value.
    QTest::newRow("NORMAL") << int(DisconnectNormal) << int(CecDisconnectNormal);
    QTest::newRow("UNKNOWN") << int(DisconnectUnknown) << int(CecDisconnectNormal);
    QTest::newRow("REJECT") << int(DisconnectReject) << int(CecDisconnectRejected);
    QTest::newRow("PICKUP") << int(DisconnectPickup) << int(CecDisconnectNormal);
    QTest::newRow("FORWARDED") << int(DisconnectForwarded) << int(CecDisconnectNormal);
    QTest::newRow("BUSY") << int(DisconnectBusy) << int(CecDisconnectBusy);
    QTest::newRow("NOANSWER") << int(DisconnectNoAnswer) << int(CecDisconnectNoAnswer);
    QTest::newRow("BADADDRESS") << int(DisconnectBadAddress) << int(CecDisconnectBadAddress);
    QTest::newRow("UNREACHABLE") << int(DisconnectUnreachable) << int(CecDisconnectBadAddress);
    QTest::newRow("CONGESTION") << int(DisconnectCongestion) << int(CecDisconnectFailed);
    QTest::newRow("INCOMPATIBLE") << int(DisconnectIncompatible) << int(CecDisconnectFailed);
    QTest::newRow("UNAVAIL") << int(DisconnectUnavail) << int(CecDisconnectFailed);
    QTest::newRow("NODIALTONE") << int(DisconnectNoDialTone) << int(CecDisconnectFailed);
    QTest::newRow("NUMBERCHANGED") << int(DisconnectNumberChanged) << int(CecDisconnectFailed);
    QTest::newRow("OUTOFORDER") << int(DisconnectOutOfOrder) << int(CecDisconnectFailed);
    QTest::newRow("TEMPFAILURE") << int(DisconnectTempFailure) << int(CecDisconnectFailed);
    QTest::newRow("QOSUNAVAIL") << int(DisconnectQosUnavail) << int(CecDisconnectFailed);
    QTest::newRow("BLOCKED") << int(DisconnectBlocked) << int(CecDisconnectBlocked);
    QTest::newRow("DONOTDISTURB") << int(DisconnectDoNotDisturb) << int(CecDisconnectFailed);
    QTest::newRow("CANCELLED") << int(DisconnectCancelled) << int(CecDisconnectCancelled);
}

void TestTapiNames::disconnectModeMapping()
{
    QFETCH(int, mode);
    QFETCH(int, cause);
    QCOMPARE(int(eventCauseForDisconnectMode(mode)), cause);
    QCOMPARE(int(eventCause3For(Disconnected, mode)), cause);
}

void TestTapiNames::eventCauseForStates()
{
    // BUSY is CS_DISCONNECTED + CEC_DISCONNECT_BUSY whatever its busy mode; live states carry no cause.
    QCOMPARE(eventCause3For(Busy, BusyStation), CecDisconnectBusy);
    QCOMPARE(eventCause3For(Busy, BusyTrunk), CecDisconnectBusy);
    QCOMPARE(eventCause3For(Connected, ConnectedActive), CecNone);
    QCOMPARE(eventCause3For(Offering, OfferingActive), CecNone);
    QCOMPARE(eventCause3For(Ringback, 0), CecNone);
}

void TestTapiNames::t3Names()
{
    QCOMPARE(callState3Name(CsDisconnected), QStringLiteral("DISCONNECTED"));
    QCOMPARE(callState3Name(CsInProgress), QStringLiteral("INPROGRESS"));
    QCOMPARE(callState3Name(CsIdle), QStringLiteral("IDLE"));
    QCOMPARE(eventCause3Name(CecNone), QStringLiteral("NONE"));
    // CEC_DISCONNECT_REJECTED without the "CEC_" prefix and underscores.
    QCOMPARE(eventCause3Name(CecDisconnectRejected), QStringLiteral("DISCONNECTREJECTED"));
}

void TestTapiNames::unknownValues()
{
    // Values without a name print as hex, so a trace never hides what the provider sent.
    QCOMPARE(stateName(0x3), QStringLiteral("0x3"));
    QCOMPARE(errorName(int(0xC0000001u)), QStringLiteral("0xc0000001"));
    bool ok = true;
    QCOMPARE(stateFromName(u"RINGING", &ok), 0);
    QVERIFY(!ok);
    QCOMPARE(modeFromName(Ringback, u"ACTIVE", &ok), 0); // RINGBACK has no mode
    QVERIFY(!ok);
}

QTEST_GUILESS_MAIN(TestTapiNames)
#include "tst_tapi_names.moc"
