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
    Q_PROPERTY(int removeFromConfCaps MEMBER removeFromConfCaps FINAL)
    Q_PROPERTY(int removeFromConfState MEMBER removeFromConfState FINAL)
    Q_PROPERTY(int maxConference MEMBER maxConference FINAL)
    Q_PROPERTY(int addressSharing MEMBER addressSharing FINAL)
    Q_PROPERTY(int answerMode MEMBER answerMode FINAL)
    Q_PROPERTY(bool autoReconnect MEMBER autoReconnect FINAL)
    Q_PROPERTY(bool closeDrop MEMBER closeDrop FINAL)
    Q_PROPERTY(bool apiLegacy MEMBER apiLegacy FINAL)
    Q_PROPERTY(bool uuiZeroLimitCompat MEMBER uuiZeroLimitCompat FINAL)
    Q_PROPERTY(int callFeatures MEMBER callFeatures FINAL)

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
    int removeFromConfCaps = Tapi::RemoveAny;
    int removeFromConfState = Tapi::Idle;
    int maxConference = 8;
    int addressSharing = Tapi::SharingPrivate;
    int answerMode = Tapi::AnswerNone;
    bool autoReconnect = true;
    bool closeDrop = true;
    bool apiLegacy = false; // negotiated API < 2.0: legacy deallocate rule, NORMAL instead of CANCELLED
    bool uuiZeroLimitCompat = false; // [D-10] compatibility: a 0 limit passes UUI through (discarded)
    int callFeatures = AllCallFeatures; // LINEADDRESSCAPS.dwCallFeatures: the static superset

    static constexpr int AllCallFeatures = 0x7fffffff;

    bool isBridged() const
    {
        return addressSharing == Tapi::SharingBridgedExclusive || addressSharing == Tapi::SharingBridgedNew
            || addressSharing == Tapi::SharingBridgedShared;
    }
    bool operator==(const LineCapabilities &) const = default;
};
