#include "NatsNKey.h"

#include "NatsKeyText.h"

#include <QtCore/qrandom.h>

#include <openssl/evp.h>

#include <memory>

namespace {
using PKey = std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)>;

PKey privateKey(const QByteArray &seed)
{
    return PKey(EVP_PKEY_new_raw_private_key(EVP_PKEY_ED25519, nullptr,
                                             reinterpret_cast<const unsigned char *>(seed.constData()),
                                             size_t(seed.size())),
                &EVP_PKEY_free);
}
} // namespace

NatsNKey NatsNKey::generate(Type type)
{
    NatsNKey key;
    key.m_type = type;
    QByteArray seed(32, Qt::Uninitialized);
    QRandomGenerator::system()->generate(seed.begin(), seed.end());
    const PKey pkey = privateKey(seed);
    if (!pkey)
        return key;
    QByteArray pub(32, Qt::Uninitialized);
    size_t length = size_t(pub.size());
    if (EVP_PKEY_get_raw_public_key(pkey.get(), reinterpret_cast<unsigned char *>(pub.data()), &length) != 1
        || length != 32)
        return key;
    key.m_seed = seed;
    key.m_public = pub;
    return key;
}

quint8 NatsNKey::prefixOf(Type type)
{
    switch (type) {
    case Operator:
        return NatsKeyText::OperatorPrefix;
    case Account:
        return NatsKeyText::AccountPrefix;
    case User:
        break;
    }
    return NatsKeyText::UserPrefix;
}

QByteArray NatsNKey::publicKey() const
{
    QByteArray raw;
    raw.append(char(prefixOf(m_type)));
    raw.append(m_public);
    return NatsKeyText::encode(raw);
}

QByteArray NatsNKey::seed() const
{
    return NatsKeyText::seed(prefixOf(m_type), m_seed);
}

QByteArray NatsNKey::sign(const QByteArray &data) const
{
    const PKey pkey = privateKey(m_seed);
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
    if (!pkey || !ctx || EVP_DigestSignInit(ctx.get(), nullptr, nullptr, nullptr, pkey.get()) != 1)
        return {};
    QByteArray signature(64, Qt::Uninitialized);
    size_t length = size_t(signature.size());
    if (EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char *>(signature.data()), &length,
                       reinterpret_cast<const unsigned char *>(data.constData()), size_t(data.size()))
        != 1)
        return {};
    signature.resize(qsizetype(length));
    return signature;
}
