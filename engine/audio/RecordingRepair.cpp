#include "RecordingRepair.h"

#include "Logging.h"

#include <QtCore/qfile.h>
#include <QtCore/qfileinfo.h>

#include <FLAC/stream_decoder.h>
#include <sndfile.h>

#include <array>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

namespace {

quint32 le32(const unsigned char *p)
{
    return quint32(p[0]) | quint32(p[1]) << 8 | quint32(p[2]) << 16 | quint32(p[3]) << 24;
}

void putLe32(unsigned char *p, quint32 v)
{
    for (int i = 0; i < 4; ++i)
        p[i] = static_cast<unsigned char>(v >> (8 * i));
}

bool readAt(int fd, void *buffer, size_t size, off_t at)
{
    return ::pread(fd, buffer, size, at) == ssize_t(size);
}

bool isChunkId(const unsigned char *id)
{
    for (int i = 0; i < 4; ++i) {
        if (id[i] < 0x20 || id[i] > 0x7e)
            return false;
    }
    return true;
}

// "fLaC", the STREAMINFO block header (type 0), then STREAMINFO: total samples are the low 36 bits of
// the 8 bytes at offset 18.
constexpr off_t FlacStreamInfoSampleField = 18;

struct FlacCount
{
    qint64 frames = 0;
    FLAC__uint64 endOfLastFrame = 0;
    FLAC__StreamDecoder *decoder = nullptr;
    bool failed = false;
};

FLAC__StreamDecoderWriteStatus countFrame(const FLAC__StreamDecoder *, const FLAC__Frame *frame,
                                          const FLAC__int32 *const[], void *client)
{
    auto *count = static_cast<FlacCount *>(client);
    count->frames += frame->header.blocksize;
    FLAC__uint64 position = 0;
    if (FLAC__stream_decoder_get_decode_position(count->decoder, &position))
        count->endOfLastFrame = position;
    return FLAC__STREAM_DECODER_WRITE_STATUS_CONTINUE;
}

void decodeError(const FLAC__StreamDecoder *, FLAC__StreamDecoderErrorStatus, void *client)
{
    static_cast<FlacCount *>(client)->failed = true;
}

quint16 le16(const unsigned char *p)
{
    return quint16(p[0] | p[1] << 8);
}

// What the header pages of an Ogg/Opus file say: the layout to rewrite it with and its tags.
struct OpusHeaderPages
{
    bool headerOnly = false; // no complete page after the header pages holds audio
    int channels = 0;
    int inputRate = 0;
    std::vector<std::pair<int, QByteArray>> strings; // libsndfile string id, value
};

// The Vorbis comment names libsndfile writes (its table), for the strings a recording carries.
int sndfileStringId(const QByteArray &name)
{
    static const std::pair<const char *, int> names[] = {
        {"TITLE", SF_STR_TITLE},     {"DATE", SF_STR_DATE},           {"COMMENT", SF_STR_COMMENT},
        {"ARTIST", SF_STR_ARTIST},   {"COPYRIGHT", SF_STR_COPYRIGHT}, {"ALBUM", SF_STR_ALBUM},
        {"LICENSE", SF_STR_LICENSE}, {"GENRE", SF_STR_GENRE},
    };
    for (const auto &[text, id] : names) {
        if (name.compare(text, Qt::CaseInsensitive) == 0)
            return id;
    }
    return 0;
}

void readOpusTags(const QByteArray &packet, OpusHeaderPages &pages)
{
    // "OpusTags", vendor length and vendor, comment count, then each comment as length and "NAME=value".
    const auto *p = reinterpret_cast<const unsigned char *>(packet.constData());
    const qsizetype size = packet.size();
    if (size < 16 || !packet.startsWith("OpusTags"))
        return;
    qsizetype at = 12 + qsizetype(le32(p + 8));
    if (at < 12 || at + 4 > size)
        return;
    quint32 count = le32(p + at);
    at += 4;
    for (; count > 0 && at + 4 <= size; --count) {
        const qsizetype length = qsizetype(le32(p + at));
        at += 4;
        if (length < 0 || length > size - at)
            return;
        const QByteArray comment = packet.mid(at, length);
        at += length;
        const qsizetype equals = comment.indexOf('=');
        if (const int id = equals > 0 ? sndfileStringId(comment.left(equals)) : 0)
            pages.strings.emplace_back(id, comment.mid(equals + 1));
    }
}

// Walks the file's Ogg pages: the first must hold OpusHead alone, the next ones (granule 0) the tags. The
// file is header-only when no complete page after them carries audio (a page the kill cut short does
// not count: readers skip it too).
OpusHeaderPages readOpusHeaderPages(int fd)
{
    OpusHeaderPages pages;
    struct stat info
    {
    };
    if (::fstat(fd, &info) != 0)
        return pages;
    QByteArray tags;
    bool sawHead = false;
    for (off_t at = 0;;) {
        std::array<unsigned char, 27> header {};
        std::array<unsigned char, 255> lacing {};
        if (!readAt(fd, header.data(), header.size(), at) || std::memcmp(header.data(), "OggS", 4) != 0
            || !readAt(fd, lacing.data(), header[26], at + 27))
            break; // the end, or a page cut short
        off_t body = 0;
        for (int i = 0; i < header[26]; ++i)
            body += lacing[size_t(i)];
        const off_t bodyAt = at + 27 + header[26];
        if (bodyAt + body > info.st_size)
            break;
        std::vector<unsigned char> data(size_t(body), 0);
        if (body > 0 && !readAt(fd, data.data(), data.size(), bodyAt))
            break;
        qint64 granule = 0;
        for (int i = 7; i >= 0; --i)
            granule = granule << 8 | header[size_t(6 + i)];
        if (!sawHead) {
            // OpusHead: version, channels, pre-skip, input rate, gain, mapping family.
            if (body < 19 || std::memcmp(data.data(), "OpusHead", 8) != 0 || data[9] == 0)
                return pages;
            pages.channels = data[9];
            pages.inputRate = int(le32(data.data() + 12));
            sawHead = true;
        } else if (granule != 0) {
            return pages; // audio: not a header-only file
        } else {
            tags.append(reinterpret_cast<const char *>(data.data()), qsizetype(data.size()));
        }
        at = bodyAt + body;
    }
    pages.headerOnly = sawHead;
    readOpusTags(tags, pages);
    return pages;
}

} // namespace

