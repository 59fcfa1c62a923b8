#pragma once

#include "JsonPositionIndex.h"

#include <QtCore/qjsonobject.h>
#include <QtCore/qlist.h>
#include <QtCore/qpair.h>
#include <QtCore/qstring.h>
#include <QtCore/qstringlist.h>

#include <cmath>
#include <optional>

// Checks values against the format and names where a value is wrong.
class ScenarioReader
{
public:
    ScenarioReader(const QByteArray &json, const QString &file)
        : m_index(json)
        , m_file(file)
    { }

    QString where(const QString &path) const
    {
        const auto p = m_index.position(path);
        return QStringLiteral("%1:%2:%3").arg(m_file).arg(p.line).arg(p.column);
    }
    bool fail(const QString &path, const QString &message)
    {
        if (m_error.isEmpty())
            m_error = QStringLiteral("%1: %2").arg(where(path), message);
        return false;
    }
    QString error() const { return m_error; }

    bool checkKeys(const QJsonObject &object, const QString &path, const QStringList &allowed)
    {
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (!allowed.contains(it.key()))
                return fail(path + QLatin1Char('/') + it.key(),
                            QStringLiteral("unknown key '%1', expected one of: %2")
                                .arg(it.key(), allowed.join(QLatin1String(", "))));
        }
        return true;
    }
    std::optional<QString> string(const QJsonObject &object, const QString &path, const QString &key,
                                  bool required, const QString &fallback = {})
    {
        const QJsonValue v = object.value(key);
        if (v.isUndefined()) {
            if (required) {
                fail(path, QStringLiteral("expected a string '%1'").arg(key));
                return std::nullopt;
            }
            return fallback;
        }
        if (!v.isString()) {
            fail(path + QLatin1Char('/') + key, QStringLiteral("expected a string for '%1'").arg(key));
            return std::nullopt;
        }
        return v.toString();
    }
    std::optional<qint64> integer(const QJsonObject &object, const QString &path, const QString &key,
                                  qint64 fallback, qint64 min, qint64 max)
    {
        const auto d = bounded(object, path, key, double(fallback), double(min), double(max), true,
                               QStringLiteral("an integer from %1 to %2").arg(min).arg(max));
        return d ? std::optional<qint64>(qint64(*d)) : std::nullopt;
    }
    std::optional<double> number(const QJsonObject &object, const QString &path, const QString &key,
                                 double fallback, double min, double max)
    {
        return bounded(object, path, key, fallback, min, max, false,
                       QStringLiteral("a number from %1 to %2").arg(min).arg(max));
    }
    // A number in [min, max] (whole when `integral`), or the fallback when the key is absent.
    std::optional<double> bounded(const QJsonObject &object, const QString &path, const QString &key,
                                  double fallback, double min, double max, bool integral, const QString &what)
    {
        const QJsonValue v = object.value(key);
        if (v.isUndefined())
            return fallback;
        const double d = v.toDouble(-1e300);
        // Range first: converting a double outside qint64's range is undefined (found by fuzz_scenario).
        if (!v.isDouble() || !(d >= min && d <= max) || (integral && d != std::trunc(d))) {
            fail(path + QLatin1Char('/') + key, QStringLiteral("expected %1 for '%2'").arg(what, key));
            return std::nullopt;
        }
        return d;
    }
    std::optional<bool> boolean(const QJsonObject &object, const QString &path, const QString &key,
                                bool fallback)
    {
        const QJsonValue v = object.value(key);
        if (v.isUndefined())
            return fallback;
        if (!v.isBool()) {
            fail(path + QLatin1Char('/') + key, QStringLiteral("expected true or false for '%1'").arg(key));
            return std::nullopt;
        }
        return v.toBool();
    }
    std::optional<int> choice(const QJsonObject &object, const QString &path, const QString &key,
                              const QList<QPair<QString, int>> &choices, int fallback)
    {
        const QJsonValue v = object.value(key);
        if (v.isUndefined())
            return fallback;
        QStringList names;
        for (const auto &[name, value] : choices) {
            names << name;
            if (v.toString() == name)
                return value;
        }
        fail(path + QLatin1Char('/') + key,
             QStringLiteral("expected one of %1 for '%2'").arg(names.join(QLatin1String(", ")), key));
        return std::nullopt;
    }

private:
    JsonPositionIndex m_index;
    QString m_file;
    QString m_error;
};
