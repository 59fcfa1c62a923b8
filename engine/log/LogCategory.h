#pragma once

#include <QtCore/qloggingcategory.h>

// hookline.engine.log: the call log database, the history and the event log.
Q_DECLARE_LOGGING_CATEGORY(lcCallLog)
