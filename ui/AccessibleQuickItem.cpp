#include "AccessibleQuickItem.h"
#include "Accessibility.h"

#include <QtQuick/private/qquickitem_p.h>

namespace {
QAccessibleInterface *quickItemFactory(const QString &className, QObject *object)
{
    // Asked once per class of the object's hierarchy, most derived first: answering only for
    // "QQuickItem" leaves Qt's own interfaces for more specific classes (a Page, a window) in place.
    if (className != QLatin1String("QQuickItem"))
        return nullptr;
    auto *item = qobject_cast<QQuickItem *>(object);
    if (!item || !QQuickItemPrivate::get(item)->isAccessible)
        return nullptr;
    return new AccessibleQuickItem(item);
}
} // namespace

AccessibleQuickItem::AccessibleQuickItem(QQuickItem *item) : QAccessibleQuickItem(item)
{
    // Qt 6.4 sends no state change when an item is enabled or disabled: screen readers keep the old state.
    QObject::connect(item, &QQuickItem::enabledChanged, item, [item] {
        QAccessible::State changed;
        changed.disabled = true;
        changed.focusable = true;
        QAccessibleStateChangeEvent event(item, changed);
        QAccessible::updateAccessibility(&event);
    });
}

void hookline::ui::installAccessibility()
{
    // Qt Quick installs its own factory when its library loads; the latest installed factory is asked first.
    QAccessible::installFactory(quickItemFactory);
}

QAccessible::State AccessibleQuickItem::state() const
{
    QAccessible::State state = QAccessibleQuickItem::state();
    if (!item()->isEnabled()) {
        state.disabled = true;
        state.focusable = false;
    }
    if (QQuickItemPrivate::get(item())->culled) // pooled by a list view, out of sight
        state.invisible = true;
    return state;
}

void *AccessibleQuickItem::interface_cast(QAccessible::InterfaceType type)
{
    if (type == QAccessible::EditableTextInterface && isEditable())
        return static_cast<QAccessibleEditableTextInterface *>(this);
    return QAccessibleQuickItem::interface_cast(type);
}

bool AccessibleQuickItem::isEditable() const
{
    // TextInput/TextField and TextEdit/TextArea: both have insert(int, string) and remove(int, int).
    const QMetaObject *meta = item()->metaObject();
    return role() == QAccessible::EditableText && meta->indexOfMethod("insert(int,QString)") >= 0
        && meta->indexOfMethod("remove(int,int)") >= 0;
}

void AccessibleQuickItem::deleteText(int startOffset, int endOffset)
{
    replaceText(startOffset, endOffset, QString());
}

void AccessibleQuickItem::insertText(int offset, const QString &text)
{
    replaceText(offset, offset, text);
}

void AccessibleQuickItem::replaceText(int startOffset, int endOffset, const QString &text)
{
    QQuickItem *field = item();
    if (!field->isEnabled() || field->property("readOnly").toBool() || !isEditable())
        return;
    const int length = characterCount();
    startOffset = qBound(0, startOffset, length);
    endOffset = qBound(startOffset, endOffset, length);
    if (endOffset > startOffset)
        QMetaObject::invokeMethod(field, "remove", Q_ARG(int, startOffset), Q_ARG(int, endOffset));
    if (!text.isEmpty())
        QMetaObject::invokeMethod(field, "insert", Q_ARG(int, startOffset), Q_ARG(QString, text));
}
