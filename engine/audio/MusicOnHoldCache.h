#pragma once

#include <QtCore/qhash.h>
#include <QtCore/qobject.h>
#include <QtCore/qset.h>
#include <QtCore/qthread.h>

#include <cstdint>
#include <memory>
#include <vector>

// Music on hold (a sound file of up to 64 MB) decoded and resampled once per line rate, then shared by
// every held call at that rate. In the console the decoding runs on a worker thread of its own: a call
// that connects never waits for it on the GUI thread, it is simply silent on hold until ready() brings
// the samples (queued back to this object's thread). Headless runs in virtual time decode inline, so a
// scenario hears the music at the same virtual moment on every run.
class MusicOnHoldCache : public QObject
{
    Q_OBJECT

public:
    enum class Decoding { OnWorker, Inline };
    using Samples = std::shared_ptr<const std::vector<int16_t>>;

    explicit MusicOnHoldCache(Decoding decoding, QObject *parent = nullptr);
    ~MusicOnHoldCache() override; // waits for a decode in progress

    // The samples of `path` at `lineRate` when decoded. Otherwise nullptr: a decode starts (once per path
    // and rate; ready() or failed() follows), or the file could not be decoded (failed() said why). A new
    // path forgets the old one's samples.
    Samples samples(const QString &path, int lineRate);

Q_SIGNALS:
    void ready(const QString &path, int lineRate, MusicOnHoldCache::Samples samples);
    void failed(const QString &path, int lineRate, const QString &error);
    // Emitted on the thread that decodes, as the decode starts (tests check which thread that is).
    void decodeStarted(const QString &path, int lineRate);

private:
    void decoded(const QString &path, int lineRate, Samples samples, const QString &error);

    const Decoding m_decoding;
    QThread m_thread;
    QObject m_worker; // lives on m_thread: decodes run in its event loop, one after the other
    QString m_path;
    QHash<int, Samples> m_byRate; // nullptr: the file could not be decoded at that rate
    QSet<int> m_decodingRates;
};
