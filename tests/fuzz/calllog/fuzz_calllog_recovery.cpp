// libFuzzer entry point for what the call log reads back after a kill: the first byte picks the input.
//   even: the pending-write queue (calls.sqlite.pending). Reading it must not crash, keep at most one
//         write per complete line, and every write it keeps must encode and decode to itself.
//   odd:  a recording an interrupted call left (WAV, FLAC, Ogg or garbage). RecordingRepair must not
//         crash, report no negative length, and leave a file it calls intact or repaired as it says.
// Also built without libFuzzer as calllog_corpus_replay (with ../settings/replay_main.cpp), which runs the
// seeds in ctest.

#include "../FuzzSupport.h"
#include "audio/RecordingRepair.h"
#include "log/CallLogJournal.h"

#include <QtCore/qfile.h>
#include <QtCore/qtemporarydir.h>

#include <cstddef>
#include <cstdint>

namespace {

void journal(const QByteArray &contents)
{
    const QList<PendingWrite> writes = CallLogJournal::parse(contents);
    fuzz::require(writes.size() <= contents.count('\n'));
    for (const PendingWrite &write : writes) {
        const QByteArray line = CallLogJournal::encode(write);
        fuzz::require(line.endsWith('\n') && line.count('\n') == 1);
        const std::optional<PendingWrite> again = CallLogJournal::decode(line.chopped(1));
        fuzz::require(again.has_value());
        fuzz::require(CallLogJournal::encode(*again) == line);
    }
}

void recording(const QByteArray &contents)
{
    static QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("recording"));
    {
        QFile file(path);
        fuzz::require(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        fuzz::require(file.write(contents) == contents.size());
    }
    qint64 frames = -1;
    const RecordingRepair::Result result = RecordingRepair::repair(path, &frames);
    if (result != RecordingRepair::Result::Unreadable)
        fuzz::require(frames >= 0);
    if (result == RecordingRepair::Result::Intact) {
        QFile file(path);
        fuzz::require(file.open(QIODevice::ReadOnly) && file.readAll() == contents); // intact: untouched
    }
    QFile::remove(path);
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const QByteArray contents(reinterpret_cast<const char *>(data) + 1, qsizetype(size - 1));
    if (data[0] % 2 == 0)
        journal(contents);
    else
        recording(contents);
    return 0;
}
