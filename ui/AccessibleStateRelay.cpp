#include "AccessibleStateRelay.h"

#include <QtGui/qaccessible.h>
#include <QtQuick/qquickitem.h>

AccessibleStateRelay::AccessibleStateRelay(QQuickItem *item)
    : QObject(item)
    , m_item(item)
{
    connect(item, &QQuickItem::enabledChanged, this, &AccessibleStateRelay::availabilityChanged);
    // A QML-declared property: its notifier is known only by name.
    if (item->metaObject()->indexOfSignal("actionableChanged()") >= 0)
        connect(item, SIGNAL(actionableChanged()), this, SLOT(availabilityChanged()));
}

void AccessibleStateRelay::availabilityChanged()
{
    QAccessible::State changed;
    changed.disabled = true;
    changed.focusable = true;
    QAccessibleStateChangeEvent event(m_item, changed);
    QAccessible::updateAccessibility(&event);
}
