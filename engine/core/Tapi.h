#pragma once

#include <QtCore/qobject.h>
#include <QtQml/qqmlregistration.h>

// TAPI 2.x / 3.x constants as Hookline uses them. Numeric values follow the TAPI headers
// (see docs/tapi-semantics.md section 0) so traces can be compared with real TAPI logs.
namespace Tapi {
Q_NAMESPACE
QML_ELEMENT

enum CallState {
    NoState = 0, // Hookline only: a T3 call object created but not yet connected
    Idle = 0x1,
    Offering = 0x2,
    Accepted = 0x4,
    DialTone = 0x8,
    Dialing = 0x10,
    Ringback = 0x20,
    Busy = 0x40,
    SpecialInfo = 0x80,
    Connected = 0x100,
    Proceeding = 0x200,
    OnHold = 0x400,
    Conferenced = 0x800,
    OnHoldPendConf = 0x1000,
    OnHoldPendTransfer = 0x2000,
    Disconnected = 0x4000,
    Unknown = 0x8000,
};
Q_ENUM_NS(CallState)

enum DisconnectMode {
    DisconnectNone = 0,
    DisconnectNormal = 0x1,
    DisconnectUnknown = 0x2,
    DisconnectReject = 0x4,
    DisconnectPickup = 0x8,
    DisconnectForwarded = 0x10,
    DisconnectBusy = 0x20,
    DisconnectNoAnswer = 0x40,
    DisconnectBadAddress = 0x80,
    DisconnectUnreachable = 0x100,
    DisconnectCongestion = 0x200,
    DisconnectIncompatible = 0x400,
    DisconnectUnavail = 0x800,
    DisconnectNoDialTone = 0x1000,
    DisconnectNumberChanged = 0x2000,
    DisconnectOutOfOrder = 0x4000,
    DisconnectTempFailure = 0x8000,
    DisconnectQosUnavail = 0x10000,
    DisconnectBlocked = 0x20000,
    DisconnectDoNotDisturb = 0x40000,
    DisconnectCancelled = 0x80000,
};
Q_ENUM_NS(DisconnectMode)

enum BusyMode { BusyStation = 0x1, BusyTrunk = 0x2, BusyUnknown = 0x4, BusyUnavail = 0x8 };
Q_ENUM_NS(BusyMode)

enum DialToneMode {
    DialToneNormal = 0x1,
    DialToneSpecial = 0x2,
    DialToneInternal = 0x4,
    DialToneExternal = 0x8,
    DialToneUnknown = 0x10,
    DialToneUnavail = 0x20,
};
Q_ENUM_NS(DialToneMode)

enum OfferingMode { OfferingActive = 0x1, OfferingInactive = 0x2 };
Q_ENUM_NS(OfferingMode)

enum ConnectedMode {
    ConnectedActive = 0x1,
    ConnectedInactive = 0x2,
    ConnectedActiveHeld = 0x4,
    ConnectedInactiveHeld = 0x8,
    ConnectedConfirmed = 0x10,
};
Q_ENUM_NS(ConnectedMode)

enum SpecialInfoMode {
    SpecialInfoNoCircuit = 0x1,
    SpecialInfoCustIrreg = 0x2,
    SpecialInfoReorder = 0x4,
    SpecialInfoUnknown = 0x8,
    SpecialInfoUnavail = 0x10,
};
Q_ENUM_NS(SpecialInfoMode)

enum CallPrivilege {
    PrivilegeUnchanged = 0,
    PrivilegeNone = 0x1,
    PrivilegeMonitor = 0x2,
    PrivilegeOwner = 0x4
};
Q_ENUM_NS(CallPrivilege)

enum CallFeature {
    FeatureAccept = 0x1,
    FeatureAddToConf = 0x2,
    FeatureAnswer = 0x4,
    FeatureBlindTransfer = 0x8,
    FeatureCompleteTransfer = 0x20,
    FeatureDial = 0x40,
    FeatureDrop = 0x80,
    FeatureGenerateDigits = 0x200,
    FeatureHold = 0x800,
    FeatureMonitorDigits = 0x1000,
    FeaturePrepareAddConf = 0x10000,
    FeatureRemoveFromConf = 0x40000,
    FeatureSendUserUser = 0x100000,
    FeatureSetupConf = 0x1000000,
    FeatureSetupTransfer = 0x2000000,
    FeatureSwapHold = 0x4000000,
    FeatureUnhold = 0x8000000,
    FeatureReleaseUserUserInfo = 0x10000000,
    // Hookline's own bit: TAPI has no reject feature (reject is drop while offered), but a UI needs to
    // know whether the network can refuse the offered call.
    FeatureReject = 0x40000000,
};
// A handle's features are a set of these bits (LINECALLSTATUS.dwCallFeatures): QML tests one with
// `session.features & Tapi.FeatureAnswer`, C++ with testFlag().
Q_DECLARE_FLAGS(CallFeatures, CallFeature)
Q_FLAG_NS(CallFeatures)

enum CallInfoState {
    InfoNumOwnerIncr = 0x800,
    InfoNumOwnerDecr = 0x1000,
    InfoNumMonitors = 0x2000,
    InfoCallerId = 0x8000,
    InfoCalledId = 0x10000,
    InfoConnectedId = 0x20000,
    InfoUserUserInfo = 0x200000,
};
Q_ENUM_NS(CallInfoState)

enum AddressSharing {
    SharingPrivate = 0x1,
    SharingBridgedExclusive = 0x2,
    SharingBridgedNew = 0x4,
    SharingBridgedShared = 0x8,
    SharingMonitored = 0x10,
};
Q_ENUM_NS(AddressSharing)

enum RemoveFromConfCaps { RemoveNone = 0x1, RemoveLast = 0x2, RemoveAny = 0x3 };
Q_ENUM_NS(RemoveFromConfCaps)

enum AnswerMode { AnswerNone = 0x1, AnswerDrop = 0x2, AnswerHold = 0x4 };
Q_ENUM_NS(AnswerMode)

enum Direction { Inbound = 1, Outbound = 2 };
Q_ENUM_NS(Direction)

// LINECALLREASON_*: why the call is at this station (the ones the engine reports).
enum CallReason { ReasonDirect = 0x1, ReasonTransfer = 0x100 };
Q_ENUM_NS(CallReason)

// LINEERR_* as the signed 32-bit values lineDrop() returns. Success is 0.
enum LineError : int {
    Success = 0,
    ConferenceFull = int(0x80000007u),
    InvalAddress = int(0x80000010u),
    InvalCallHandle = int(0x80000018u),
    InvalCallState = int(0x8000001Cu),
    InvalConfCallHandle = int(0x80000020u),
    InvalConsultCallHandle = int(0x80000021u),
    InvalLineHandle = int(0x8000002Bu),
    InvalParam = int(0x80000032u),
    InvalPointer = int(0x80000035u),
    NoMem = int(0x80000044u),
    NotOwner = int(0x80000046u),
    OperationFailed = int(0x80000048u),
    OperationUnavail = int(0x80000049u),
    ResourceUnavail = int(0x8000004Bu),
    Uninitialized = int(0x80000050u),
    UserUserInfoTooBig = int(0x80000051u),
};
Q_ENUM_NS(LineError)

// TAPI 3 (tapi3if.h) CALL_STATE, with Hookline's "no equivalent" for SPECIALINFO and UNKNOWN.
enum CallState3 {
    CsNone = -1,
    CsIdle = 0,
    CsInProgress = 1,
    CsConnected = 2,
    CsDisconnected = 3,
    CsOffering = 4,
    CsHold = 5,
    CsQueued = 6,
};
Q_ENUM_NS(CallState3)

enum EventCause3 {
    CecNone = 0,
    CecDisconnectNormal = 1,
    CecDisconnectBusy = 2,
    CecDisconnectBadAddress = 3,
    CecDisconnectNoAnswer = 4,
    CecDisconnectCancelled = 5,
    CecDisconnectRejected = 6,
    CecDisconnectFailed = 7,
    CecDisconnectBlocked = 8,
};
Q_ENUM_NS(EventCause3)

// ITBasicCallControl::Disconnect codes and results.
enum DisconnectCode3 { DcNormal = 0, DcNoAnswer = 1, DcRejected = 2 };
Q_ENUM_NS(DisconnectCode3)
enum HResult3 { SOk = 0, SFalse = 1 };
Q_ENUM_NS(HResult3)

// Upper-case TAPI names ("CONNECTED", "INVALCALLSTATE") used in traces and scenario files.
QString stateName(int state);
int stateFromName(QStringView name, bool *ok);
QString errorName(int error);
int errorFromName(QStringView name, bool *ok);
QString disconnectModeName(int mode);
int disconnectModeFromName(QStringView name, bool *ok);
// Mode names depend on the state the mode belongs to (BUSY/STATION, CONNECTED/INACTIVE, ...).
QString modeName(int state, int mode);
int modeFromName(int state, QStringView name, bool *ok);
// The names of the modes a state can carry ("ACTIVE", "INACTIVE", ... for CONNECTED); empty for a state
// that has no mode parameter.
QStringList modeNames(int state);
QString privilegeName(int privilege);
QString callState3Name(int state3);
QString eventCause3Name(int cause);
QString featureNames(int features);

// [D-1]: the TAPI 3 view of a TAPI 2 state and mode.
CallState3 callState3For(int state, bool created = true);
EventCause3 eventCause3For(int state, int mode);
EventCause3 eventCauseForDisconnectMode(int disconnectMode);
} // namespace Tapi

Q_DECLARE_OPERATORS_FOR_FLAGS(Tapi::CallFeatures)
