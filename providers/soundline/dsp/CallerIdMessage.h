#pragma once

#include "CountryProfile.h"

#include <QtCore/qstring.h>

// A decoded caller-ID message. Every text field is untrusted data from the line.
struct CallerIdMessage
{
    CallerIdStandard standard = CallerIdStandard::Bell202;
    QString format; // "mdmf", "sdmf" or "dtmf"
    int messageType = 0; // 0x80 MDMF, 0x04 SDMF; DTMF: the terminator ('C' or '#')
    QString number;
    QString name;
    QString date; // MMDDHHMM as sent
    QString calledNumber;
    QString redirectingNumber;
    QString numberAbsence; // "private", "out_of_area", "coin", ... or empty
    QString nameAbsence;
    int callType = -1; // CLIP call type field, -1 when absent
    bool isCallerId = false; // false for other message kinds (message waiting, charge, ...)

    bool operator==(const CallerIdMessage &) const = default;
};
