#pragma once

#include "settings/SettingsSchema.h"

#include <QtCore/qobject.h>
#include <QtCore/qvariant.h>
#include <QtQml/qqmlregistration.h>

class ConsoleSettings;

// One key of the schema as QML sees it: its value (bind to it; writing it stores it unless the key is
// pinned or the value is not allowed), its default and what it allows, and whether the administrator's
// file pins it (the control then shows it locked, with the reason).
class Setting : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Settings come from ConsoleSettings.")
    Q_PROPERTY(QString key READ key CONSTANT FINAL)
    Q_PROPERTY(QVariant value READ value WRITE setValue NOTIFY valueChanged FINAL)
    Q_PROPERTY(QVariant defaultValue READ defaultValue CONSTANT FINAL)
    Q_PROPERTY(QStringList allowed READ allowed CONSTANT FINAL)
    Q_PROPERTY(int minimum READ minimum CONSTANT FINAL)
    Q_PROPERTY(int maximum READ maximum CONSTANT FINAL)
    Q_PROPERTY(bool pinned READ pinned NOTIFY pinnedChanged FINAL)

public:
    Setting(SettingsSchema::Key key, ConsoleSettings *settings);

    SettingsSchema::Key schemaKey() const { return m_key; }
    QString key() const { return SettingsSchema::spec(m_key).name; }
    QVariant value() const { return m_value; }
    void setValue(const QVariant &value);
    QVariant defaultValue() const { return SettingsSchema::spec(m_key).defaultValue; }
    QStringList allowed() const { return SettingsSchema::spec(m_key).allowed; }
    int minimum() const { return SettingsSchema::spec(m_key).minimum; }
    int maximum() const { return SettingsSchema::spec(m_key).maximum; }
    bool pinned() const { return m_pinned; }

    // Stores `value`; false (nothing stored) when the key is pinned or the value not allowed.
    Q_INVOKABLE bool change(const QVariant &value);
    // Removes the user's value: the default (or the pinned value) applies again.
    Q_INVOKABLE bool reset();

    // ConsoleSettings' view of the key changed (read, stored or pinned).
    void update(const QVariant &value, bool pinned);

Q_SIGNALS:
    void valueChanged();
    void pinnedChanged();

private:
    SettingsSchema::Key m_key;
    ConsoleSettings *m_settings;
    QVariant m_value;
    bool m_pinned = false;
};
