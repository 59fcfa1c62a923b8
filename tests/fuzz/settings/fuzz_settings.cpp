// libFuzzer entry point for the console's settings file (~/.config/Hookline/hookline.conf): the input is
// the file. Reading it as the console does at start-up (the sound-card lines and SIP accounts through the
// schema, each line's configuration as the soundline provider checks it, the stored agent state) must not
// crash, must stay bounded (a huge soundLines/size is refused naming the key, never allocated) and must leave
// the file byte for byte as it was (nothing is written at start-up). Every schema key read through
// ConsoleSettings, with the file as the user's and as the administrator's, is a value its schema allows (a
// bad one falls back to the default). The file is read through PreservingIniFormat, the console's format.
// Also built without libFuzzer as settings_corpus_replay (replay_main.cpp), which runs the seeds in ctest.

#include "../FuzzSupport.h"
#include "SoundLineConfig.h"
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
        ConsoleSettings asUser(&settings, QString(), nullptr);
        ConsoleSettings asAdmin(&settings, path, nullptr);
        for (const ConsoleSettings *typed : {&asUser, &asAdmin}) {
            for (int a = 0; a < SettingsSchema::ArrayCount; ++a) {
                const auto array = SettingsSchema::Array(a);
                const QString name = SettingsSchema::array(array).name;
                QString refusal;
                const std::optional<QVariantList> entries = typed->entries(array, &refusal);
                if (!entries) {
                    fuzz::require(refusal.startsWith(name + u'/'));
                    continue;
                }
                // Each file's array is bounded; the administrator's entries come first.
                fuzz::require(entries->size() <= 2 * SettingsSchema::array(array).maxSize);
                for (const QVariant &entry : *entries) {
                    const QVariantMap map = entry.toMap();
                    for (auto it = map.begin(); it != map.end(); ++it) {
                        const SettingsSchema::Spec *spec = SettingsSchema::entrySpec(array, it.key());
                        fuzz::require(spec && SettingsSchema::validated(*spec, it.value()) == it.value());
                    }
                    if (array != SettingsSchema::SoundLines)
                        continue;
                    SoundLineConfig config;
                    QString error;
                    if (!SoundLineConfig::fromVariantMap(map, &config, &error))
                        fuzz::require(!error.isEmpty());
                }
            }
        }
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
