/* A slow disk for tests, preloaded with LD_PRELOAD: every fsync and fdatasync first sleeps
 * HOOKLINE_SLOW_FSYNC_MS (default 300) and is counted, and counted apart when it runs on the process's
 * main thread (the GUI thread of a Qt program). A test in the same process reads the counts through the
 * two functions below (dlsym), so it knows the preload is in place; a test of another program sets
 * HOOKLINE_SLOW_FSYNC_LOG to a file that gets one line per sync, "main" or "other". */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <execinfo.h>
#include <fcntl.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

static atomic_int all_syncs;
static atomic_int main_thread_syncs;

int hookline_slow_fsync_calls(void)
{
    return atomic_load(&all_syncs);
}

int hookline_slow_fsync_main_thread_calls(void)
{
    return atomic_load(&main_thread_syncs);
}

static void slow_down(void)
{
    atomic_fetch_add(&all_syncs, 1);
    const int on_main = syscall(SYS_gettid) == getpid();
    if (on_main)
        atomic_fetch_add(&main_thread_syncs, 1);
    const char *log = getenv("HOOKLINE_SLOW_FSYNC_LOG");
    if (log) {
        const int fd = open(log, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
        if (fd >= 0) {
            const char *line = on_main ? "main\n" : "other\n";
            if (write(fd, line, strlen(line)) < 0) {
                /* nothing to do: the count in the process is still right */
            }
            /* Where a sync on the main thread came from, for whoever reads the log (one frame a line,
             * indented: the test counts only the unindented lines). */
            if (on_main) {
                void *frames[32];
                const int depth = backtrace(frames, 32);
                char **names = backtrace_symbols(frames, depth);
                for (int i = 0; names && i < depth; ++i) {
                    if (write(fd, "  ", 2) < 0 || write(fd, names[i], strlen(names[i])) < 0
                        || write(fd, "\n", 1) < 0)
                        break;
                }
                free(names);
            }
            close(fd);
        }
    }
    const char *text = getenv("HOOKLINE_SLOW_FSYNC_MS");
    const long ms = text ? atol(text) : 300;
    struct timespec pause = {ms / 1000, (ms % 1000) * 1000000L};
    nanosleep(&pause, NULL);
}

int fsync(int fd)
{
    static int (*real)(int);
    if (!real)
        real = (int (*)(int))dlsym(RTLD_NEXT, "fsync");
    slow_down();
    return real(fd);
}

int fdatasync(int fd)
{
    static int (*real)(int);
    if (!real)
        real = (int (*)(int))dlsym(RTLD_NEXT, "fdatasync");
    slow_down();
    return real(fd);
}
