#pragma once

// What the tests of the settings' SIP accounts (app/SipAccountLines) share: the console's settings in an
// ini file of a temporary folder, the real engine, and SipAccountLines making one SipLineProvider per
// account on a stack the test chooses (the simulated twin, or libre against Kamailio).
#include "SipAccountLines.h"
#include "SipLineProvider.h"
#include "SipStack.h"
#include "core/PreservingIniFormat.h"
#include "session/CallEngine.h"
#include "settings/ConsoleSettings.h"

#include <QtCore/qsettings.h>
#include <QtCore/qtemporarydir.h>
#include <QtCore/qvariant.h>

#include <functional>
#include <memory>

class SipAccountsFixture
{
protected:
    // The stack of one account's provider (its config parsed from the settings' map).
    using StackFactory = std::function<SipStack *(const SipAccountConfig &config)>;

    // Fresh settings, engine and SipAccountLines (not started) whose providers run on makeStack's stacks.
    void setUpAccounts(const StackFactory &makeStack)
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_store =
            std::make_unique<QSettings>(m_dir->filePath("hookline.conf"), PreservingIniFormat::format());
        m_settings = std::make_unique<ConsoleSettings>(m_store.get(), QString(), nullptr);
        m_engine = std::make_unique<CallEngine>(nullptr);
        m_lines = std::make_unique<SipAccountLines>(
            m_engine.get(), m_settings.get(),
            [makeStack](const QVariantMap &map, QString *error) -> LineProvider * {
                SipAccountConfig config;
                if (!SipAccountConfig::fromVariantMap(map, &config, error))
                    return nullptr;
                return new SipLineProvider({config}, makeStack(config));
            });
    }
    // The engine stops the providers, then everything goes in the reverse order of its making.
    void tearDownAccounts()
    {
        if (m_engine)
            m_engine->detachProviders();
        m_lines.reset();
        m_engine.reset();
        m_settings.reset();
        m_store.reset();
        m_dir.reset();
    }
    // An account as the settings hold it.
    static QVariantMap accountOf(const QString &registrar, const QString &user, const QString &password)
    {
        return {{"registrar", registrar}, {"user", user}, {"password", password}};
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QSettings> m_store;
    std::unique_ptr<ConsoleSettings> m_settings;
    std::unique_ptr<CallEngine> m_engine;
    std::unique_ptr<SipAccountLines> m_lines;
};
