#include "DescriptorLogging.h"

namespace hookline::hid {

Q_LOGGING_CATEGORY(lcHidDescriptor, "hookline.headset.descriptor", QtWarningMsg)

} // namespace hookline::hid
