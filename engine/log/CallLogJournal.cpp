#include "log/CallLogJournal.h"

#include <QtCore/qfile.h>
#include <QtCore/qjsonarray.h>
#include <QtCore/qjsondocument.h>
#include <QtCore/qjsonobject.h>

#include <cerrno>
#include <cstdio>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace {

constexpr qsizetype MaxLine = 1 << 20; // a record with its UUI is a few KB

QJsonValue bytes(const QByteArray &data)
{
    return QString::fromLatin1(data.toBase64());
}

QByteArray bytesOf(const QJsonValue &value)
{
    return QByteArray::fromBase64(value.toString().toLatin1());
}

QJsonObject recordObject(const CallRecord &r)
{
    QJsonArray uui;
    for (const QByteArray &message : r.uuiReceived)
        uui.append(bytes(message));
    return {
        {"sessionId", r.sessionId},
        {"lineId", r.lineId},
        {"address", r.address},
        {"direction", r.direction},
        {"remoteNumber", r.remoteNumber},
        {"remoteName", r.remoteName},
        {"calledNumber", r.calledNumber},
        {"offeredAt", QString::number(r.offeredAt)},
        {"connectedAt", QString::number(r.connectedAt)},
        {"droppedAt", QString::number(r.droppedAt)},
        {"idleAt", QString::number(r.idleAt)},
        {"terminatedAt", QString::number(r.terminatedAt)},
        {"durationMs", QString::number(r.durationMs)},
        {"finalState", r.finalState},
        {"finalMode", r.finalMode},
        {"disconnectMode", r.disconnectMode},
        {"uuiReceived", uui},
        {"uuiSent", bytes(r.uuiSent)},
        {"disposition", r.disposition},
        {"notes", r.notes},
        {"isConference", r.isConference},
        {"privilege", r.privilege},
        {"recordingPath", r.recordingPath},
        {"outcome", r.outcome},
    };
}

// Times are decimal strings: a double would round ms since the epoch past 2^53 (and garbage to 0).
qint64 timeOf(const QJsonValue &value)
{
    bool ok = false;
    const qint64 ms = value.toString().toLongLong(&ok);
    return ok ? ms : -1;
}

std::optional<CallRecord> recordOf(const QJsonObject &o)
{
    CallRecord r;
    r.sessionId = o.value("sessionId").toInt();
    r.lineId = o.value("lineId").toString();
    if (r.lineId.isEmpty())
        return std::nullopt; // the table requires it
    r.address = o.value("address").toString();
    r.direction = o.value("direction").toInt();
    r.remoteNumber = o.value("remoteNumber").toString();
    r.remoteName = o.value("remoteName").toString();
    r.calledNumber = o.value("calledNumber").toString();
    r.offeredAt = timeOf(o.value("offeredAt"));
    r.connectedAt = timeOf(o.value("connectedAt"));
    r.droppedAt = timeOf(o.value("droppedAt"));
    r.idleAt = timeOf(o.value("idleAt"));
    r.terminatedAt = timeOf(o.value("terminatedAt"));
    r.durationMs = std::max<qint64>(0, timeOf(o.value("durationMs")));
    r.finalState = o.value("finalState").toString();
    r.finalMode = o.value("finalMode").toString();
    r.disconnectMode = o.value("disconnectMode").toString();
    for (const QJsonValue &message : o.value("uuiReceived").toArray())
        r.uuiReceived.append(bytesOf(message));
    r.uuiSent = bytesOf(o.value("uuiSent"));
    r.disposition = o.value("disposition").toString();
    r.notes = o.value("notes").toString();
    r.isConference = o.value("isConference").toBool();
    r.privilege = o.value("privilege").toString();
    r.recordingPath = o.value("recordingPath").toString();
    r.outcome = o.value("outcome").toString();
    return r;
}

bool writeAll(int fd, const QByteArray &data)
{
    qsizetype done = 0;
    while (done < data.size()) {
        const ssize_t n = ::write(fd, data.constData() + done, size_t(data.size() - done));
        if (n <= 0)
            return false;
        done += n;
    }
    return true;
}

} // namespace

QByteArray CallLogJournal::encode(const PendingWrite &write)
{
    QJsonObject o {{"row", QString::number(write.row)}};
    switch (write.kind) {
    case PendingWrite::Finished:
        o.insert("kind", "finished");
        o.insert("record", recordObject(write.record));
        break;
    case PendingWrite::WrapUp:
        o.insert("kind", "wrapup");
        o.insert("disposition", write.disposition);
        o.insert("notes", write.notes);
        break;
    case PendingWrite::Recording:
        o.insert("kind", "recording");
        o.insert("path", write.recordingPath);
        break;
    }
    return QJsonDocument(o).toJson(QJsonDocument::Compact) + '\n';
}

std::optional<PendingWrite> CallLogJournal::decode(const QByteArray &line)
{
    if (line.size() > MaxLine)
        return std::nullopt;
    const QJsonDocument doc = QJsonDocument::fromJson(line);
    if (!doc.isObject())
        return std::nullopt;
    const QJsonObject o = doc.object();
    PendingWrite write;
    bool ok = false;
    write.row = o.value("row").toString().toLongLong(&ok);
    if (!ok || write.row < 0)
        return std::nullopt;
    const QString kind = o.value("kind").toString();
    if (kind == QLatin1String("finished")) {
        const std::optional<CallRecord> record = recordOf(o.value("record").toObject());
        if (!record)
            return std::nullopt;
        write.record = *record;
        return write;
    }
    if (write.row == 0) // an update needs its row
        return std::nullopt;
    if (kind == QLatin1String("wrapup")) {
        write.kind = PendingWrite::WrapUp;
        write.disposition = o.value("disposition").toString();
        write.notes = o.value("notes").toString();
        return write;
    }
    if (kind == QLatin1String("recording")) {
        write.kind = PendingWrite::Recording;
        write.recordingPath = o.value("path").toString();
        return write;
    }
    return std::nullopt;
}

QList<PendingWrite> CallLogJournal::parse(const QByteArray &contents)
{
    QList<PendingWrite> writes;
    qsizetype at = 0;
    while (at < contents.size()) {
        qsizetype end = contents.indexOf('\n', at);
        if (end < 0)
            break; // cut short by a kill: it was never acknowledged
        if (std::optional<PendingWrite> write = decode(contents.mid(at, end - at)))
            writes.append(*write);
        at = end + 1;
    }
    return writes;
}

bool CallLogJournal::append(const PendingWrite &write) const
{
    const int fd =
        ::open(QFile::encodeName(m_path).constData(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0)
        return false;
    ::fchmod(fd, 0600);
    const bool ok = writeAll(fd, encode(write)) && ::fsync(fd) == 0;
    ::close(fd);
    return ok;
}

QList<PendingWrite> CallLogJournal::load() const
{
    QFile file(m_path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return parse(file.readAll());
}

bool CallLogJournal::rewrite(const QList<PendingWrite> &writes) const
{
    const QByteArray name = QFile::encodeName(m_path);
    if (writes.isEmpty())
        return ::unlink(name.constData()) == 0 || errno == ENOENT;
    const QByteArray temporary = name + ".new";
    const int fd = ::open(temporary.constData(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0)
        return false;
    ::fchmod(fd, 0600);
    bool ok = true;
    for (const PendingWrite &write : writes)
        ok = ok && writeAll(fd, encode(write));
    ok = ok && ::fsync(fd) == 0;
    ::close(fd);
    return ok && std::rename(temporary.constData(), name.constData()) == 0;
}
