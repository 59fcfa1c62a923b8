#pragma once

#include <QtCore/qloggingcategory.h>

// hookline.floor: the floor's connection, publishing and requests. Never logs credentials.
Q_DECLARE_LOGGING_CATEGORY(lcFloor)
