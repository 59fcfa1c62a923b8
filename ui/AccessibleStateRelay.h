#pragma once

#include <QtCore/qobject.h>

class QQuickItem;

// Tells screen readers that an item became available or unavailable. Qt 6.4 sends no state change when an
// item is enabled or disabled, nor for the `actionable` property of our buttons that stay focusable while
// unavailable (IconButton): this object, a child of the item, sends one for either.
class AccessibleStateRelay : public QObject
{
    Q_OBJECT

public:
    // Relays `item`'s enabledChanged and, when it has one, its actionableChanged.
    explicit AccessibleStateRelay(QQuickItem *item);

private Q_SLOTS:
    void availabilityChanged();

private:
    QQuickItem *m_item;
};
