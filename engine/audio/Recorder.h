#pragma once

#include <QtCore/qdatetime.h>
#include <QtCore/qobject.h>
#include <QtQml/qqmlregistration.h>

#include <cstdint>
#include <span>
#include <vector>

struct sf_private_tag;

// One session's recording, written with libsndfile: WAV (default), FLAC or Ogg/Opus; stereo with the
// caller left and the agent right, or a mono mix. The file is created owner-only (0600) and never
// overwrites an existing one. WAV headers are rewritten after every write, so a killed process leaves a
// file with everything written; a FLAC file's total is updated every second of audio to what is surely
// encoded (up to 1.5 s behind at 8 kHz), and RecordingRepair sets the exact total on the next start. FLAC and
// Ogg/Opus headers are on disk from the start; an Ogg/Opus file killed before its first audio page (about a
// second in) is header pages alone, which RecordingRepair makes readable, and one stopped before any audio
// gets an Opus frame of silence so that it opens. A write
// that fails (full disk, size limit) stops the recording with a message naming the file; the call itself is
// not this object's business and goes on. Not thread-bound: the audio bridge calls it on its worker thread;
// signals reach the GUI queued.
class Recorder : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Recordings are started by the session's audio")
    Q_PROPERTY(State state READ state NOTIFY stateChanged FINAL)
    Q_PROPERTY(QString path READ path NOTIFY stateChanged FINAL)
    Q_PROPERTY(QString errorString READ errorString NOTIFY stateChanged FINAL)

public:
    enum Format { Wav, Flac, OggOpus };
    Q_ENUM(Format)
    enum Layout { CallerLeftAgentRight, MonoMix };
    Q_ENUM(Layout)
    enum State { Idle, Recording, Paused, Finished, Failed };
    Q_ENUM(State)

    struct Metadata
    {
        QString title;
        QDateTime date;
        QString callerNumber;
        QString calledNumber;
    };

    explicit Recorder(QObject *parent = nullptr);
    ~Recorder() override;

    // Creates `path` and starts recording; false (and failed()) when it cannot. Ogg/Opus needs a rate
    // Opus supports (8, 12, 16, 24 or 48 kHz).
    bool start(const QString &path, Format format, Layout layout, int sampleRate, const Metadata &metadata);
    // One block of both directions at the recording's rate; the shorter side is padded with silence.
    // Dropped while paused.
    void write(std::span<const int16_t> caller, std::span<const int16_t> agent);
    void pause();
    void resume();
    // Closes the file (headers final). Nothing happens when not recording.
    void stop();

    State state() const { return m_state; }
    QString path() const { return m_path; }
    QString errorString() const { return m_error; }
    qint64 framesWritten() const { return m_framesWritten; }
    // The recording's rate, fixed when it started.
    int sampleRate() const { return m_sampleRate; }

Q_SIGNALS:
    void stateChanged(Recorder::State state);
    void failed(const QString &message);

private:
    void setState(State state);
    void fail(const QString &message);
    void close();

    sf_private_tag *m_file = nullptr;
    int m_fd = -1; // m_file's descriptor, for FLAC header updates (pwrite: the file offset stays)
    State m_state = Idle;
    Format m_format = Wav;
    Layout m_layout = CallerLeftAgentRight;
    int m_sampleRate = 0;
    QString m_path;
    QString m_error;
    qint64 m_framesWritten = 0;
    qint64 m_framesAtLastHeader = 0;
    std::vector<int16_t> m_frames; // interleaved scratch, reused per write
};
