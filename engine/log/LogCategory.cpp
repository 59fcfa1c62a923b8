#include "log/LogCategory.h"

Q_LOGGING_CATEGORY(lcCallLog, "hookline.engine.log", QtWarningMsg)
