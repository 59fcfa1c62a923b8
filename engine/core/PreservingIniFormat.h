#pragma once

#include <QtCore/qsettings.h>

// The console's settings file format: Qt's INI format for reading and for the values it writes, but a
// write keeps the file's text as the user wrote it (comments, order, blank lines, keys the console does
// not know, bytes that are not UTF-8) and changes only the lines of the keys whose values changed, removes
// the lines of removed keys and adds new keys to their section. QSettings alone rewrites the whole file
// from its parsed keys on any write (sorted, comments dropped, invalid UTF-8 replaced by U+FFFD).
// The console makes it the default format (main.cpp) before anything opens its settings.
class PreservingIniFormat
{
public:
    // Registered once, with the extension "conf" (the file stays ~/.config/Hookline/hookline.conf).
    static QSettings::Format format();
    // The callbacks QSettings calls; public for the tests and the settings fuzz target.
    static bool read(QIODevice &device, QSettings::SettingsMap &map);
    static bool write(QIODevice &device, const QSettings::SettingsMap &map);
    // `original` with the changes `map` makes to what it holds.
    static QByteArray merged(const QByteArray &original, const QSettings::SettingsMap &map);
};
