#pragma once

#include "core/Tapi.h"

#include <QtCore/qobject.h>
#include <QtQml/qqmlregistration.h>

// What a line (LINEDEVCAPS + LINEADDRESSCAPS) allows. The engine derives every rule it applies
// (reject, UUI limits, conference drop, bridged inactive, answer-induced drop) from these fields.
struct LineCapabilities
{
    Q_GADGET
    QML_VALUE_TYPE(lineCapabilities)
    Q_PROPERTY(bool canReject MEMBER canReject FINAL)
    Q_PROPERTY(QString rejectUnavailableReason MEMBER rejectUnavailableReason FINAL)
    Q_PROPERTY(int uuiDropSize MEMBER uuiDropSize FINAL)
    Q_PROPERTY(int uuiAnswerSize MEMBER uuiAnswerSize FINAL)
    Q_PROPERTY(int uuiMakeCallSize MEMBER uuiMakeCallSize FINAL)
    Q_PROPERTY(int uuiSendSize MEMBER uuiSendSize FINAL)
    Q_PROPERTY(int uuiCallInfoSize MEMBER uuiCallInfoSize FINAL)
    Q_PROPERTY(bool confDrop MEMBER confDrop FINAL)
    Q_PROPERTY(Tapi::RemoveFromConfCaps removeFromConfCaps MEMBER removeFromConfCaps FINAL)
    Q_PROPERTY(Tapi::CallState removeFromConfState MEMBER removeFromConfState FINAL)
    Q_PROPERTY(int maxConference MEMBER maxConference FINAL)
    Q_PROPERTY(Tapi::AddressSharing addressSharing MEMBER addressSharing FINAL)
    Q_PROPERTY(Tapi::AnswerMode answerMode MEMBER answerMode FINAL)
    Q_PROPERTY(bool autoReconnect MEMBER autoReconnect FINAL)
    Q_PROPERTY(bool closeDrop MEMBER closeDrop FINAL)
    Q_PROPERTY(bool apiLegacy MEMBER apiLegacy FINAL)
    Q_PROPERTY(bool uuiZeroLimitCompat MEMBER uuiZeroLimitCompat FINAL)
    Q_PROPERTY(Tapi::CallFeatures callFeatures MEMBER callFeatures FINAL)

public:
    bool canReject = true;
    // Why reject is not offered, for the agent (empty when it is, or when the line gives no reason).
    QString rejectUnavailableReason;
    int uuiDropSize = 16;
    int uuiAnswerSize = 16;
    int uuiMakeCallSize = 16;
    int uuiSendSize = 16;
    int uuiCallInfoSize = 256;
    bool confDrop = true;
    Tapi::RemoveFromConfCaps removeFromConfCaps = Tapi::RemoveAny;
    // The state a removed party's call goes to: IDLE, CONNECTED or ONHOLD.
    Tapi::CallState removeFromConfState = Tapi::Idle;
    int maxConference = 8;
    Tapi::AddressSharing addressSharing = Tapi::SharingPrivate;
    Tapi::AnswerMode answerMode = Tapi::AnswerNone;
    bool autoReconnect = true;
    bool closeDrop = true;
    bool apiLegacy = false; // negotiated API < 2.0: legacy deallocate rule, NORMAL instead of CANCELLED
    bool uuiZeroLimitCompat = false; // [D-10] compatibility: a 0 limit passes UUI through (discarded)
    Tapi::CallFeatures callFeatures = AllCallFeatures; // LINEADDRESSCAPS.dwCallFeatures: the static superset

    static constexpr Tapi::CallFeatures AllCallFeatures = Tapi::CallFeatures::fromInt(0x7fffffff);

    bool isBridged() const
    {
        return addressSharing == Tapi::SharingBridgedExclusive || addressSharing == Tapi::SharingBridgedNew
            || addressSharing == Tapi::SharingBridgedShared;
    }
    bool operator==(const LineCapabilities &) const = default;
};
