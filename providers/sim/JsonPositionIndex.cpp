#include "JsonPositionIndex.h"

namespace {
constexpr int MaxDepth = 256;
}

JsonPositionIndex::JsonPositionIndex(const QByteArray &json)
    : m_json(json)
{
    value(QString(), 0);
}

JsonPositionIndex::Position JsonPositionIndex::positionOfOffset(const QByteArray &json, qsizetype offset)
{
    Position p;
    offset = qBound<qsizetype>(0, offset, json.size());
    for (qsizetype i = 0; i < offset; ++i) {
        if (json.at(i) == '\n') {
            ++p.line;
            p.column = 1;
        } else if ((json.at(i) & 0xc0) != 0x80) { // count characters, not UTF-8 continuation bytes
            ++p.column;
        }
    }
    return p;
}

JsonPositionIndex::Position JsonPositionIndex::position(const QString &pointer) const
{
    // Fall back to the closest enclosing value that was seen.
    QString path = pointer;
    while (true) {
        auto it = m_offsets.find(path);
        if (it != m_offsets.end())
            return positionOfOffset(m_json, it.value());
        const qsizetype slash = path.lastIndexOf(QLatin1Char('/'));
        if (slash < 0)
            return {};
        path.truncate(slash);
    }
}

void JsonPositionIndex::skipWhitespace()
{
    while (m_pos < m_json.size()) {
        const char c = m_json.at(m_pos);
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
            return;
        ++m_pos;
    }
}

QString JsonPositionIndex::string()
{
    const qsizetype start = ++m_pos; // past the opening quote
    while (m_pos < m_json.size() && m_json.at(m_pos) != '"') {
        if (m_json.at(m_pos) == '\\')
            ++m_pos;
        ++m_pos;
    }
    const QString text = QString::fromUtf8(m_json.mid(start, m_pos - start));
    ++m_pos; // closing quote
    return text;
}

void JsonPositionIndex::value(const QString &path, int depth)
{
    skipWhitespace();
    if (m_pos >= m_json.size() || depth > MaxDepth)
        return;
    m_offsets.insert(path, m_pos);
    const char c = m_json.at(m_pos);
    if (c == '{') {
        ++m_pos;
        while (m_pos < m_json.size()) {
            skipWhitespace();
            if (m_pos >= m_json.size() || m_json.at(m_pos) == '}')
                break;
            if (m_json.at(m_pos) != '"')
                return;
            const QString key = string();
            skipWhitespace();
            ++m_pos; // ':'
            value(path + QLatin1Char('/') + key, depth + 1);
            skipWhitespace();
            if (m_pos < m_json.size() && m_json.at(m_pos) == ',')
                ++m_pos;
        }
        ++m_pos;
    } else if (c == '[') {
        ++m_pos;
        int index = 0;
        while (m_pos < m_json.size()) {
            skipWhitespace();
            if (m_pos >= m_json.size() || m_json.at(m_pos) == ']')
                break;
            value(path + QLatin1Char('/') + QString::number(index++), depth + 1);
            skipWhitespace();
            if (m_pos < m_json.size() && m_json.at(m_pos) == ',')
                ++m_pos;
        }
        ++m_pos;
    } else if (c == '"') {
        string();
    } else {
        while (m_pos < m_json.size() && !strchr(",]} \t\r\n", m_json.at(m_pos)))
            ++m_pos;
    }
}
