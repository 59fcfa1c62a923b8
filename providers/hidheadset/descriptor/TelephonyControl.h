#pragma once

#include "ControlKind.h"
#include "MainItemFlags.h"
#include "OnOffControlType.h"
#include "UsageRange.h"

#include <QtCore/qlist.h>

namespace hookline::hid {

// One call control (or one run of other bits) in a telephony input or output report.
//
// Variable fields are split per usage: element i of this control (0 <= i < reportCount) sits at
// bitOffset + i * bitSize and has usage min(usage + i, usageMaximum). A call control is normally a
// single element (reportCount == 1, usage == usageMaximum).
//
// Array fields stay whole: reportCount elements of bitSize bits, each holding a value v that
// selects arrayUsages' usage number (v - logicalMinimum); values outside the logical range mean
// "nothing pressed". `usage` names the call control this entry stands for (several entries can
// share one array field, e.g. Programmable Button and Button 1 on EPOS); usageMaximum equals usage,
// except for Keypad, where usage..usageMaximum are the lowest and highest Phone Key in the array.
struct TelephonyControl
{
    ControlKind kind = ControlKind::Other;
    quint32 usage = 0; // page << 16 | id
    quint32 usageMaximum = 0;
    quint8 reportId = 0; // 0 = unnumbered report
    quint32 bitOffset = 0; // from the first data bit, report-ID byte excluded
    quint32 bitSize = 0; // Report Size of one element
    quint32 reportCount = 1;
    qint64 logicalMinimum = 0;
    qint64 logicalMaximum = 0;
    MainItemFlags flags;
    OnOffControlType onOffType = OnOffControlType::Undefined;
    QList<UsageRange> arrayUsages; // array fields only
    // True for a field declared in another collection that shares this collection's report
    // (Report IDs are global to the whole descriptor).
    bool outsideCollection = false;

    quint16 usagePage() const { return quint16(usage >> 16); }
    quint16 usageId() const { return quint16(usage & 0xFFFF); }
    bool isCallControl() const { return kind != ControlKind::Other; }
    bool isVariable() const { return flags.isVariable(); }
    bool isAbsolute() const { return flags.isAbsolute(); }
    bool hasPreferredState() const { return flags.hasPreferredState(); }
};

} // namespace hookline::hid
