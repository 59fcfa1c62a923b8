#include "floor/FloorLiveMerge.h"

#include <QtCore/qlist.h>

namespace {
constexpr char Prefix[] = "hookline.live.";
}

FloorLiveMerge::FloorLiveMerge(qint64 holdMs)
    : m_holdMs(holdMs)
{ }

QByteArray FloorLiveMerge::liveSubject(const QString &agentId, const QString &key)
{
    return QByteArray(Prefix) + agentId.toUtf8() + '.' + key.toUtf8();
}

QByteArray FloorLiveMerge::liveWildcard()
{
    return QByteArray(Prefix) + '>';
}

QString FloorLiveMerge::keyOf(const QByteArray &subject)
{
    if (!subject.startsWith(Prefix))
        return {};
    const QString rest = QString::fromUtf8(subject.mid(qsizetype(sizeof(Prefix) - 1)));
    const qsizetype dot = rest.indexOf(u'.');
    if (dot <= 0)
        return {};
    const QString sender = rest.left(dot);
    const QString key = rest.mid(dot + 1);
    const QList<QStringView> tokens = QStringView(key).split(u'.');
    const bool agent = tokens.size() == 2 && tokens.at(0) == QLatin1String("agent");
    const bool call = tokens.size() == 3 && tokens.at(0) == QLatin1String("call");
    if ((!agent && !call) || tokens.at(1) != sender)
        return {}; // not a key of the floor's, or another console's
    return key;
}

bool FloorLiveMerge::fromLive(const QString &key, const QByteArray &value, qint64 nowMs)
{
    QMutexLocker lock(&m_mutex);
    m_live.insert(key, Live {value, nowMs});
    return true; // also when unchanged: a rewrite is what keeps the entry from expiring in the view
}

bool FloorLiveMerge::fromBucket(const QString &key, const QByteArray &value, qint64 nowMs)
{
    QMutexLocker lock(&m_mutex);
    const auto it = m_live.constFind(key);
    if (it == m_live.cend())
        return true;
    if (it->value == value) {
        m_live.erase(it); // the bucket caught up; it was delivered already
        return false;
    }
    if (nowMs - it->atMs < m_holdMs)
        return false; // the bucket is behind the live path
    m_live.erase(it);
    return true;
}
