#pragma once

#include <QtCore/qstring.h>
#include <QtCore/qtextstream.h>

namespace hookline::hid {

// Exit codes of `hookline --probe-hid-descriptor FILE`.
enum ProbeExitCode : int {
    ProbeUsable = 0, // at least one telephony collection with call controls
    ProbeUnreadable = 1, // the file could not be opened or read
    ProbeMalformed = 2, // the descriptor is malformed; err names the byte offset
    ProbeNoTelephony = 3, // well-formed, but nothing a headset provider could drive
};

// Parses the raw report descriptor in `path` (e.g. a copy of
// /sys/class/hidraw/hidrawN/device/report_descriptor) and implements the CLI contract: the JSON of
// DescriptorJson::toJson() goes to `out` whenever the file could be read (also for 2 and 3, so
// scripts always get one shape); a one-line diagnosis goes to `err` for every non-zero code.
int probeDescriptorFile(const QString &path, QTextStream &out, QTextStream &err);

} // namespace hookline::hid
