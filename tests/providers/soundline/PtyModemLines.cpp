#include "PtyModemLines.h"

#include <QtCore/qfile.h>

#include <atomic>
#include <cstdarg>
#include <dlfcn.h>
#include <fcntl.h>
#include <mutex>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <termios.h>
#include <unistd.h>

namespace {
struct EmulatedLines
{
    std::atomic<dev_t> device {0}; // the slave's device number; 0 = nothing emulated
    std::atomic<int> lines {0}; // TIOCM_* bits
    std::atomic<int> reads {0};
    std::mutex historyMutex;
    QList<bool> dtrHistory;
};

EmulatedLines &emulated()
{
    static EmulatedLines state;
    return state;
}

using IoctlFunction = int (*)(int, unsigned long, ...);

IoctlFunction realIoctl()
{
    static const auto function = reinterpret_cast<IoctlFunction>(dlsym(RTLD_NEXT, "ioctl"));
    return function;
}

bool isEmulated(int fd)
{
    const dev_t device = emulated().device.load();
    struct stat info
    {
    };
    return device != 0 && fstat(fd, &info) == 0 && S_ISCHR(info.st_mode) && info.st_rdev == device;
}

void writeLines(int bits, bool set)
{
    EmulatedLines &state = emulated();
    const int before = set ? state.lines.fetch_or(bits) : state.lines.fetch_and(~bits);
    if (bits & TIOCM_DTR) {
        const std::lock_guard lock(state.historyMutex);
        state.dtrHistory.append(set);
    }
    Q_UNUSED(before);
}
} // namespace

// The interposer: the executable's definition comes before the C library's for every caller,
// including libQt6SerialPort.
extern "C" int ioctl(int fd, unsigned long request, ...) noexcept
{
    va_list args;
    va_start(args, request);
    void *argument = va_arg(args, void *);
    va_end(args);
    const bool modemRequest =
        request == TIOCMGET || request == TIOCMSET || request == TIOCMBIS || request == TIOCMBIC;
    if (!modemRequest || !isEmulated(fd))
        return realIoctl()(fd, request, argument);
    int *bits = static_cast<int *>(argument);
    EmulatedLines &state = emulated();
    switch (request) {
    case TIOCMGET:
        *bits = state.lines.load();
        ++state.reads;
        return 0;
    case TIOCMBIS:
        writeLines(*bits & (TIOCM_DTR | TIOCM_RTS), true);
        return 0;
    case TIOCMBIC:
        writeLines(*bits & (TIOCM_DTR | TIOCM_RTS), false);
        return 0;
    default: // TIOCMSET: the outputs as given, the inputs stay the line interface's
        writeLines(*bits & (TIOCM_DTR | TIOCM_RTS), true);
        writeLines(~*bits & (TIOCM_DTR | TIOCM_RTS), false);
        return 0;
    }
}

PtyModemLines::PtyModemLines(const QString &path)
    : m_path(path)
{ }

PtyModemLines::~PtyModemLines()
{
    unplug();
    emulated().lines = 0;
    emulated().reads = 0;
    const std::lock_guard lock(emulated().historyMutex);
    emulated().dtrHistory.clear();
}

bool PtyModemLines::plug()
{
    m_master = posix_openpt(O_RDWR | O_NOCTTY);
    if (m_master < 0 || grantpt(m_master) != 0 || unlockpt(m_master) != 0)
        return false;
    const char *slave = ptsname(m_master);
    struct stat info
    {
    };
    if (!slave || stat(slave, &info) != 0)
        return false;
    emulated().device = info.st_rdev;
    return QFile::link(QString::fromLocal8Bit(slave), m_path);
}

void PtyModemLines::unplug()
{
    QFile::remove(m_path);
    if (m_master >= 0)
        ::close(m_master);
    m_master = -1;
    emulated().device = 0;
}

void PtyModemLines::setRing(bool on)
{
    on ? emulated().lines.fetch_or(TIOCM_RI) : emulated().lines.fetch_and(~TIOCM_RI);
}

void PtyModemLines::setCarrier(bool on)
{
    on ? emulated().lines.fetch_or(TIOCM_CD) : emulated().lines.fetch_and(~TIOCM_CD);
}

int PtyModemLines::reads() const
{
    return emulated().reads.load();
}

QList<bool> PtyModemLines::dtrHistory() const
{
    const std::lock_guard lock(emulated().historyMutex);
    return emulated().dtrHistory;
}

bool PtyModemLines::dtr() const
{
    return emulated().lines.load() & TIOCM_DTR;
}
