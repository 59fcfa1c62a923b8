#pragma once

#include <QtCore/qloggingcategory.h>

// One dotted tree: enable a subtree with QT_LOGGING_RULES="hookline.engine.*=true".
Q_DECLARE_LOGGING_CATEGORY(lcEngine)
Q_DECLARE_LOGGING_CATEGORY(lcSession)
Q_DECLARE_LOGGING_CATEGORY(lcConference)
Q_DECLARE_LOGGING_CATEGORY(lcLine)
Q_DECLARE_LOGGING_CATEGORY(lcProviders)
Q_DECLARE_LOGGING_CATEGORY(lcScenario)
Q_DECLARE_LOGGING_CATEGORY(lcAudio)
