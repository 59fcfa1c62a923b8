#pragma once

#include <QtCore/qhash.h>
#include <QtCore/qobject.h>
#include <QtCore/qstringlist.h>
#include <QtCore/qvariant.h>

#include <functional>
#include <optional>

class CallEngine;
class ConsoleSettings;
class LineProvider;

// The SIP accounts of the settings (array sipAccounts) as lines, kept in step with the settings while the
// console runs: one provider per account, so each can come and go alone. An account added in Settings
// starts (registers) at once; a removed one is detached from the engine (its line takes no new call, the
// calls in progress go on; once they have ended the account un-registers and its line leaves the engine);
// a changed one is detached the same way and started again with its new values once its line is gone.
// An account whose values the SIP plugin refuses is reported (log and the engine's errorEvent) and the
// others run.
class SipAccountLines : public QObject
{
    Q_OBJECT

public:
    // Makes the provider of one account (the map of its keys); nullptr with *error when it cannot.
    using Factory = std::function<LineProvider *(const QVariantMap &account, QString *error)>;

    SipAccountLines(CallEngine *engine, ConsoleSettings *settings, Factory factory,
                    QObject *parent = nullptr);
    // Deletes the providers; the engine must have stopped them (CallEngine::detachProviders) first.
    ~SipAccountLines() override;

    // Reads the settings' accounts and applies them; again on every change of the array.
    void start();
    // The account ids with a provider attached now (a retiring one included), sorted.
    QStringList runningAccounts() const;

Q_SIGNALS:
    // An account's values could not be used (also sent as the engine's errorEvent).
    void accountRefused(const QString &accountId, const QString &reason);

private:
    struct Account
    {
        QVariantMap config; // what runs (or was refused)
        LineProvider *provider = nullptr;
        // The values to start once the running provider is detached (a change); nothing: the account was
        // removed and goes when its provider does.
        std::optional<QVariantMap> next;
    };

    void apply();
    void launch(const QString &id, const QVariantMap &config);
    void onDetached(LineProvider *provider);
    void refuse(const QString &id, const QString &why);

    CallEngine *m_engine;
    ConsoleSettings *m_settings;
    Factory m_factory;
    QHash<QString, Account> m_accounts; // by account id (the line is "sip/<id>")
};
