#pragma once

#include <QtCore/qbytearray.h>
#include <QtCore/qlist.h>
#include <QtCore/qstring.h>

// One finished session as the call log stores it. Times are ms since the Unix epoch on the engine's
// clock, -1 when the session never got there.
struct CallRecord
{
    qint64 id = 0; // row id, 0 before it is written
    int sessionId = 0;
    QString lineId;
    QString address;
    int direction = 0;
    QString remoteNumber;
    QString remoteName;
    QString calledNumber;
    qint64 offeredAt = -1;
    qint64 connectedAt = -1;
    qint64 droppedAt = -1;
    qint64 idleAt = -1;
    qint64 terminatedAt = -1;
    qint64 durationMs = 0;
    QString finalState; // TAPI names: "IDLE", "DISCONNECTED", ...
    QString finalMode;
    QString disconnectMode;
    QList<QByteArray> uuiReceived; // every message the far end sent, in order
    QByteArray uuiSent;
    QString disposition;
    QString notes;
    bool isConference = false;
    QString privilege;
    QString recordingPath; // the call's recording, empty when it was not recorded
    QString outcome; // CallSession::outcome(): answered, missed, rejected, unanswered, transferred, ...
};
