#include "MusicOnHoldCache.h"

#include "SoundFileDecoder.h"

MusicOnHoldCache::MusicOnHoldCache(Decoding decoding, QObject *parent)
    : QObject(parent)
    , m_decoding(decoding)
{
    if (m_decoding == Decoding::OnWorker) {
        m_thread.setObjectName(QStringLiteral("hookline-music-on-hold"));
        m_worker.moveToThread(&m_thread);
        m_thread.start(QThread::LowPriority);
    }
}

MusicOnHoldCache::~MusicOnHoldCache()
{
    m_thread.quit();
    m_thread.wait();
}

MusicOnHoldCache::Samples MusicOnHoldCache::samples(const QString &path, int lineRate)
{
    if (path != m_path) {
        m_path = path;
        m_byRate.clear();
        m_decodingRates.clear(); // a late result for the old path is dropped in decoded()
    }
    if (path.isEmpty())
        return nullptr;
    const auto cached = m_byRate.constFind(lineRate);
    if (cached != m_byRate.cend())
        return cached.value();
    if (m_decodingRates.contains(lineRate))
        return nullptr;
    m_decodingRates.insert(lineRate);
    auto decode = [this, path, lineRate] {
        Q_EMIT decodeStarted(path, lineRate);
        auto samples = std::make_shared<std::vector<int16_t>>();
        QString error;
        if (SoundFileDecoder::decodeFile(path, lineRate, samples.get(), &error) && samples->empty())
            error = tr("the file holds no sound");
        if (!error.isEmpty())
            samples.reset();
        return std::pair {Samples(std::move(samples)), error};
    };
    if (m_decoding == Decoding::Inline) {
        const auto result = decode();
        decoded(path, lineRate, result.first, result.second);
        return m_byRate.value(lineRate);
    }
    QMetaObject::invokeMethod(&m_worker, [this, decode, path, lineRate] {
        const auto result = decode(); // a pair, not a structured binding: clang 14 cannot capture those
        // Queued back: this object lives on the thread that asked, and outlives the worker (see ~).
        QMetaObject::invokeMethod(
            this, [this, path, lineRate, result] { decoded(path, lineRate, result.first, result.second); },
            Qt::QueuedConnection);
    });
    return nullptr;
}

void MusicOnHoldCache::decoded(const QString &path, int lineRate, Samples samples, const QString &error)
{
    if (path != m_path || !m_decodingRates.remove(lineRate))
        return; // the setting changed meanwhile
    m_byRate.insert(lineRate, samples);
    if (samples)
        Q_EMIT ready(path, lineRate, samples);
    else
        Q_EMIT failed(path, lineRate, error);
}
