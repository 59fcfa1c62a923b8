#include "floor/FloorLogging.h"

Q_LOGGING_CATEGORY(lcFloor, "hookline.floor", QtWarningMsg)
