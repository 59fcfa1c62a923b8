#pragma once

#include <QtCore/qloggingcategory.h>

namespace hookline::hid {

// Debug output about descriptor oddities the parser tolerates; off by default. Enable with
// QT_LOGGING_RULES="hookline.headset.descriptor.debug=true".
Q_DECLARE_LOGGING_CATEGORY(lcHidDescriptor)

} // namespace hookline::hid
