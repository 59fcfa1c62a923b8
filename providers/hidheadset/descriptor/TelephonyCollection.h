#pragma once

#include "TelephonyControl.h"

#include <QtCore/qlist.h>

namespace hookline::hid {

// An Application collection on the Telephony page (Headset 0x05, Phone 0x01 or Handset 0x04) with
// the call controls declared inside it, ordered by report ID and bit offset.
struct TelephonyCollection
{
    quint32 usage = 0; // page << 16 | id, page is always 0x0B
    int topLevelIndex = 0; // which top-level collection of the descriptor (0-based) holds it
    qsizetype byteOffset = 0; // of its Collection item
    QList<TelephonyControl> inputs;
    QList<TelephonyControl> outputs;

    quint16 usagePage() const { return quint16(usage >> 16); }
    quint16 usageId() const { return quint16(usage & 0xFFFF); }

    // At least one input or output call control: something a headset provider can drive.
    bool isUsable() const;
    // First input/output of that kind, or nullptr.
    const TelephonyControl *findInput(ControlKind kind) const;
    const TelephonyControl *findOutput(ControlKind kind) const;
};

} // namespace hookline::hid
