#pragma once

#include <QtCore/qobject.h>
#include <QtCore/qstringlist.h>
#include <QtQml/qqmlregistration.h>

// What the SIP account form (components/SipAccountForm.qml) checks before it stores an account, in words
// for the user that name the offending file or entry. The settings schema checks each key's type; these
// are the checks that need the file system or the rules of the SIP provider's `monitor` key (users at the
// registrar or sip:/sips: URIs, each user once; providers/sip/core/SipAccountConfig.cpp), so that a wrong
// value is caught in the form rather than when the account opens at the next start.
class SipAccountChecks : public QObject
{
    Q_OBJECT
    QML_ELEMENT

public:
    explicit SipAccountChecks(QObject *parent = nullptr);

    // "" when `path` (a local path; empty means none) names a file this user can read, else why not.
    Q_INVOKABLE QString fileProblem(const QString &path) const;
    // The monitored addresses of a comma-separated text, trimmed, without empty entries.
    Q_INVOKABLE QStringList monitorEntries(const QString &text) const;
    // "" when every entry is a SIP user name or a sip:/sips: URI and no user is listed twice, else the
    // first problem, naming the entry.
    Q_INVOKABLE QString monitorProblem(const QStringList &entries) const;
};
