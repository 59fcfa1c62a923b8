#include "CountryProfile.h"

#include <algorithm>

namespace {
ToneElement on(int f1, int f2, int minMs, int maxMs)
{
    return {f1, f2, minMs, maxMs};
}
ToneElement gap(int minMs, int maxMs)
{
    return {0, 0, minMs, maxMs};
}

// Cadences follow ITU-T E.180 Supplement 2 for each country; tolerances are about +/-20 %.
// EU dial tone needs 1.4 s: a 1 s ringback burst of the same 425 Hz must not pass for it.
QList<CountryProfile> builtInProfiles()
{
    CountryProfile us;
    us.id = QStringLiteral("us");
    us.description = QStringLiteral("North America (Bell 202 caller ID, precise tone plan)");
    us.callerId = CallerIdStandard::Bell202;
    us.callerIdBeforeFirstRing = false;
    us.tones = {
        {ProgressTone::Dial, {on(350, 440, 700, 0)}, 0},
        {ProgressTone::Ringback, {on(440, 480, 1800, 2200), gap(3600, 4400)}, 6000},
        {ProgressTone::Busy, {on(480, 620, 400, 600), gap(400, 600)}, 1000, 2},
        {ProgressTone::Reorder, {on(480, 620, 200, 300), gap(200, 300)}, 500, 2},
        {ProgressTone::SpecialInfo, {on(914, 0, 220, 420), on(1371, 0, 220, 420), on(1777, 0, 300, 460)}, 0},
    };
    us.ring = {150, 1000};
    us.ringTimeoutMs = 8000;

    CountryProfile eu;
    eu.id = QStringLiteral("eu");
    eu.description = QStringLiteral("Europe, CEPT 425 Hz tones (ETSI V.23 caller ID)");
    eu.callerId = CallerIdStandard::V23;
    eu.callerIdBeforeFirstRing = true;
    eu.tones = {
        {ProgressTone::Dial, {on(425, 0, 1400, 0)}, 0},
        {ProgressTone::Ringback, {on(425, 0, 800, 1200), gap(3200, 4800)}, 5000},
        {ProgressTone::Busy, {on(425, 0, 400, 600), gap(400, 600)}, 1000, 2},
        {ProgressTone::Reorder, {on(425, 0, 180, 300), gap(180, 300)}, 500, 2},
        {ProgressTone::SpecialInfo, {on(950, 0, 250, 420), on(1400, 0, 250, 420), on(1800, 0, 250, 420)}, 0},
    };
    eu.ring = {150, 1000};
    eu.ringTimeoutMs = 7000;

    CountryProfile uk;
    uk.id = QStringLiteral("uk");
    uk.description = QStringLiteral("United Kingdom, BT SIN 350 tones (V.23 caller ID, SIN 227)");
    uk.callerId = CallerIdStandard::V23;
    uk.callerIdBeforeFirstRing = true;
    uk.tones = {
        {ProgressTone::Dial, {on(350, 440, 700, 0)}, 0},
        {ProgressTone::Ringback,
         {on(400, 450, 300, 500), gap(150, 250), on(400, 450, 300, 500), gap(1600, 2400)},
         3000},
        {ProgressTone::Busy, {on(400, 0, 300, 450), gap(300, 450)}, 750, 2},
        {ProgressTone::Reorder,
         {on(400, 0, 320, 480), gap(280, 420), on(400, 0, 180, 270), gap(420, 630)},
         1500},
        {ProgressTone::Unobtainable, {on(400, 0, 1300, 0)}, 0},
        {ProgressTone::SpecialInfo, {on(950, 0, 250, 420), on(1400, 0, 250, 420), on(1800, 0, 250, 420)}, 0},
    };
    uk.ring = {150, 1000};
    uk.ringTimeoutMs = 6000;
    return {us, eu, uk};
}

const QList<CountryProfile> &profiles()
{
    static const QList<CountryProfile> all = builtInProfiles();
    return all;
}
} // namespace

QString progressToneName(ProgressTone tone)
{
    switch (tone) {
    case ProgressTone::Dial:
        return QStringLiteral("dial");
    case ProgressTone::Ringback:
        return QStringLiteral("ringback");
    case ProgressTone::Busy:
        return QStringLiteral("busy");
    case ProgressTone::Reorder:
        return QStringLiteral("reorder");
    case ProgressTone::SpecialInfo:
        return QStringLiteral("special_information");
    case ProgressTone::Unobtainable:
        return QStringLiteral("unobtainable");
    }
    return {};
}

QString callerIdStandardName(CallerIdStandard standard)
{
    switch (standard) {
    case CallerIdStandard::Bell202:
        return QStringLiteral("class");
    case CallerIdStandard::V23:
        return QStringLiteral("clip");
    case CallerIdStandard::Dtmf:
        return QStringLiteral("dtmf");
    }
    return {};
}

bool parseCallerIdStandard(const QString &name, CallerIdStandard *standard)
{
    for (CallerIdStandard s : {CallerIdStandard::Bell202, CallerIdStandard::V23, CallerIdStandard::Dtmf}) {
        if (callerIdStandardName(s) == name) {
            *standard = s;
            return true;
        }
    }
    return false;
}

QList<int> CountryProfile::toneFrequencies() const
{
    QList<int> result;
    for (const ToneCadence &cadence : tones) {
        for (const ToneElement &element : cadence.elements) {
            for (int f : {element.f1, element.f2}) {
                if (f > 0 && !result.contains(f))
                    result.append(f);
            }
        }
    }
    std::sort(result.begin(), result.end());
    return result;
}

const CountryProfile *CountryProfile::find(const QString &id)
{
    for (const CountryProfile &profile : profiles()) {
        if (profile.id == id)
            return &profile;
    }
    return nullptr;
}

QStringList CountryProfile::ids()
{
    QStringList result;
    for (const CountryProfile &profile : profiles())
        result.append(profile.id);
    return result;
}
