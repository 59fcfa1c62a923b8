#include "Recorder.h"

#include "Logging.h"
#include "RecordingRepair.h"

#include <QtCore/qfile.h>

#include <sndfile.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace {

// libsndfile encodes in chunks of up to 8192 frames and libFLAC holds up to one block (4096 frames at
// libsndfile's default level 5) before writing it.
constexpr qint64 FlacBufferedFrames = 8192 + 4096;

int sndfileFormat(Recorder::Format format)
{
    switch (format) {
    case Recorder::Wav:
        return SF_FORMAT_WAV | SF_FORMAT_PCM_16;
    case Recorder::Flac:
        return SF_FORMAT_FLAC | SF_FORMAT_PCM_16;
    case Recorder::OggOpus:
        return SF_FORMAT_OGG | SF_FORMAT_OPUS;
    }
    return 0;
}

} // namespace

Recorder::Recorder(QObject *parent)
    : QObject(parent)
{ }

Recorder::~Recorder()
{
    close();
}

bool Recorder::start(const QString &path, Format format, Layout layout, int sampleRate,
                     const Metadata &metadata)
{
    if (m_file) {
        qCWarning(lcAudio).noquote() << "refused a second recording; already recording into" << m_path;
        return false;
    }
    m_path = path;
    m_format = format;
    m_layout = layout;
    m_sampleRate = sampleRate;
    m_framesWritten = 0;
    m_framesAtLastHeader = 0;
    m_error.clear();

    // O_EXCL: never overwrite an earlier recording; 0600: calls are private.
    // Read-write: the FLAC header update reads the STREAMINFO it patches.
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) {
        fail(
            tr("Cannot create the recording %1: %2").arg(path, QString::fromLocal8Bit(std::strerror(errno))));
        return false;
    }
    SF_INFO info {};
    info.samplerate = sampleRate;
    info.channels = layout == CallerLeftAgentRight ? 2 : 1;
    info.format = sndfileFormat(format);
    if (!sf_format_check(&info)) {
        ::close(fd);
        ::unlink(QFile::encodeName(path).constData());
        fail(tr("Cannot record %1: the format does not support %2 Hz.").arg(path).arg(sampleRate));
        return false;
    }
    m_file = sf_open_fd(fd, SFM_WRITE, &info, SF_TRUE);
    m_fd = m_file ? fd : -1;
    if (!m_file) {
        const QString reason = QString::fromLocal8Bit(sf_strerror(nullptr));
        ::close(fd);
        ::unlink(QFile::encodeName(path).constData());
        fail(tr("Cannot start the recording %1: %2").arg(path, reason));
        return false;
    }
    const QByteArray title = metadata.title.toUtf8();
    const QByteArray date = metadata.date.toString(Qt::ISODate).toUtf8();
    const QByteArray numbers =
        QStringLiteral("caller %1, called %2").arg(metadata.callerNumber, metadata.calledNumber).toUtf8();
    sf_set_string(m_file, SF_STR_TITLE, title.constData());
    sf_set_string(m_file, SF_STR_DATE, date.constData());
    sf_set_string(m_file, SF_STR_COMMENT, numbers.constData());
    sf_set_string(m_file, SF_STR_SOFTWARE, "Hookline");
    // libsndfile writes FLAC and Ogg/Opus headers only with the first audio: a console killed in between
    // (the mixer's next block is 20 ms or more away) left an empty file that nothing can repair. The header
    // goes to disk now, strings included (WAV's is written at open). A FLAC file of a header alone opens
    // empty. Ogg/Opus is different: libsndfile calls a file of header pages alone malformed, and it writes
    // the first audio page only after about a second of audio (its page latency), so a kill in the first
    // second leaves such a file. Making the first page come sooner would not close that gap (a page needs
    // audio, and the kill can come before any), so RecordingRepair rewrites a header-only file on the next
    // start, from the layout and tags these header pages hold.
    if (format == Flac || format == OggOpus)
        sf_command(m_file, SFC_UPDATE_HEADER_NOW, nullptr, 0);
    // Crash safety for WAV: libsndfile rewrites the header's sizes after every write, so a killed
    // process leaves a file that counts everything written (one seek and 44 bytes per 20 ms block).
    if (format == Wav)
        sf_command(m_file, SFC_SET_UPDATE_HEADER_AUTO, nullptr, SF_TRUE);
    setState(Recording);
    return true;
}

void Recorder::write(std::span<const int16_t> caller, std::span<const int16_t> agent)
{
    if (m_state != Recording)
        return;
    const size_t frames = std::max(caller.size(), agent.size());
    const auto sample = [](std::span<const int16_t> side, size_t i) {
        return i < side.size() ? int(side[i]) : 0;
    };
    const int channels = m_layout == CallerLeftAgentRight ? 2 : 1;
    m_frames.resize(frames * size_t(channels));
    for (size_t i = 0; i < frames; ++i) {
        if (channels == 2) {
            m_frames[2 * i] = int16_t(sample(caller, i));
            m_frames[2 * i + 1] = int16_t(sample(agent, i));
        } else {
            m_frames[i] = int16_t((sample(caller, i) + sample(agent, i)) / 2);
        }
    }
    const sf_count_t written = sf_writef_short(m_file, m_frames.data(), sf_count_t(frames));
    if (written != sf_count_t(frames)) {
        const QString reason = QString::fromLocal8Bit(sf_strerror(m_file));
        fail(tr("The recording %1 stopped: %2").arg(m_path, reason));
        return;
    }
    m_framesWritten += written;
    // Crash safety for FLAC: libsndfile has no header update for it (libFLAC writes STREAMINFO's total
    // only when the file is closed, so a killed file says 0 frames). Once per second of audio the total
    // is set to what is surely encoded on disk: what was written less what libsndfile and libFLAC may
    // still hold (at most FlacBufferedFrames). A normal close writes the exact total over it.
    if (m_format == Flac && m_framesWritten - m_framesAtLastHeader >= m_sampleRate) {
        RecordingRepair::setFlacTotalFrames(m_fd, std::max<qint64>(0, m_framesWritten - FlacBufferedFrames));
        m_framesAtLastHeader = m_framesWritten;
    }
}

void Recorder::pause()
{
    if (m_state == Recording)
        setState(Paused);
}

void Recorder::resume()
{
    if (m_state == Paused)
        setState(Recording);
}

void Recorder::stop()
{
    if (m_state != Recording && m_state != Paused)
        return;
    // An Ogg/Opus file closed with no audio holds header pages alone, which libsndfile refuses to open (a
    // recording paused from its start, or stopped before the first block): one Opus frame of silence
    // makes it a valid, empty-sounding recording.
    if (m_format == OggOpus && m_framesWritten == 0) {
        const int channels = m_layout == CallerLeftAgentRight ? 2 : 1;
        m_frames.assign(size_t(m_sampleRate / 50) * size_t(channels), 0);
        m_framesWritten = sf_writef_short(m_file, m_frames.data(), sf_count_t(m_sampleRate / 50));
    }
    close();
    setState(Finished);
}

void Recorder::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void Recorder::fail(const QString &message)
{
    qCWarning(lcAudio).noquote() << message;
    close();
    m_error = message;
    setState(Failed);
    Q_EMIT failed(message);
}

void Recorder::close()
{
    if (m_file) {
        sf_close(m_file);
        m_file = nullptr;
        m_fd = -1;
    }
}
