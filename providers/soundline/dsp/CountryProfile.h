#pragma once

#include <QtCore/qlist.h>
#include <QtCore/qstring.h>
#include <QtCore/qstringlist.h>

// The call-progress tones an exchange sends. The line state machine maps them to TAPI states.
enum class ProgressTone {
    Dial,
    Ringback,
    Busy,
    Reorder, // congestion / all trunks busy
    SpecialInfo, // SIT (three rising single tones)
    Unobtainable, // continuous "number unobtainable" / hang-up tone (UK 400 Hz)
};
QString progressToneName(ProgressTone tone);

// Caller-ID signalling (spandsp ADSI standards the profiles use).
enum class CallerIdStandard {
    Bell202, // ADSI_STANDARD_CLASS: Bell 202 FSK between rings 1 and 2 (North America)
    V23, // ADSI_STANDARD_CLIP: ETSI V.23 FSK before the first ring (EU, UK)
    Dtmf, // ADSI_STANDARD_CLIP_DTMF: DTMF before the first ring (DK, NL, SE, ...)
};
QString callerIdStandardName(CallerIdStandard standard); // "class", "clip", "dtmf"
bool parseCallerIdStandard(const QString &name, CallerIdStandard *standard);

// One element of a tone cadence: a frequency pair (0 = unused) held for min..max ms. f1 = f2 = 0
// is a silent gap; maxMs = 0 means unbounded (continuous tones).
struct ToneElement
{
    int f1 = 0;
    int f2 = 0;
    int minMs = 0;
    int maxMs = 0;
};

struct ToneCadence
{
    ProgressTone tone = ProgressTone::Dial;
    QList<ToneElement> elements;
    // The nominal length of one cycle (on + off); 0 for continuous and one-shot tones.
    int cycleMs = 0;
    // Cycles the detector must see before it reports the tone. Two for the short busy/reorder
    // cadences: one 250 ms burst and gap is too easily imitated by speech.
    int repeats = 1;
};

// Ring voltage cadence: bursts closer than groupGapMs belong to one ring (UK double ring).
struct RingCadence
{
    int minBurstMs = 150;
    int groupGapMs = 1000;
};

// Everything country-specific the detectors and the line state machine need. Profiles are data:
// the three built-in ones live in CountryProfile.cpp as tables; one detector set never mixes them
// (docs/device-facts.md 3.3: 425 Hz leaks into the 400/440 Hz bins and hides EU/UK busy in a mixed set).
struct CountryProfile
{
    QString id; // "us", "eu", "uk"
    QString description;
    CallerIdStandard callerId = CallerIdStandard::Bell202;
    bool callerIdBeforeFirstRing = false; // ETSI/UK/DTMF: before ring 1; Bell 202: between 1 and 2
    QList<ToneCadence> tones;
    // Frequencies of every tone above, for telling tones from speech.
    QList<int> toneFrequencies() const;
    RingCadence ring;
    int ringTimeoutMs = 8000; // no new ring for this long: the caller gave up
    int answerTimeoutMs = 30000; // outbound: CONNECTED when ringback stops for this long, or after it

    static const CountryProfile *find(const QString &id);
    static QStringList ids();
};
