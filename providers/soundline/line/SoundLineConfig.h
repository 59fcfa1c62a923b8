#pragma once

#include "CountryProfile.h"

#include <QtCore/qstring.h>
#include <QtCore/qvariant.h>

// One sound-card line as configured in settings (docs/provider-guide.md, "Sound-card line").
struct SoundLineConfig
{
    enum class Pin { None, Ri, Dcd, Dsr, Cts, Dtr, Rts };

    QString id = QStringLiteral("line1"); // the engine sees "soundline/<id>"
    QString name;
    QString number; // the line's own directory number, if known
    QString captureDevice; // the line interface's sound card: QAudioDevice id or description
    QString playbackDevice;
    QString captureFile; // file twin: play this file as the line's audio (demos, diagnostics)
    QString serialPort; // empty: no control lines (monitoring only, ring from audio)
    Pin ringPin = Pin::None; // Ri, or None: ring from audio energy
    Pin loopCurrentPin = Pin::None; // Dcd, Dsr, Cts or None
    Pin hookRelayPin = Pin::None; // Dtr, Rts or None
    bool relayActiveLow = false;
    const CountryProfile *profile = nullptr;
    CallerIdStandard callerId = CallerIdStandard::Bell202;
    int hangupCycles = 3;
    int silenceTimeoutMs = 0; // 0: off
    int dialToneTimeoutMs = 3000;
    bool blindDial = false; // dial even without dial tone (PBX extensions without one)
    int answerTimeoutMs = 0; // outbound: CONNECTED this long after dialling if no voice came; 0 = profile
    int ringTimeoutMs = 0; // 0 = profile
    int dtmfOnMs = 80;
    int dtmfOffMs = 80;
    int dtmfLevelDbm0 = -10;
    int replugPollMs = 1000; // how often a missing sound card or serial port is looked for again

    bool hasControlLines() const { return !serialPort.isEmpty(); }
    bool canSeize() const { return hasControlLines() && hookRelayPin != Pin::None; }

    // Returns false with *error naming the offending key and value.
    static bool fromVariantMap(const QVariantMap &map, SoundLineConfig *config, QString *error);
    static QString pinName(Pin pin);
};
