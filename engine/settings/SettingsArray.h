#pragma once

#include "settings/SettingsSchema.h"

#include <QtCore/qobject.h>
#include <QtCore/qvariant.h>
#include <QtQml/qqmlregistration.h>

class ConsoleSettings;

// One array of the settings (sipAccounts, soundLines) as QML sees it: its entries (the administrator's
// first, pinned), the schema of an entry's keys, and the actions that store or remove one of the user's
// entries (through ConsoleSettings, which refuses pinned ids and values the schema does not allow).
// Secret values never reach QML: an entry holds "<key>Set": true in place of a secret key, and a write
// that leaves a secret out (or empty) keeps the one stored for the entry it edits.
class SettingsArray : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Arrays come from ConsoleSettings.")
    Q_PROPERTY(QString name READ name CONSTANT FINAL)
    // Each entry's keys as stored (secrets left out), with "entryId" (its id, or what stands for it),
    // "pinned" and "<secret>Set".
    Q_PROPERTY(QVariantList entries READ entries NOTIFY entriesChanged FINAL)
    // Why the array cannot be used as the files hold it ("" when it can); entries is then empty.
    Q_PROPERTY(QString refusal READ refusal NOTIFY entriesChanged FINAL)
    // key -> { type: "bool"|"int"|"string"|"list", defaultValue, allowed, minimum, maximum, secret, required
    // }
    Q_PROPERTY(QVariantMap fields READ fields CONSTANT FINAL)
    Q_PROPERTY(int maximumSize READ maximumSize CONSTANT FINAL)
    // Why the last put() or remove() was refused ("" after one that was not).
    Q_PROPERTY(QString problem READ problem NOTIFY problemChanged FINAL)

public:
    SettingsArray(SettingsSchema::Array array, ConsoleSettings *settings);

    QString name() const { return SettingsSchema::array(m_array).name; }
    QVariantList entries() const;
    QString refusal() const;
    QVariantMap fields() const;
    int maximumSize() const { return SettingsSchema::array(m_array).maxSize; }
    QString problem() const { return m_problem; }

    // Stores `entry` as one of the user's: a new one when `editedId` is "", else in place of the user's
    // entry `editedId` (whose id may change), keeping its keys `entry` does not name. An empty value
    // removes the key (the default applies), except a secret's, which stays as it was.
    Q_INVOKABLE bool put(const QVariantMap &entry, const QString &editedId);
    // Removes the user's entry `id`.
    Q_INVOKABLE bool remove(const QString &id);

Q_SIGNALS:
    void entriesChanged();
    void problemChanged();

private:
    void setProblem(const QString &problem);

    SettingsSchema::Array m_array;
    ConsoleSettings *m_settings;
    QString m_problem;
};
