#include "HidrawTransport.h"

#include <QtCore/qcoreapplication.h>

#include <QtCore/qfile.h>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <sys/eventfd.h>
#include <unistd.h>

namespace hookline::hid {

namespace {
QString errnoText(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}
} // namespace

HidrawTransport::HidrawTransport(int fd, int wakeFd, const QString &path)
    : m_fd(fd)
    , m_wakeFd(wakeFd)
    , m_path(path)
{ }

HidrawTransport::~HidrawTransport()
{
    ::close(m_fd);
    ::close(m_wakeFd);
}

std::unique_ptr<HidrawTransport> HidrawTransport::open(const QString &devicePath, QString *error,
                                                       bool *permissionDenied)
{
    if (permissionDenied)
        *permissionDenied = false;
    const int fd = ::open(QFile::encodeName(devicePath).constData(), O_RDWR | O_CLOEXEC);
    if (fd < 0) {
        const int openError = errno;
        if (permissionDenied)
            *permissionDenied = openError == EACCES || openError == EPERM;
        *error = QStringLiteral("cannot open %1: %2").arg(devicePath, errnoText(openError));
        return nullptr;
    }
    const int wakeFd = ::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    if (wakeFd < 0) {
        *error = QStringLiteral("cannot create an eventfd for %1: %2").arg(devicePath, errnoText(errno));
        ::close(fd);
        return nullptr;
    }
    return std::unique_ptr<HidrawTransport>(new HidrawTransport(fd, wakeFd, devicePath));
}

int HidrawTransport::read(std::span<std::uint8_t> buffer, int timeoutMs, QString *error)
{
    pollfd fds[2] = {{m_fd, POLLIN, 0}, {m_wakeFd, POLLIN, 0}};
    const int ready = ::poll(fds, 2, timeoutMs);
    if (ready < 0) {
        if (errno == EINTR)
            return 0;
        *error = QStringLiteral("poll on %1 failed: %2").arg(m_path, errnoText(errno));
        return -1;
    }
    if (fds[1].revents & POLLIN) {
        quint64 count = 0;
        [[maybe_unused]] const ssize_t drained = ::read(m_wakeFd, &count, sizeof count);
        return 0;
    }
    if (ready == 0)
        return 0;
    if (fds[0].revents & (POLLERR | POLLHUP | POLLNVAL)) {
        *error = QCoreApplication::translate("HeadsetStatus", "%1 was unplugged").arg(m_path);
        return -1;
    }
    const ssize_t bytes = ::read(m_fd, buffer.data(), buffer.size());
    if (bytes < 0) {
        if (errno == EAGAIN || errno == EINTR)
            return 0;
        *error = QStringLiteral("read from %1 failed: %2").arg(m_path, errnoText(errno));
        return -1;
    }
    return int(bytes);
}

bool HidrawTransport::write(QByteArrayView report, QString *error)
{
    const ssize_t written = ::write(m_fd, report.data(), size_t(report.size()));
    if (written != ssize_t(report.size())) {
        *error = written < 0 ? QStringLiteral("write to %1 failed: %2").arg(m_path, errnoText(errno))
                             : QStringLiteral("short write to %1").arg(m_path);
        return false;
    }
    return true;
}

void HidrawTransport::interrupt()
{
    const quint64 one = 1;
    [[maybe_unused]] const ssize_t written = ::write(m_wakeFd, &one, sizeof one);
}

} // namespace hookline::hid
