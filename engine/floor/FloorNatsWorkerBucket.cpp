// FloorNatsWorker's wait for the bucket: a put the bucket did not answer (its stream lost its leader with a
// server of the cluster, while this console's own server lives on) keeps its key and the others dirty, and a
// short look at the stream, repeated every RetryMs, writes them all as soon as the cluster has elected a new
// leader, instead of at the next periodic rewrite (a third of the TTL) or after each further put's timeout;
// a bucket deleted meanwhile is made again.
#include "floor/FloorLogging.h"
#include "floor/FloorNatsHandles.h"
#include "floor/FloorNatsWorker.h"

#include <QtCore/qcoreapplication.h>
#include <QtCore/qelapsedtimer.h>

void FloorNatsWorker::awaitBucket(const QString &error)
{
    if (m_awaitingBucket)
        return;
    m_awaitingBucket = true;
    qCInfo(lcFloor) << "floor: the bucket did not take a write (" << error << "); waiting for its stream";
    // Requests and live changes still go through: the connection itself is up.
    setStatus(Reconnecting, QCoreApplication::translate("FloorLink", "JetStream unavailable: %1").arg(error));
    m_bucketProbe.start(0);
}

void FloorNatsWorker::probeBucket()
{
    if (!m_awaitingBucket || !m_ready || m_closing)
        return; // a reconnect's becameReady() looks the bucket up and writes everything again
    jsOptions quick;
    jsOptions_Init(&quick);
    quick.Wait = BucketProbeMs;
    QElapsedTimer took;
    took.start();
    jsStreamInfo *info = nullptr;
    const QByteArray stream = "KV_" + m_settings.bucket.toUtf8();
    const natsStatus s = js_GetStreamInfo(&info, m_nats->js, stream.constData(), &quick, nullptr);
    jsStreamInfo_Destroy(info);
    if (s == NATS_NOT_FOUND) {
        // The bucket was deleted under the console: made again, as on a first connect, and written whole.
        m_awaitingBucket = false;
        m_ready = false;
        becameReady();
        return;
    }
    if (s != NATS_OK) {
        // Unanswered (no leader yet): asked again at once; answered with an error: after RetryMs.
        m_bucketProbe.start(int(std::max<qint64>(0, RetryMs - took.elapsed())));
        return;
    }
    m_awaitingBucket = false;
    setStatus(Connected);
    flush();
}
