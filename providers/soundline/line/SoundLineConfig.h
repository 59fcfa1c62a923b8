#pragma once

#include "CountryProfile.h"

#include <QtCore/qstring.h>
#include <QtCore/qvariant.h>

// One sound-card line as configured in settings (docs/provider-guide.md, "Sound-card line"). Its keys'
// ranges and defaults are the settings schema's (engine/settings/SettingsSchema.cpp, soundLines): the
// members start from the schema's defaults; what spans keys (pins need a serial port) is checked here.
struct SoundLineConfig
{
    // The schema's default of entry key `name` ("hangupCycles").
    static QVariant schemaDefault(const char *name);

    enum class Pin { None, Ri, Dcd, Dsr, Cts, Dtr, Rts };

    QString id = schemaDefault("id").toString(); // the engine sees "soundline/<id>"
    QString name;
    QString number; // the line's own directory number, if known
    QString captureDevice; // the line interface's sound card: QAudioDevice id or description
    QString playbackDevice;
    QString captureFile; // file twin: play this file as the line's audio (demos, diagnostics)
    QString serialPort; // empty: no control lines (monitoring only, ring from audio)
    Pin ringPin = Pin::None; // Ri, or None: ring from audio energy
    Pin loopCurrentPin = Pin::None; // Dcd, Dsr, Cts or None
    Pin hookRelayPin = Pin::None; // Dtr, Rts or None
    bool relayActiveLow = schemaDefault("relayActiveLow").toBool();
    const CountryProfile *profile = nullptr;
    CallerIdStandard callerId = CallerIdStandard::Bell202;
    int hangupCycles = schemaDefault("hangupCycles").toInt();
    int silenceTimeoutMs = schemaDefault("silenceTimeoutMs").toInt(); // 0: off
    int dialToneTimeoutMs = schemaDefault("dialToneTimeoutMs").toInt();
    bool blindDial =
        schemaDefault("blindDial").toBool(); // dial even without dial tone (PBX extensions without one)
    int answerTimeoutMs =
        schemaDefault("answerTimeoutMs")
            .toInt(); // outbound: CONNECTED this long after dialling if no voice came; 0 = profile
    int ringTimeoutMs = schemaDefault("ringTimeoutMs").toInt(); // 0 = profile
    int dtmfOnMs = schemaDefault("dtmfOnMs").toInt();
    int dtmfOffMs = schemaDefault("dtmfOffMs").toInt();
    int dtmfLevelDbm0 = schemaDefault("dtmfLevelDbm0").toInt();
    int replugPollMs = schemaDefault("replugPollMs")
                           .toInt(); // how often a missing sound card or serial port is looked for again

    bool hasControlLines() const { return !serialPort.isEmpty(); }
    bool canSeize() const { return hasControlLines() && hookRelayPin != Pin::None; }

    // Returns false with *error naming the offending key and value.
    static bool fromVariantMap(const QVariantMap &map, SoundLineConfig *config, QString *error);
    static QString pinName(Pin pin);
};
