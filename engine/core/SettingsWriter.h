#pragma once

#include <QtCore/qobject.h>
#include <QtCore/qsettings.h>
#include <QtCore/qthread.h>
#include <QtCore/qvariant.h>

// Writes values into a settings file on a thread of its own. QSettings saves a changed file through a lock
// file and a temporary copy, each synced to disk: on a slow disk that is hundreds of milliseconds, which
// the GUI thread must not spend when the engine changes a setting by itself (the agent state as calls come
// and go). Writes happen in the order they were given; the destructor waits until they are on disk.
class SettingsWriter : public QObject
{
    Q_OBJECT

public:
    // The file and format of an existing QSettings (the console's own, or a test's file).
    SettingsWriter(const QString &fileName, QSettings::Format format, QObject *parent = nullptr);
    ~SettingsWriter() override;

    void setValue(const QString &key, const QVariant &value);

private:
    QThread m_thread;
    QSettings *m_settings; // lives on m_thread
};
