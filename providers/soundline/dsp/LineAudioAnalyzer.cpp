#include "LineAudioAnalyzer.h"

#include "DetectorSet.h"
#include "LineAudioFile.h"
#include "LineEventJson.h"

#include <QtCore/qtextstream.h>

int analyzeLineAudioFile(const QString &path, const QString &profileId, const QString &callerId,
                         QTextStream &out, QString *error)
{
    const CountryProfile *profile = CountryProfile::find(profileId);
    if (!profile) {
        *error = QStringLiteral("unknown profile '%1' (expected one of: %2)")
                     .arg(profileId, CountryProfile::ids().join(QStringLiteral(", ")));
        return 2;
    }
    CallerIdStandard standard = profile->callerId;
    if (!callerId.isEmpty() && !parseCallerIdStandard(callerId, &standard)) {
        *error =
            QStringLiteral("unknown caller-ID standard '%1' (expected class, clip or dtmf)").arg(callerId);
        return 2;
    }
    DetectorSet detectors(*profile, standard, DetectorOptions(), [&](const LineEvent &event) {
        out << lineEventToJson(event, profile->id) << '\n';
    });
    if (!readLineAudioFile(
            path, [&](const int16_t *samples, int count) { detectors.process(samples, count); }, error))
        return 2;
    out.flush();
    return 0;
}
