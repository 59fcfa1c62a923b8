#include "JsonPositionIndex.h"

#include <algorithm>
#include <cstring>

namespace {
// Deeper values get no entry of their own (the loader refuses files this deep before asking).
constexpr int MaxDepth = 256;
// Bytes between two character counts: a column costs at most this many bytes counted.
constexpr qsizetype Stride = 256;

bool isContinuation(char c)
{
    return (c & 0xc0) == 0x80;
}
} // namespace

JsonPositionIndex::JsonPositionIndex(const QByteArray &json)
    : m_json(json)
{
    buildLineTable();
    value(QString(), 0);
}

void JsonPositionIndex::buildLineTable()
{
    m_lineStarts.append(0);
    m_charsAtStride.reserve(m_json.size() / Stride + 1);
    qsizetype chars = 0;
    const char *data = m_json.constData();
    for (qsizetype i = 0; i < m_json.size(); ++i) {
        if (i % Stride == 0)
            m_charsAtStride.append(chars);
        if (data[i] == '\n')
            m_lineStarts.append(i + 1);
        if (!isContinuation(data[i]))
            ++chars;
    }
}

JsonPositionIndex::Position JsonPositionIndex::positionOf(qsizetype offset) const
{
    offset = qBound<qsizetype>(0, offset, m_json.size());
    // The last line start at or before the offset.
    const auto line = std::upper_bound(m_lineStarts.cbegin(), m_lineStarts.cend(), offset) - 1;
    const qsizetype lineStart = *line;
    auto charsBefore = [this](qsizetype at) {
        const qsizetype stride = at / Stride;
        qsizetype chars = stride < m_charsAtStride.size() ? m_charsAtStride.at(stride) : 0;
        for (qsizetype i = stride * Stride; i < at; ++i)
            chars += isContinuation(m_json.at(i)) ? 0 : 1;
        return chars;
    };
    Position p;
    p.line = int(line - m_lineStarts.cbegin()) + 1;
    p.column = int(charsBefore(offset) - charsBefore(lineStart)) + 1;
    return p;
}

JsonPositionIndex::Position JsonPositionIndex::positionOfOffset(const QByteArray &json, qsizetype offset)
{
    Position p;
    offset = qBound<qsizetype>(0, offset, json.size());
    for (qsizetype i = 0; i < offset; ++i) {
        if (json.at(i) == '\n') {
            ++p.line;
            p.column = 1;
        } else if (!isContinuation(json.at(i))) { // count characters, not UTF-8 continuation bytes
            ++p.column;
        }
    }
    return p;
}

qsizetype JsonPositionIndex::firstTooDeep(const QByteArray &json, int limit)
{
    int depth = 0;
    bool inString = false;
    for (qsizetype i = 0; i < json.size(); ++i) {
        const char c = json.at(i);
        if (inString) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                inString = false;
        } else if (c == '"') {
            inString = true;
        } else if (c == '[' || c == '{') {
            if (++depth > limit)
                return i;
        } else if (c == ']' || c == '}') {
            --depth;
        }
    }
    return -1;
}

JsonPositionIndex::Position JsonPositionIndex::position(const QString &pointer) const
{
    // Fall back to the closest enclosing value that was seen.
    QString path = pointer;
    while (true) {
        auto it = m_offsets.find(path);
        if (it != m_offsets.end())
            return positionOf(it.value());
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

// Past a value too deep to index, whatever it holds: every caller must move forward, or its loop over
// the enclosing array would never end (a file nested 258 deep once hung the loader this way).
void JsonPositionIndex::skipNested()
{
    int depth = 0;
    do {
        if (m_pos >= m_json.size())
            return;
        const char c = m_json.at(m_pos);
        if (c == '"') {
            string();
            continue;
        }
        if (c == '[' || c == '{')
            ++depth;
        else if (c == ']' || c == '}')
            --depth;
        ++m_pos;
    } while (depth > 0);
}

void JsonPositionIndex::value(const QString &path, int depth)
{
    skipWhitespace();
    if (m_pos >= m_json.size())
        return;
    if (depth > MaxDepth) {
        skipNested();
        return;
    }
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
            const qsizetype before = m_pos;
            value(path + QLatin1Char('/') + QString::number(index++), depth + 1);
            skipWhitespace();
            if (m_pos < m_json.size() && m_json.at(m_pos) == ',')
                ++m_pos;
            else if (m_pos == before)
                return; // not JSON this index understands: stop rather than spin
        }
        ++m_pos;
    } else if (c == '"') {
        string();
    } else {
        while (m_pos < m_json.size() && !strchr(",]} \t\r\n", m_json.at(m_pos)))
            ++m_pos;
    }
}
