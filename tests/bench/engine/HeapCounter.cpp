#include "HeapCounter.h"

#include <QtCore/qfile.h>

#include <malloc.h>
#include <unistd.h>

std::size_t HeapCounter::bytesInUse()
{
    const struct mallinfo2 info = mallinfo2();
    return info.uordblks + info.hblkhd;
}

std::size_t HeapCounter::residentBytes()
{
    QFile statm(QStringLiteral("/proc/self/statm"));
    if (!statm.open(QIODevice::ReadOnly))
        return 0;
    const QList<QByteArray> fields = statm.readAll().split(' ');
    return fields.size() > 1 ? std::size_t(fields.at(1).toULongLong()) * std::size_t(sysconf(_SC_PAGESIZE))
                             : 0;
}
