#include "SoundlineLogging.h"

Q_LOGGING_CATEGORY(lcSoundline, "hookline.soundline")
