#include "CallerIdDecoder.h"

#include "SpandspHeaders.h"

#include <QtCore/qbytearray.h>

#include <memory>

namespace {
constexpr size_t MaxMessageLength = 256; // adsi_rx never delivers more (ADSI message buffer)
constexpr int Padding = 4;

QString printable(const uint8_t *body, int length)
{
    QString text;
    text.reserve(length);
    for (int i = 0; i < length; ++i) {
        const uint8_t c = body[i];
        text.append(c >= 0x20 && c < 0x7f ? QChar(c) : QChar(u'?'));
    }
    return text;
}

struct AdsiRxDeleter
{
    void operator()(adsi_rx_state_t *s) const { adsi_rx_free(s); }
};

void noMessage(void *, const uint8_t *, int) { }

// adsi_next_field only reads the standard from the state, so one receiver per standard is enough.
adsi_rx_state_t *walkerFor(CallerIdStandard standard)
{
    thread_local std::unique_ptr<adsi_rx_state_t, AdsiRxDeleter> walkers[3];
    auto &walker = walkers[int(standard)];
    if (!walker)
        walker.reset(adsi_rx_init(nullptr, spandspCallerIdStandard(standard), noMessage, nullptr));
    return walker.get();
}

void applyFskField(CallerIdMessage *out, uint8_t type, const uint8_t *body, int length)
{
    const QByteArray raw(reinterpret_cast<const char *>(body), length);
    switch (type) {
    case MCLASS_DATETIME: // same code in CLIP
        out->date = printable(body, length);
        break;
    case MCLASS_CALLER_NUMBER:
        out->number = printable(body, length);
        break;
    case MCLASS_DIALED_NUMBER:
        out->calledNumber = printable(body, length);
        break;
    case MCLASS_ABSENCE1:
        out->numberAbsence = callerIdAbsenceReason(raw);
        break;
    case MCLASS_CALLER_NAME:
        out->name = printable(body, length);
        break;
    case MCLASS_ABSENCE2:
        out->nameAbsence = callerIdAbsenceReason(raw);
        break;
    case CLIP_CALLTYPE:
        if (out->standard == CallerIdStandard::V23 && length >= 1)
            out->callType = body[0];
        break;
    case CLIP_REDIR_NUMBER:
        if (out->standard == CallerIdStandard::V23)
            out->redirectingNumber = printable(body, length);
        break;
    default:
        break;
    }
}

void applySdmf(CallerIdMessage *out, const uint8_t *body, int length)
{
    // SDMF: MMDDHHMM then the number, or a single absence code ('O' or 'P').
    const int dateLength = qMin(length, 8);
    out->date = printable(body, dateLength);
    const uint8_t *rest = body + dateLength;
    const int restLength = length - dateLength;
    if (restLength == 1 && (rest[0] == 'O' || rest[0] == 'P'))
        out->numberAbsence = callerIdAbsenceReason(QByteArray(1, char(rest[0])));
    else
        out->number = printable(rest, restLength);
}

void applyDtmfField(CallerIdMessage *out, uint8_t type, const uint8_t *body, int length)
{
    const QByteArray digits(reinterpret_cast<const char *>(body), length);
    const bool hashTerminated = out->messageType == CLIP_DTMF_HASH_TERMINATED;
    if (type == CLIP_DTMF_C_CALLER_NUMBER || type == CLIP_DTMF_HASH_UNSPECIFIED)
        out->number = printable(body, length);
    else if ((type == CLIP_DTMF_C_ABSENCE && !hashTerminated)
             || (type == CLIP_DTMF_HASH_ABSENCE && hashTerminated))
        out->numberAbsence = callerIdAbsenceReason(digits);
    else if (type == CLIP_DTMF_C_REDIRECT_NUMBER)
        out->redirectingNumber = printable(body, length);
}
} // namespace

QString callerIdAbsenceReason(const QByteArray &code)
{
    if (code == "P" || code == "10")
        return QStringLiteral("private");
    if (code == "O" || code == "00")
        return QStringLiteral("out_of_area");
    if (code == "C")
        return QStringLiteral("coin");
    if (code == "L")
        return QStringLiteral("long_distance");
    if (code == "S")
        return QStringLiteral("service_conflict");
    return QStringLiteral("unavailable");
}

bool decodeCallerIdMessage(CallerIdStandard standard, const uint8_t *message, size_t length,
                           CallerIdMessage *out)
{
    *out = CallerIdMessage();
    out->standard = standard;
    if (!message || length == 0 || length > MaxMessageLength)
        return false;
    uint8_t buffer[MaxMessageLength + 2 * Padding] = {};
    uint8_t *msg = buffer + Padding;
    std::copy(message, message + length, msg);
    const int msgLength = int(length);

    adsi_rx_state_t *walker = walkerFor(standard);
    uint8_t type = 0;
    const uint8_t *body = nullptr;
    int fieldLength = 0;
    int pos = adsi_next_field(walker, msg, msgLength, -1, &type, &body, &fieldLength);
    if (pos < 0)
        return false;
    out->messageType = type;
    if (standard == CallerIdStandard::Dtmf) {
        out->format = QStringLiteral("dtmf");
        out->isCallerId = type == CLIP_DTMF_C_TERMINATED || type == CLIP_DTMF_HASH_TERMINATED;
    } else {
        const bool sdmf = type == CLASS_SDMF_CALLERID && standard == CallerIdStandard::Bell202;
        out->format = sdmf ? QStringLiteral("sdmf") : QStringLiteral("mdmf");
        out->isCallerId = sdmf || type == CLASS_MDMF_CALLERID;
        if (!(type & 0x80) && !sdmf)
            return true; // SDMF message waiting and other single-format kinds: no caller fields
    }
    // Bounded: every step advances at least one byte.
    for (size_t guard = 0; guard <= length + 1; ++guard) {
        pos = adsi_next_field(walker, msg, msgLength, pos, &type, &body, &fieldLength);
        if (pos == -1)
            break;
        if (pos < 0 || !body || fieldLength < 0 || body < msg || body + fieldLength > msg + msgLength)
            return false;
        if (standard == CallerIdStandard::Dtmf)
            applyDtmfField(out, type, body, fieldLength);
        else if (out->format == QLatin1String("sdmf"))
            applySdmf(out, body, fieldLength);
        else
            applyFskField(out, type, body, fieldLength);
        if (standard == CallerIdStandard::Dtmf && pos > msgLength)
            break;
    }
    return true;
}

int spandspCallerIdStandard(CallerIdStandard standard)
{
    switch (standard) {
    case CallerIdStandard::Bell202:
        return ADSI_STANDARD_CLASS;
    case CallerIdStandard::V23:
        return ADSI_STANDARD_CLIP;
    case CallerIdStandard::Dtmf:
        return ADSI_STANDARD_CLIP_DTMF;
    }
    return ADSI_STANDARD_CLASS;
}

// Text fields are shown to the agent: keep printable ASCII only, so a line glitch cannot inject
// control characters into the UI or logs.
