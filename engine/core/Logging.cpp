#include "Logging.h"

Q_LOGGING_CATEGORY(lcEngine, "hookline.engine", QtWarningMsg)
Q_LOGGING_CATEGORY(lcSession, "hookline.engine.session", QtWarningMsg)
Q_LOGGING_CATEGORY(lcConference, "hookline.engine.conference", QtWarningMsg)
Q_LOGGING_CATEGORY(lcLine, "hookline.engine.line", QtWarningMsg)
Q_LOGGING_CATEGORY(lcProviders, "hookline.engine.providers", QtWarningMsg)
Q_LOGGING_CATEGORY(lcScenario, "hookline.engine.scenario", QtWarningMsg)
Q_LOGGING_CATEGORY(lcAudio, "hookline.engine.audio", QtWarningMsg)
