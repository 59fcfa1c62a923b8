#pragma once

#include <QtCore/qloggingcategory.h>

Q_DECLARE_LOGGING_CATEGORY(lcSoundline)
