#pragma once

#include <QtCore/qbytearray.h>
#include <QtCore/qlist.h>
#include <QtCore/qstring.h>

// A party outside the station: the caller of an inbound call or the callee of an outbound one.
// Its state is TAPI's view from the far end (RINGBACK while our side is offered, and so on).
struct SimFarEnd
{
    QString id;
    QString number;
    QString name;
    qint64 answerAfterMs = 2000; // outbound calls to it: -1 never answers
    bool busy = false;
    int state = 0x1; // Tapi::Idle
    int mode = 0;
    QList<QByteArray> receivedUui;
    QString receivedDigits;
};
