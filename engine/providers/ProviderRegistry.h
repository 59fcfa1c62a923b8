#pragma once

#include <QtCore/qjsonobject.h>
#include <QtCore/qobject.h>
#include <QtCore/qstringlist.h>

class LineProvider;
class PhoneDevice;

// Finds provider plugins beside the executable (installed or in the build tree) and in $HOOKLINE_PLUGIN_PATH,
// checks their metadata before instantiating them, and logs (never crashes on) every plugin it has to refuse.
class ProviderRegistry : public QObject
{
    Q_OBJECT

public:
    struct Entry
    {
        QString path;
        QString iid;
        QString id; // "sim", "hidheadset", ...
        QString name;
        QString kind; // "line" or "phone"
        int version = 0;
        QString error; // empty when usable
    };

    explicit ProviderRegistry(QObject *parent = nullptr);

    static QStringList defaultSearchPaths();
    // Scans the folders (non-recursively) and returns every candidate with its verdict.
    QList<Entry> scan(const QStringList &folders);
    QList<Entry> entries() const { return m_entries; }
    QStringList rejections() const;

    // Instantiates the usable plugin with this id. The provider object is owned by `parent`.
    LineProvider *createLineProvider(const QString &id, const QVariantMap &config, QObject *parent,
                                     QString *error);
    PhoneDevice *createPhoneDevice(const QString &id, const QVariantMap &config, QObject *parent,
                                   QString *error);

private:
    Entry inspect(const QString &path) const;
    QObject *instance(const QString &id, const QString &kind, QString *error);

    QList<Entry> m_entries;
};