RecordingRepair::Result RecordingRepair::repair(const QString &path, qint64 *frames)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDWR | O_CLOEXEC);
    if (fd < 0)
        return Result::Unreadable;
    std::array<unsigned char, 4> magic {};
    Result result = Result::Unreadable;
    if (readAt(fd, magic.data(), magic.size(), 0)) {
        if (std::memcmp(magic.data(), "RIFF", 4) == 0)
            result = repairWav(fd, frames);
        else if (std::memcmp(magic.data(), "fLaC", 4) == 0)
            result = repairFlac(path, fd, frames);
        else if (std::memcmp(magic.data(), "OggS", 4) == 0)
            result = repairOgg(path, fd, frames);
    }
    if (result == Result::Repaired)
        ::fsync(fd);
    ::close(fd);
    if (result == Result::Repaired)
        qCInfo(lcAudio).noquote() << "repaired the recording" << path << "a stopped console left";
    else if (result == Result::Unreadable)
        qCWarning(lcAudio).noquote() << "the recording" << path << "cannot be repaired";
    return result;
}

RecordingRepair::Result RecordingRepair::repairOgg(const QString &path, int fd, qint64 *frames)
{
    // Opened by name: libsndfile closes a descriptor it was given when it refuses the file, and this one
    // is still needed.
    SF_INFO info {};
    if (SNDFILE *file = sf_open(QFile::encodeName(path).constData(), SFM_READ, &info)) {
        if (frames)
            *frames = info.frames;
        sf_close(file);
        return Result::Intact;
    }
    // Killed before its first audio page (libsndfile holds up to a second of audio before writing a page),
    // the file has only the header pages, which libsndfile calls malformed and no player plays. It becomes
    // the shortest valid recording of the same layout and tags: one Opus frame of silence, written beside
    // it and renamed over it, so the path its call-log row links stays right.
    const OpusHeaderPages pages = readOpusHeaderPages(fd);
    if (!pages.headerOnly)
        return Result::Unreadable;
    SF_INFO out {};
    out.channels = pages.channels;
    out.format = SF_FORMAT_OGG | SF_FORMAT_OPUS;
    // The rate the recorder asked for (Opus stores it as the input rate); another one is not ours.
    out.samplerate = pages.inputRate;
    if (!sf_format_check(&out)) {
        out.samplerate = 48000;
        if (!sf_format_check(&out))
            return Result::Unreadable;
    }
    const QByteArray target = QFile::encodeName(path);
    const QByteArray scratch = target + ".repairing";
    ::unlink(scratch.constData()); // what an earlier repair, itself killed, left
    const int scratchFd = ::open(scratch.constData(), O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (scratchFd < 0)
        return Result::Unreadable;
    SNDFILE *file = sf_open_fd(scratchFd, SFM_WRITE, &out, SF_FALSE);
    bool written = file != nullptr;
    if (file) {
        for (const auto &[id, value] : pages.strings)
            sf_set_string(file, id, value.constData());
        const std::vector<short> silence(size_t(out.samplerate / 50) * size_t(out.channels), 0);
        written =
            sf_writef_short(file, silence.data(), sf_count_t(out.samplerate / 50)) == out.samplerate / 50;
        written = sf_close(file) == 0 && written;
    }
    written = written && ::fsync(scratchFd) == 0;
    ::close(scratchFd);
    SF_INFO check {};
    if (SNDFILE *again = written ? sf_open(scratch.constData(), SFM_READ, &check) : nullptr) {
        sf_close(again);
        if (::rename(scratch.constData(), target.constData()) == 0) {
            // The rename itself made durable, as the repair's other writes are.
            const QByteArray folder = QFile::encodeName(QFileInfo(path).absolutePath());
            if (const int dir = ::open(folder.constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); dir >= 0) {
                ::fsync(dir);
                ::close(dir);
            }
            if (frames)
                *frames = check.frames;
            return Result::Repaired;
        }
    }
    ::unlink(scratch.constData());
    return Result::Unreadable;
}

RecordingRepair::Result RecordingRepair::repairWav(int fd, qint64 *frames)
{
    struct stat info
    {
    };
    std::array<unsigned char, 12> riff {};
    if (::fstat(fd, &info) != 0 || !readAt(fd, riff.data(), riff.size(), 0)
        || std::memcmp(riff.data() + 8, "WAVE", 4) != 0)
        return Result::Unreadable;
    const off_t size = info.st_size;
    quint32 blockAlign = 0;
    for (off_t at = 12; at + 8 <= size;) {
        std::array<unsigned char, 8> chunk {};
        if (!readAt(fd, chunk.data(), chunk.size(), at) || !isChunkId(chunk.data()))
            return Result::Unreadable;
        const off_t body = at + 8;
        const quint32 length = le32(chunk.data() + 4);
        if (std::memcmp(chunk.data(), "fmt ", 4) == 0) {
            std::array<unsigned char, 2> align {};
            if (length < 16 || !readAt(fd, align.data(), align.size(), body + 12))
                return Result::Unreadable;
            blockAlign = quint32(align[0]) | quint32(align[1]) << 8;
        } else if (std::memcmp(chunk.data(), "data", 4) == 0) {
            if (blockAlign == 0)
                return Result::Unreadable;
            const off_t held = size - body;
            const off_t audio = held - held % blockAlign;
            if (frames)
                *frames = audio / blockAlign;
            // Intact: the header counts all the audio, or a valid chunk follows the counted audio (the
            // strings libsndfile writes at the end when it closes).
            std::array<unsigned char, 4> next {};
            const off_t after = body + length + (length & 1);
            if (off_t(length) == audio
                || (off_t(length) < audio && readAt(fd, next.data(), next.size(), after)
                    && isChunkId(next.data()))) {
                if (frames)
                    *frames = length / blockAlign;
                return Result::Intact;
            }
            if (audio > off_t(0xffffffffu) - body)
                return Result::Unreadable;
            std::array<unsigned char, 4> value {};
            putLe32(value.data(), quint32(body + audio - 8));
            if (::pwrite(fd, value.data(), 4, 4) != 4)
                return Result::Unreadable;
            putLe32(value.data(), quint32(audio));
            if (::pwrite(fd, value.data(), 4, at + 4) != 4 || ::ftruncate(fd, body + audio) != 0)
                return Result::Unreadable;
            return Result::Repaired;
        }
        at = body + off_t(length) + (length & 1);
    }
    return Result::Unreadable;
}

RecordingRepair::Result RecordingRepair::repairFlac(const QString &path, int fd, qint64 *frames)
{
    std::array<unsigned char, 8> field {};
    if (!readAt(fd, field.data(), field.size(), FlacStreamInfoSampleField))
        return Result::Unreadable;
    quint64 recorded = field[3] & 0x0f;
    for (int i = 4; i < 8; ++i)
        recorded = recorded << 8 | field[i];

    FlacCount count;
    count.decoder = FLAC__stream_decoder_new();
    if (!count.decoder)
        return Result::Unreadable;
    FLAC__stream_decoder_set_md5_checking(count.decoder, false);
    bool decoded = FLAC__stream_decoder_init_file(count.decoder, QFile::encodeName(path).constData(),
                                                  countFrame, nullptr, decodeError, &count)
        == FLAC__STREAM_DECODER_INIT_STATUS_OK;
    if (decoded)
        decoded = FLAC__stream_decoder_process_until_end_of_stream(count.decoder);
    FLAC__stream_decoder_finish(count.decoder);
    FLAC__stream_decoder_delete(count.decoder);
    if (!decoded && count.frames == 0)
        return Result::Unreadable;
    if (frames)
        *frames = count.frames;
    struct stat info
    {
    };
    const bool trailing = ::fstat(fd, &info) == 0 && count.endOfLastFrame > 0
        && FLAC__uint64(info.st_size) > count.endOfLastFrame;
    if (quint64(count.frames) == recorded && !trailing && !count.failed)
        return Result::Intact;
    // The frame the kill cut short goes: readers that trust the total would stop there anyway.
    if (trailing && ::ftruncate(fd, off_t(count.endOfLastFrame)) != 0)
        return Result::Unreadable;
    return setFlacTotalFrames(fd, count.frames) ? Result::Repaired : Result::Unreadable;
}

bool RecordingRepair::setFlacTotalFrames(int fd, qint64 frames)
{
    std::array<unsigned char, 8> head {};
    std::array<unsigned char, 8> field {};
    // STREAMINFO must be the first block (type 0, with or without the last-block flag).
    if (fd < 0 || frames < 0 || !readAt(fd, head.data(), head.size(), 0)
        || std::memcmp(head.data(), "fLaC", 4) != 0 || (head[4] & 0x7f) != 0
        || !readAt(fd, field.data(), field.size(), FlacStreamInfoSampleField))
        return false;
    const quint64 total = quint64(frames) & 0xfffffffffULL;
    field[3] = static_cast<unsigned char>((field[3] & 0xf0) | (total >> 32));
    for (int i = 0; i < 4; ++i)
        field[4 + i] = static_cast<unsigned char>(total >> (8 * (3 - i)));
    return ::pwrite(fd, field.data() + 3, 5, FlacStreamInfoSampleField + 3) == 5;
}
