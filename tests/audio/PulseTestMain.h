#pragma once

// The main of a test that plays or captures through Qt Multimedia's PulseAudio backend: the test's own
// objects are destroyed when qExec returns (the result is final then), and the process ends past Qt's
// PulseAudio teardown, which can crash after every test function passed (audio/AudioProcessExit.h).
#include <QtCore/qcoreapplication.h>
#include <QtTest/qtest.h>

#include "audio/AudioProcessExit.h"

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
        exitPastQtAudioTeardown(result);                                                                     \
    }
