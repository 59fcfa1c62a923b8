// libFuzzer entry point for the console's settings file (~/.config/Hookline/hookline.conf): the input is
// the file. Reading it as the console does at start-up (the sound-card lines, each line's configuration as
// the soundline provider checks it, the stored agent state) must not crash, must stay bounded (a huge
// soundLines/size is refused naming the key, never allocated) and must leave the file byte for byte as it
// was (nothing is written at start-up). Every schema key read through ConsoleSettings, with the file as the
// user's and as the administrator's, is a value its schema allows (a bad one falls back to the default).
// The file is read through PreservingIniFormat, the console's format.
// Also built without libFuzzer as settings_corpus_replay (replay_main.cpp), which runs the seeds in ctest.

#include "../FuzzSupport.h"
#include "SoundLineConfig.h"
#include "SoundLineSettings.h"
#include "agent/AgentState.h"
#include "core/PreservingIniFormat.h"
#include "settings/ConsoleSettings.h"

#include <QtCore/qcoreapplication.h>
#include <QtCore/qfile.h>
#include <QtCore/qsettings.h>
#include <QtCore/qtemporarydir.h>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz::application("fuzz_settings");
    static QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("hookline.conf"));
    const QByteArray original(reinterpret_cast<const char *>(data), qsizetype(size));
    {
        QFile file(path);
        fuzz::require(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        fuzz::require(file.write(original) == original.size());
    }
    {
        QSettings settings(path, PreservingIniFormat::format()); // as the console reads it
        QVariantList lines;
        QString refusal;
        if (SoundLineSettings::read(settings, &lines, &refusal)) {
            fuzz::require(lines.size() <= SoundLineSettings::MaxLines);
            for (const QVariant &line : std::as_const(lines)) {
                SoundLineConfig config;
                QString error;
                if (!SoundLineConfig::fromVariantMap(line.toMap(), &config, &error))
                    fuzz::require(!error.isEmpty());
            }
        } else {
            fuzz::require(refusal.startsWith(QLatin1String("soundLines/size=")));
        }
        ConsoleSettings asUser(&settings, QString(), nullptr);
        ConsoleSettings asAdmin(&settings, path, nullptr);
        for (SettingsSchema::Key key : SettingsSchema::keys()) {
            for (const ConsoleSettings *typed : {&asUser, &asAdmin}) {
                const QVariant value = typed->value(key);
                const auto valid = SettingsSchema::validated(key, value);
                fuzz::require(valid.has_value() && *valid == value);
            }
        }
        AgentState agent(nullptr);
        agent.persistIn(path + QStringLiteral(".agent-state"), &settings);
        const AgentState::State state = agent.state();
        fuzz::require(state == AgentState::Ready || state == AgentState::NotReady
                      || state == AgentState::Offline);
    } // QSettings writes here if anything was set
    QFile file(path);
    fuzz::require(file.open(QIODevice::ReadOnly));
    fuzz::require(file.readAll() == original);
    return 0;
}
