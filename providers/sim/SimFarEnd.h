#pragma once

#include <QtCore/qbytearray.h>
#include <QtCore/qlist.h>
#include <QtCore/qstring.h>

#include <cstdint>
#include <memory>
#include <vector>

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
    QString transferredTo; // a blind transfer handed it to this number (its call goes on there)

    // Its voice while a call has a voice path (see SimFarEndAudio). The loader keeps the names as written
    // with their positions; ScenarioLoader::loadMedia() resolves them and decodes the sound at 8 kHz.
    QString playFile;
    bool playLoop = false;
    QString recordFile;
    QString playWhere; // "file:line:column" for messages
    QString recordWhere;
    std::shared_ptr<const std::vector<int16_t>> playSamples;
    QString recordPath; // empty: not recorded
    // What an outbound call hears while it rings this far end (a ringback tone, an announcement), looped
    // until the far end answers; null: no voice path before the answer.
    QString earlyMediaFile;
    QString earlyMediaWhere;
    std::shared_ptr<const std::vector<int16_t>> earlyMediaSamples;
};
