#include "SipAccountLines.h"

#include "core/Logging.h"
#include "providers/LineProvider.h"
#include "session/CallEngine.h"
#include "settings/ConsoleSettings.h"
#include "settings/SettingsSchema.h"

#include <algorithm>

SipAccountLines::SipAccountLines(CallEngine *engine, ConsoleSettings *settings, Factory factory,
                                 QObject *parent)
    : QObject(parent)
    , m_engine(engine)
    , m_settings(settings)
    , m_factory(std::move(factory))
{
    connect(m_engine, &CallEngine::providerDetached, this, &SipAccountLines::onDetached);
}

SipAccountLines::~SipAccountLines()
{
    for (const Account &account : std::as_const(m_accounts))
        delete dynamic_cast<QObject *>(account.provider);
}

void SipAccountLines::start()
{
    connect(m_settings, &ConsoleSettings::entriesChanged, this, [this](SettingsSchema::Array array) {
        if (array == SettingsSchema::SipAccounts)
            apply();
    });
    apply();
}

QStringList SipAccountLines::runningAccounts() const
{
    QStringList ids;
    for (auto it = m_accounts.cbegin(); it != m_accounts.cend(); ++it) {
        if (it->provider)
            ids << it.key();
    }
    std::sort(ids.begin(), ids.end());
    return ids;
}

void SipAccountLines::refuse(const QString &id, const QString &why)
{
    const QString message = id.isEmpty()
        ? tr("The SIP accounts in the settings (sipAccounts, %1) are not used: %2")
              .arg(m_settings->userFile(), why)
        : tr("The SIP account %1 in the settings (sipAccounts, %2) is not used: %3")
              .arg(id, m_settings->userFile(), why);
    qCWarning(lcProviders).noquote() << message;
    Q_EMIT m_engine->errorEvent(message);
    Q_EMIT accountRefused(id, why);
}

void SipAccountLines::apply()
{
    QString refusal;
    const std::optional<QVariantList> entries = m_settings->entries(SettingsSchema::SipAccounts, &refusal);
    if (!entries) {
        // The files hold something the console cannot read: what runs goes on as it is.
        refuse({}, refusal);
        return;
    }
    QStringList order;
    QHash<QString, QVariantMap> wanted;
    for (const QVariant &entry : *entries) {
        const QVariantMap map = entry.toMap();
        const QString id = SettingsSchema::entryId(SettingsSchema::SipAccounts, map);
        if (wanted.contains(id)) {
            refuse(id, tr("the id is used twice"));
            continue;
        }
        order << id;
        wanted.insert(id, map);
    }
    // Removed accounts: their providers are detached; they go once their calls have ended.
    const QStringList known = m_accounts.keys();
    for (const QString &id : known) {
        if (wanted.contains(id))
            continue;
        Account &account = m_accounts[id];
        account.next.reset();
        if (!account.provider) {
            m_accounts.remove(id);
            continue;
        }
        qCInfo(lcProviders).noquote() << "SIP account" << id << "removed from the settings";
        m_engine->detachProvider(account.provider);
    }
    for (const QString &id : std::as_const(order)) {
        const QVariantMap &config = wanted.value(id);
        auto it = m_accounts.find(id);
        if (it == m_accounts.end()) {
            launch(id, config);
            continue;
        }
        if (!it->provider) { // refused before: try the new values
            if (it->config != config)
                launch(id, config);
            continue;
        }
        if (m_engine->isDetaching(it->provider)) {
            // Removed or changed before and still waiting for its calls: these values start after it.
            it->next = config;
            continue;
        }
        if (it->config == config)
            continue;
        qCInfo(lcProviders).noquote() << "SIP account" << id << "changed: replaced once its calls have ended";
        it->next = config;
        m_engine->detachProvider(it->provider);
    }
}

void SipAccountLines::launch(const QString &id, const QVariantMap &config)
{
    Account &account = m_accounts[id];
    account.config = config;
    account.next.reset();
    account.provider = nullptr;
    QString error;
    LineProvider *provider = m_factory(config, &error);
    if (!provider) {
        refuse(id, error);
        return;
    }
    account.provider = provider;
    qCInfo(lcProviders).noquote() << "SIP account" << id << "started";
    m_engine->attachProvider(provider);
}

void SipAccountLines::onDetached(LineProvider *provider)
{
    for (auto it = m_accounts.begin(); it != m_accounts.end(); ++it) {
        if (it->provider != provider)
            continue;
        it->provider = nullptr;
        // The engine has let go of it; the report that ended its last call may still be on the stack.
        if (auto *object = dynamic_cast<QObject *>(provider))
            object->deleteLater();
        const QString id = it.key();
        if (std::optional<QVariantMap> next = std::exchange(it->next, std::nullopt))
            launch(id, *next);
        else
            m_accounts.erase(it);
        return;
    }
}
