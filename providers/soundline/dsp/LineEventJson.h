#pragma once

#include "LineEvent.h"

#include <QtCore/qbytearray.h>

// One compact JSON object per event, keys in a fixed order, e.g.
//   {"t_ms":1420,"event":"tone","tone":"busy","profile":"us","cycles":1}
//   {"t_ms":1960,"event":"caller_id","standard":"class","format":"mdmf","number":"6095551212",...}
QByteArray lineEventToJson(const LineEvent &event, const QString &profileId);
