#include "SipLogging.h"

Q_LOGGING_CATEGORY(lcSip, "hookline.sip")
Q_LOGGING_CATEGORY(lcSipTrace, "hookline.sip.trace", QtWarningMsg)
