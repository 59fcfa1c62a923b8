#include "audio/AudioProcessExit.h"

#include <cstdio>
#include <unistd.h>

extern "C" void __lsan_do_leak_check() __attribute__((weak));

void exitPastQtAudioTeardown(int code)
{
    if (__lsan_do_leak_check)
        __lsan_do_leak_check();
    std::fflush(nullptr);
    _exit(code);
}
