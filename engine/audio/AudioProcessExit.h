#pragma once

// How a process that used Qt Multimedia's PulseAudio backend ends. Qt 6.4 stops its PulseAudio engine from
// a global destructor after main returns, and that races libpulse's mainloop thread, which may still be
// dispatching a reply: a SIGSEGV inside libpulse (seen about once in 80 runs of bench_audio under the
// sanitizers, backtrace in pa_threaded_mainloop_stop from __run_exit_handlers) or libpulse's assertion
// "m->io_events_please_scan == 0" (SIGABRT, tst_ringtone in CI). Whoever calls this has destroyed its own
// objects (call log closed, recordings finished, settings written); the process then ends with `code`
// without the global destructors. Under LeakSanitizer its leak check runs first, as at a normal end.
[[noreturn]] void exitPastQtAudioTeardown(int code);
