#pragma once

#include <QtCore/qloggingcategory.h>

namespace hookline::hid {

// The headset provider: enumeration, hot-plug, open/permission problems, reports read and written
// (debug). Enable with QT_LOGGING_RULES="hookline.headset*=true".
Q_DECLARE_LOGGING_CATEGORY(lcHeadset)

} // namespace hookline::hid
