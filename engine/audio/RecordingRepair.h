#pragma once

#include <QtCore/qstring.h>

// What a killed recorder leaves behind, made readable on the next start. A WAV whose header counts less
// audio than the file holds gets its sizes rewritten; a FLAC file gets STREAMINFO's total set to the frames
// that decode and loses the frame the kill cut short. Ogg/Opus with audio pages needs nothing (readers find
// its length from the last complete page); one killed before its first audio page holds header pages alone,
// which libsndfile refuses, and is rewritten as a valid recording of 20 ms of silence with the same layout
// and tags. Safe to run on an intact file (it is left as it is).
class RecordingRepair
{
public:
    enum class Result { Intact, Repaired, Unreadable };

    // `frames`, when given, receives the audio frames the file holds afterwards.
    static Result repair(const QString &path, qint64 *frames = nullptr);
    // Writes `frames` into the STREAMINFO total of the FLAC file open on fd, in place (pwrite: the file
    // offset stays where the encoder left it). False when the file does not start with STREAMINFO.
    static bool setFlacTotalFrames(int fd, qint64 frames);

private:
    static Result repairOgg(const QString &path, int fd, qint64 *frames);
    static Result repairWav(int fd, qint64 *frames);
    static Result repairFlac(const QString &path, int fd, qint64 *frames);
};
