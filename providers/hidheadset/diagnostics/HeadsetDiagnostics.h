#pragma once

#include <QtCore/qtextstream.h>

namespace hookline::hid {

class HidBackend;

// `hookline --list-headsets`: every attached telephony HID device with its path, names, ids,
// permission status (with the fix when it cannot be opened) and the call controls its descriptor
// declares. Prints "no telephony HID devices found" when there is none. Returns 0.
int listHeadsets(QTextStream &out);
// The same over any back end (tests use FakeHidBackend).
int listHeadsets(HidBackend &backend, QTextStream &out);

} // namespace hookline::hid
