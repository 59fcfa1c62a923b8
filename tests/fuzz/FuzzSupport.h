#pragma once
// What every fuzz target shares: a check that stops the run where it fails (libFuzzer keeps the input),
// and the one QCoreApplication Qt code under test may need, made on the first input.
#include <QtCore/qcoreapplication.h>

namespace fuzz {

inline void require(bool condition)
{
    if (!condition)
        __builtin_trap();
}

inline QCoreApplication &application(const char *name)
{
    static int argc = 1;
    static char *argv[] = {const_cast<char *>(name), nullptr};
    static QCoreApplication app(argc, argv);
    return app;
}

} // namespace fuzz
