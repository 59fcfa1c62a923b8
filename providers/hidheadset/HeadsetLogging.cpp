#include "HeadsetLogging.h"

namespace hookline::hid {

Q_LOGGING_CATEGORY(lcHeadset, "hookline.headset", QtInfoMsg)

} // namespace hookline::hid
