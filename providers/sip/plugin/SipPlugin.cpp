#include "SipPlugin.h"

#include "LibreSipStack.h"
#include "SipLineProvider.h"

LineProvider *SipPlugin::createLineProvider(const QVariantMap &config, QObject *parent, QString *error)
{
    QVariantMap settings = config;
    int retrySeconds = 30;
    if (settings.contains(QLatin1String("retrySeconds"))) {
        bool ok = false;
        retrySeconds = settings.take(QStringLiteral("retrySeconds")).toString().toInt(&ok);
        if (!ok || retrySeconds < 1 || retrySeconds > 3600) {
            *error = QStringLiteral("retrySeconds: not a number from 1 to 3600");
            return nullptr;
        }
    }
    QList<QVariantMap> maps;
    if (settings.contains(QLatin1String("accounts"))) {
        for (const QVariant &entry : settings.value(QLatin1String("accounts")).toList())
            maps.append(entry.toMap());
    } else {
        maps.append(settings);
    }
    if (maps.isEmpty()) {
        *error = QStringLiteral("accounts: no account configured");
        return nullptr;
    }
    QList<SipAccountConfig> accounts;
    for (qsizetype i = 0; i < maps.size(); ++i) {
        SipAccountConfig account;
        QString accountError;
        if (!SipAccountConfig::fromVariantMap(maps.at(i), &account, &accountError)) {
            *error = QStringLiteral("sipAccounts[%1].%2").arg(i).arg(accountError);
            return nullptr;
        }
        for (const SipAccountConfig &other : std::as_const(accounts)) {
            if (other.id == account.id) {
                *error = QStringLiteral("sipAccounts[%1].id: '%2' is used twice").arg(i).arg(account.id);
                return nullptr;
            }
        }
        accounts.append(account);
    }
    auto *stack = new LibreSipStack;
    stack->setRetryInterval(retrySeconds);
    return new SipLineProvider(accounts, stack, parent);
}
