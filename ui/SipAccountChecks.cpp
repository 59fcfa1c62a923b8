#include "SipAccountChecks.h"

#include <QtCore/qfileinfo.h>
#include <QtCore/qregularexpression.h>

namespace {

const QRegularExpression &userPart()
{
    static const QRegularExpression pattern(QStringLiteral(R"(^[A-Za-z0-9._~!$&'()*+;=%-]+$)"));
    return pattern;
}

const QRegularExpression &sipUri()
{
    static const QRegularExpression pattern(
        QStringLiteral(R"(^sips?:([A-Za-z0-9._~!$&'()*+;=%-]+)@[A-Za-z0-9.:\[\]-]+$)"));
    return pattern;
}

} // namespace

SipAccountChecks::SipAccountChecks(QObject *parent)
    : QObject(parent)
{ }

QString SipAccountChecks::fileProblem(const QString &path) const
{
    const QString trimmed = path.trimmed();
    if (trimmed.isEmpty())
        return {};
    const QFileInfo file(trimmed);
    if (file.isRelative())
        return tr("%1 is not a full path (it must start with /).").arg(trimmed);
    if (!file.exists())
        return tr("%1 does not exist.").arg(trimmed);
    if (file.isDir())
        return tr("%1 is a folder, not a file.").arg(trimmed);
    if (!file.isReadable())
        return tr("%1 cannot be read by this user.").arg(trimmed);
    return {};
}

QStringList SipAccountChecks::monitorEntries(const QString &text) const
{
    QStringList entries;
    for (const QString &entry : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        if (!entry.trimmed().isEmpty())
            entries << entry.trimmed();
    }
    return entries;
}

QString SipAccountChecks::monitorProblem(const QStringList &entries) const
{
    QStringList users;
    for (const QString &entry : entries) {
        QString user;
        if (userPart().match(entry).hasMatch()) {
            user = entry;
        } else {
            const QRegularExpressionMatch match = sipUri().match(entry);
            if (!match.hasMatch())
                return tr("\"%1\" is not a number, a SIP user name or a sip: address.").arg(entry);
            user = match.captured(1);
        }
        if (users.contains(user))
            return tr("\"%1\" is listed twice.").arg(user);
        users << user;
    }
    return {};
}
