#pragma once

#include <QtCore/qloggingcategory.h>

Q_DECLARE_LOGGING_CATEGORY(lcSip)
// Every SIP message sent and received, in full (QT_LOGGING_RULES="hookline.sip.trace.debug=true").
Q_DECLARE_LOGGING_CATEGORY(lcSipTrace)
