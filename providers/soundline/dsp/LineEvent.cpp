#include "LineEvent.h"

QString hangupCauseName(HangupCause cause)
{
    switch (cause) {
    case HangupCause::Normal:
        return QStringLiteral("normal");
    case HangupCause::Busy:
        return QStringLiteral("busy");
    case HangupCause::Congestion:
        return QStringLiteral("congestion");
    }
    return {};
}

QString LineEvent::kindName(Kind kind)
{
    switch (kind) {
    case Digit:
        return QStringLiteral("dtmf");
    case CallerId:
        return QStringLiteral("caller_id");
    case Tone:
        return QStringLiteral("tone");
    case ToneEnded:
        return QStringLiteral("tone_end");
    case Ring:
        return QStringLiteral("ring");
    case RingBurst:
        return QStringLiteral("ring_burst");
    case Hangup:
        return QStringLiteral("hangup");
    case Voice:
        return QStringLiteral("voice");
    case Silence:
        return QStringLiteral("silence");
    }
    return {};
}
