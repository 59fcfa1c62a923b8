#include "core/SettingsWriter.h"

SettingsWriter::SettingsWriter(const QString &fileName, QSettings::Format format, QObject *parent)
    : QObject(parent)
    , m_settings(new QSettings(fileName, format))
{
    m_thread.setObjectName(QStringLiteral("hookline-settings"));
    m_settings->moveToThread(&m_thread);
    m_thread.start();
}

SettingsWriter::~SettingsWriter()
{
    QSettings *settings = m_settings;
    // Deleting it on its thread writes what is pending (QSettings syncs in its destructor).
    QMetaObject::invokeMethod(
        settings, [settings] { delete settings; }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

void SettingsWriter::setValue(const QString &key, const QVariant &value)
{
    QSettings *settings = m_settings;
    QMetaObject::invokeMethod(
        settings, [settings, key, value] { settings->setValue(key, value); }, Qt::QueuedConnection);
}
