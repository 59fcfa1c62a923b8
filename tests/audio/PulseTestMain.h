#pragma once

// The main of a test that plays or captures through Qt Multimedia's PulseAudio backend. Qt 6.4 tears its
// PulseAudio engine down from a global destructor after main returns, and that can race libpulse's own
// mainloop thread: "Assertion 'm->io_events_please_scan == 0' failed at pulse/mainloop.c", SIGABRT after
// every test function had passed (seen once in CI, in tst_ringtone). The result is final when qExec
// returns, so the process ends there: the test's own objects are destroyed first, then exit without the
// global destructors. Under LeakSanitizer its leak check runs before that exit, as it would at the end.
#include <QtCore/qcoreapplication.h>
#include <QtTest/qtest.h>

#include <cstdio>
#include <unistd.h>

extern "C" void __lsan_do_leak_check() __attribute__((weak));

#define HOOKLINE_PULSE_TEST_MAIN(TestObject)                                                                 \
    int main(int argc, char *argv[])                                                                         \
    {                                                                                                        \
        int result = 0;                                                                                      \
        {                                                                                                    \
            QCoreApplication app(argc, argv);                                                                \
            app.setAttribute(Qt::AA_Use96Dpi, true);                                                         \
            TestObject tc;                                                                                   \
            QTEST_SET_MAIN_SOURCE_PATH                                                                       \
            result = QTest::qExec(&tc, argc, argv);                                                          \
        }                                                                                                    \
        if (__lsan_do_leak_check)                                                                            \
            __lsan_do_leak_check();                                                                          \
        std::fflush(nullptr);                                                                                \
        _exit(result);                                                                                       \
    }
