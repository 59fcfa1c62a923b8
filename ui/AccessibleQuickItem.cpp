#include "AccessibleQuickItem.h"
#include "Accessibility.h"
#include "AccessibleStateRelay.h"

#include <QtCore/qcoreapplication.h>
#include <QtQuick/private/qquickaccessibleattached_p.h>
#include <QtQuick/private/qquickitem_p.h>
#include <QtQuick/private/qquicktext_p.h>
#include <QtQuickTemplates2/private/qquickpopup_p.h>
#include <QtQuickTemplates2/private/qquickpopupitem_p_p.h>
#include <QtQuickTemplates2/private/qquicktabbutton_p.h>

namespace {
QAccessibleInterface *quickItemFactory(const QString &className, QObject *object)
{
    // Asked once per class of the object's hierarchy, most derived first: answering only for
    // "QQuickItem" leaves Qt's own interfaces for more specific classes (a Page, a window) in place. A
    // popup's item (a combo box's list, a menu, a dialog) is a Page to Qt, which leaves it unnamed: ours
    // names it (see text()).
    if (className != QLatin1String("QQuickItem") && className != QLatin1String("QQuickPopupItem"))
        return nullptr;
    auto *item = qobject_cast<QQuickItem *>(object);
    if (!item || !QQuickItemPrivate::get(item)->isAccessible)
        return nullptr;
    return new AccessibleQuickItem(item);
}
} // namespace

AccessibleQuickItem::AccessibleQuickItem(QQuickItem *item)
    : QAccessibleQuickItem(item)
{
    // Qt 6.4 sends no state change when an item is enabled or disabled: screen readers keep the old state.
    if (!item->findChild<AccessibleStateRelay *>(QString(), Qt::FindDirectChildrenOnly))
        new AccessibleStateRelay(item);
    // A tab reports itself selected while it is the current one (Qt 6.4 reports only "checked").
    if (auto *tab = qobject_cast<QQuickTabButton *>(item)) {
        QObject::connect(tab, &QQuickAbstractButton::checkedChanged, tab, [tab] {
            QAccessible::State changed;
            changed.selected = true;
            QAccessibleStateChangeEvent event(tab, changed);
            QAccessible::updateAccessibility(&event);
        });
    }
    // A label that gains or loses its text appears or disappears for screen readers (see state()).
    if (auto *label = qobject_cast<QQuickText *>(item)) {
        QObject::connect(label, &QQuickText::textChanged, label, [label](const QString &text) {
            if (!label->isVisible())
                return;
            QAccessibleEvent event(label, text.isEmpty() ? QAccessible::ObjectHide : QAccessible::ObjectShow);
            QAccessible::updateAccessibility(&event);
        });
    }
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
    } else if (!isActionable()) {
        state.disabled = true; // unavailable, but it keeps its focus so that its reason can be read
    }
    if (QQuickItemPrivate::get(item())->culled) // pooled by a list view, out of sight
        state.invisible = true;
    if (isEmptyLabel())
        state.invisible = true;
    if (auto *tab = qobject_cast<QQuickTabButton *>(item())) {
        state.selectable = true;
        state.selected = tab->isChecked();
    }
    return state;
}

QString AccessibleQuickItem::text(QAccessible::Text type) const
{
    QString text = QAccessibleQuickItem::text(type);
    if (type != QAccessible::Name || !text.isEmpty())
        return text;
    QAccessibleInterface *container = parent();
    if (!container)
        return text;
    const QAccessible::Role ownRole = role();
    if (ownRole == QAccessible::ScrollBar) {
        const QString scrolled = container->text(QAccessible::Name);
        if (!scrolled.isEmpty() && item()->property("orientation").toInt() == Qt::Horizontal)
            return QCoreApplication::translate("AccessibleQuickItem", "Scroll %1 sideways").arg(scrolled);
        if (!scrolled.isEmpty())
            return QCoreApplication::translate("AccessibleQuickItem", "Scroll %1").arg(scrolled);
    }
    if (ownRole == QAccessible::EditableText && container->role() == QAccessible::ComboBox)
        return container->text(QAccessible::Name);
    // A popup without a title of its own is named after the control it belongs to ("Drop reason").
    if (auto *popupItem = qobject_cast<QQuickPopupItem *>(item())) {
        QQuickPopup *popup = static_cast<QQuickPopupItemPrivate *>(QQuickItemPrivate::get(popupItem))->popup;
        if (QQuickItem *owner = popup ? popup->parentItem() : nullptr) {
            if (QAccessibleInterface *opener = QAccessible::queryAccessibleInterface(owner))
                return opener->text(QAccessible::Name);
        }
    }
    return text;
}

bool AccessibleQuickItem::isEmptyLabel() const
{
    if (role() != QAccessible::StaticText || !QAccessibleQuickItem::text(QAccessible::Name).isEmpty())
        return false;
    auto *label = qobject_cast<QQuickText *>(item());
    return !label || label->text().isEmpty();
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

bool AccessibleQuickItem::isActionable() const
{
    const QVariant actionable = item()->property("actionable");
    return !actionable.isValid() || actionable.toBool();
}

bool AccessibleQuickItem::isButton() const
{
    return item()->inherits("QQuickAbstractButton");
}

bool AccessibleQuickItem::handledInQml(const QString &actionName) const
{
    QStringList handled;
    if (QQuickAccessibleAttached *attached = QQuickAccessibleAttached::attachedProperties(item()))
        attached->availableActions(&handled);
    return handled.contains(actionName);
}

QStringList AccessibleQuickItem::actionNames() const
{
    QStringList names = QAccessibleQuickItem::actionNames();
    if ((isButton() || role() == QAccessible::ComboBox) && !names.contains(pressAction()))
        names.prepend(pressAction());
    names.removeDuplicates(); // Qt lists an action twice when QML also handles it
    return names;
}

void AccessibleQuickItem::doAction(const QString &actionName)
{
    QQuickItem *control = item();
    if (handledInQml(actionName) || !control->isEnabled()) {
        QAccessibleQuickItem::doAction(actionName);
        return;
    }
    if (isButton() && (actionName == pressAction() || actionName == toggleAction())) {
        click();
        return;
    }
    if (role() == QAccessible::ComboBox && actionName == pressAction()) {
        if (auto *popup = control->property("popup").value<QObject *>())
            QMetaObject::invokeMethod(popup, popup->property("visible").toBool() ? "close" : "open");
        return;
    }
    const bool step = actionName == increaseAction() || actionName == decreaseAction();
    if (step && role() == QAccessible::SpinBox
        && control->metaObject()->indexOfSignal("valueModified()") >= 0) {
        QMetaObject::invokeMethod(control, actionName == increaseAction() ? "increase" : "decrease");
        QMetaObject::invokeMethod(control, "valueModified");
        return;
    }
    QAccessibleQuickItem::doAction(actionName);
}

void AccessibleQuickItem::click()
{
    // What a click on an enabled button emits, in its order: a checkable button changes its check state
    // first (a checked radio button or tab stays checked), then toggled, then clicked.
    QQuickItem *button = item();
    if (button->property("checkable").toBool()) {
        const bool exclusive = button->property("autoExclusive").toBool();
        if (!(exclusive && button->property("checked").toBool())) {
            button->setProperty("checked", !button->property("checked").toBool());
            QMetaObject::invokeMethod(button, "toggled");
        }
    }
    QMetaObject::invokeMethod(button, "clicked");
}
