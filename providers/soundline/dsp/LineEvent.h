#pragma once

#include "CallerIdMessage.h"
#include "CountryProfile.h"

#include <QtCore/qstring.h>

// Why the far end is considered gone (maps to LINEDISCONNECTMODE_NORMAL/BUSY/CONGESTION).
enum class HangupCause { Normal, Busy, Congestion };
QString hangupCauseName(HangupCause cause);

// What the detector set reports, stamped with the audio time (ms since the first sample) at which
// it was recognised.
struct LineEvent
{
    enum Kind {
        Digit, // a DTMF digit started (accepted by spandsp's Q.24 checks)
        CallerId, // a caller-ID message with a good checksum
        Tone, // a call-progress tone matched its cadence
        ToneEnded,
        Ring, // the first burst of a ring (a UK double ring is one ring)
        RingBurst, // a ring burst ended; durationMs = its length
        Hangup, // far end gone: a disconnect tone for N cycles
        Voice, // sustained non-tone energy (speech): answer detection
        Silence, // no energy for the configured silence timeout
    };

    Kind kind = Digit;
    qint64 timeMs = 0;
    QChar digit;
    ProgressTone tone = ProgressTone::Dial;
    int cycles = 0; // Tone/ToneEnded/Hangup: cadence cycles seen
    int ring = 0; // Ring: 1, 2, ... since the last reset
    int durationMs = 0;
    HangupCause cause = HangupCause::Normal;
    CallerIdMessage callerId;

    static QString kindName(Kind kind);
};
