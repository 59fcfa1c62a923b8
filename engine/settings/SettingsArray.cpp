#include "settings/SettingsArray.h"

#include "settings/ConsoleSettings.h"

SettingsArray::SettingsArray(SettingsSchema::Array array, ConsoleSettings *settings)
    : QObject(settings)
    , m_array(array)
    , m_settings(settings)
{
    connect(settings, &ConsoleSettings::entriesChanged, this, [this](SettingsSchema::Array changed) {
        if (changed == m_array)
            Q_EMIT entriesChanged();
    });
}

QVariantList SettingsArray::entries() const
{
    QString refusal;
    const std::optional<QVariantList> all = m_settings->entries(m_array, &refusal);
    if (!all)
        return {};
    const QStringList pinned = m_settings->pinnedEntries(m_array);
    QVariantList shown;
    for (qsizetype i = 0; i < all->size(); ++i) {
        QVariantMap entry = all->at(i).toMap();
        for (const SettingsSchema::Spec &field : SettingsSchema::array(m_array).entry) {
            if (!field.secret)
                continue;
            const bool set = !entry.value(field.name).toString().isEmpty();
            entry.remove(field.name);
            entry.insert(field.name + QStringLiteral("Set"), set);
        }
        entry.insert(QStringLiteral("entryId"), SettingsSchema::entryId(m_array, entry));
        // The administrator's entries come first, one per pinned id.
        entry.insert(QStringLiteral("pinned"), i < pinned.size());
        shown << entry;
    }
    return shown;
}

QString SettingsArray::refusal() const
{
    QString refusal;
    m_settings->entries(m_array, &refusal);
    return refusal;
}

QVariantMap SettingsArray::fields() const
{
    static const char *const typeNames[] = {"bool", "int", "string", "list"};
    QVariantMap fields;
    for (const SettingsSchema::Spec &field : SettingsSchema::array(m_array).entry) {
        fields.insert(field.name,
                      QVariantMap {
                          {QStringLiteral("type"), QLatin1String(typeNames[int(field.type)])},
                          {QStringLiteral("defaultValue"), field.defaultValue},
                          {QStringLiteral("allowed"), field.allowed},
                          {QStringLiteral("minimum"), field.minimum},
                          {QStringLiteral("maximum"), field.maximum},
                          {QStringLiteral("secret"), field.secret},
                          {QStringLiteral("required"), field.required},
                      });
    }
    return fields;
}

bool SettingsArray::put(const QVariantMap &entry, const QString &editedId)
{
    // An edit keeps what the form does not show (other keys, the secrets QML never had).
    QVariantMap stored;
    if (!editedId.isEmpty()) {
        QString refusal;
        const std::optional<QVariantList> all = m_settings->entries(m_array, &refusal);
        for (const QVariant &candidate : all.value_or(QVariantList())) {
            if (SettingsSchema::entryId(m_array, candidate.toMap()) == editedId)
                stored = candidate.toMap();
        }
    }
    for (auto it = entry.begin(); it != entry.end(); ++it) {
        const int type = it.value().typeId();
        const bool empty = type == QMetaType::QStringList || type == QMetaType::QVariantList
            ? it.value().toStringList().isEmpty()
            : it.value().toString().trimmed().isEmpty();
        const SettingsSchema::Spec *field = SettingsSchema::entrySpec(m_array, it.key());
        if (!empty)
            stored.insert(it.key(), it.value());
        else if (!field || !field->secret) // an empty secret: unchanged
            stored.remove(it.key());
    }
    const QString id = SettingsSchema::entryId(m_array, stored);
    if (!editedId.isEmpty() && editedId != id) {
        // Renamed: the new id must not be another entry's.
        for (const QVariant &other : entries()) {
            if (other.toMap().value(QStringLiteral("entryId")).toString() == id) {
                setProblem(tr("\"%1\" is the name of another account.").arg(id));
                return false;
            }
        }
    }
    QString problem;
    if (!m_settings->setEntry(m_array, stored, &problem)) {
        setProblem(problem);
        return false;
    }
    if (!editedId.isEmpty() && editedId != id && !m_settings->removeEntry(m_array, editedId, &problem)) {
        setProblem(problem);
        return false;
    }
    setProblem(QString());
    return true;
}

bool SettingsArray::remove(const QString &id)
{
    QString problem;
    const bool removed = m_settings->removeEntry(m_array, id, &problem);
    setProblem(removed ? QString() : problem);
    return removed;
}

void SettingsArray::setProblem(const QString &problem)
{
    if (problem == m_problem)
        return;
    m_problem = problem;
    Q_EMIT problemChanged();
}
