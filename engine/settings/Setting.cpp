#include "settings/Setting.h"

#include "settings/ConsoleSettings.h"

Setting::Setting(SettingsSchema::Key key, ConsoleSettings *settings)
    : QObject(settings)
    , m_key(key)
    , m_settings(settings)
    , m_value(SettingsSchema::spec(key).defaultValue)
{ }

void Setting::setValue(const QVariant &value)
{
    change(value);
}

bool Setting::change(const QVariant &value)
{
    return m_settings->setValue(m_key, value);
}

bool Setting::reset()
{
    return m_settings->reset(m_key);
}

void Setting::update(const QVariant &value, bool pinned)
{
    const bool valueChanged = value != m_value;
    const bool pinChanged = pinned != m_pinned;
    m_value = value;
    m_pinned = pinned;
    if (valueChanged)
        Q_EMIT this->valueChanged();
    if (pinChanged)
        Q_EMIT pinnedChanged();
}
