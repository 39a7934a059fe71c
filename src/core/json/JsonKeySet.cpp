// SPDX-License-Identifier: MIT
#include "JsonKeySet.h"

namespace {
// Past this many keys an object gets a hash; below it a linear search is faster.
constexpr qsizetype kLinearLimit = 24;
} // namespace

JsonKeySet::JsonKeySet()
{
    m_frames.reserve(16);
    m_keys.reserve(64);
}

JsonKeySet::~JsonKeySet() = default;

void JsonKeySet::beginObject()
{
    m_frames.push_back({qsizetype(m_keys.size()), nullptr});
}

void JsonKeySet::endObject()
{
    if (m_frames.empty())
        return;
    m_keys.resize(size_t(m_frames.back().first));
    m_frames.pop_back();
}

bool JsonKeySet::add(const JsonScanner &scanner)
{
    if (m_frames.empty())
        return false;
    QByteArrayView key = scanner.stringContent();
    if (scanner.hasEscapes()) {
        m_decoded.append(scanner.decodedString().toUtf8());
        key = m_decoded.last();
    }
    Frame &frame = m_frames.back();
    if (frame.index)
        return addToIndex(frame, key);
    for (size_t i = size_t(frame.first); i < m_keys.size(); ++i) {
        if (m_keys[i] == key)
            return true;
    }
    m_keys.push_back(key);
    if (qsizetype(m_keys.size()) - frame.first > kLinearLimit) {
        frame.index = std::make_unique<QSet<QByteArrayView>>();
        for (size_t i = size_t(frame.first); i < m_keys.size(); ++i)
            frame.index->insert(m_keys[i]);
        m_keys.resize(size_t(frame.first));
    }
    return false;
}

bool JsonKeySet::addToIndex(Frame &frame, QByteArrayView key)
{
    const qsizetype before = frame.index->size();
    frame.index->insert(key);
    return frame.index->size() == before;
}

bool JsonKeySet::track(const JsonScanner &scanner)
{
    switch (scanner.token()) {
    case JsonScanner::Token::BeginObject:
        beginObject();
        return false;
    case JsonScanner::Token::EndObject:
        endObject();
        return false;
    case JsonScanner::Token::Key:
        return add(scanner);
    default:
        return false;
    }
}
