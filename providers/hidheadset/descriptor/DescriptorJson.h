#pragma once

#include "DescriptorParseResult.h"

#include <QtCore/qjsondocument.h>
#include <QtCore/qjsonobject.h>

namespace hookline::hid {

// JSON view of a parse result, for `hookline --probe-hid-descriptor FILE`, logs and bug reports.
// The keys are stable; numbers are decimal.
//
// {
//   "valid": true,                      // false: see "error"
//   "error": {"code": "truncatedItem", "byteOffset": 46, "message": "..."},   // only when !valid
//   "descriptorBytes": 332,
//   "usesReportIds": true,              // hidraw reads start with the report ID byte
//   "reports": [{"type": "input", "reportId": 2, "bitLength": 16, "byteLength": 2}, ...],
//   "collections": [{
//     "usagePage": 11, "usage": 5,      // Telephony / Headset (1 Phone, 4 Handset)
//     "topLevelIndex": 0,               // position among the descriptor's top-level collections
//     "byteOffset": 0,                  // of the Collection item
//     "usable": true,                   // has at least one call control
//     "inputs": [control, ...], "outputs": [control, ...]   // ordered by reportId, bitOffset
//   }]
// }
//
// control:
// {
//   "control": "hookSwitch",            // controlKindName(), "other" for non-call-control bits
//   "usagePage": 11, "usage": 32,       // usage of the first element
//   "usageMaximum": 233,                // only when a run covers several usages (element i has
//                                       // usage min(usage + i, usageMaximum), same page)
//   "reportId": 2,                      // 0 = unnumbered report
//   "bitOffset": 0, "bitSize": 1,       // report-ID byte excluded
//   "reportCount": 1,                   // elements of bitSize bits
//   "logicalMin": 0, "logicalMax": 1,
//   "absolute": true, "preferredState": false, "variable": true, "nullState": false,
//   "flags": 34,                        // raw Main item data
//   "onOffType": "toggleSwitch",        // toggleSwitch|toggleButton|separateOnOff|momentary|undefined
//   "outsideCollection": false,         // declared in another collection sharing this report
//   "arrayUsages": [{"usagePage": 11, "usageMin": 176, "usageMax": 187}]  // only for arrays:
//                                       // value v selects the (v - logicalMin)-th usage
// }
class DescriptorJson
{
public:
    static QJsonObject toJson(const DescriptorParseResult &result);
    static QJsonDocument toDocument(const DescriptorParseResult &result);

    static QJsonObject errorToJson(const DescriptorError &error);
    static QJsonObject collectionToJson(const TelephonyCollection &collection);
    static QJsonObject controlToJson(const TelephonyControl &control);
    static QJsonObject reportToJson(const ReportLayout &report);
};

} // namespace hookline::hid
