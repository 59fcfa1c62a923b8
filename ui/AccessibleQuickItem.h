#pragma once

#include <QtQuick/private/qaccessiblequickitem_p.h>

// What Qt 6.4's accessibility interface for Qt Quick items lacks, for screen readers and scripted UI tests
// (AT-SPI): actions that act (Qt 6.4's Press on a Quick Controls button does nothing): Press and Toggle on
// any button, check box, radio button, tab, menu item or list delegate emit what a click emits, so the
// control's own onClicked/onToggled handler runs; Press on a combo box opens or closes its list;
// Increase and Decrease on a spin box step it and emit valueModified as the arrows do; the current tab
// reports itself selected (Qt 6.4: only checked); a disabled item
// reports itself disabled (Qt 6.4 reports every item enabled and sensitive), with a state-change event when
// that changes, and so does a button that is unavailable but keeps its focus (`actionable` false); text
// fields and areas offer the editable-text interface (Qt 6.4 offers only reading), editing through the item's
// own insert() and remove(), so validators, length limits and the field's signals behave as for typing; a
// delegate parked in a list view's reuse pool reports itself invisible instead of showing. And nothing
// showing goes without a name: a label without text is not showing, a scroll bar without a name takes the
// name of what it scrolls, the text inside a combo box the combo box's. Everything else is Qt's.
class AccessibleQuickItem : public QAccessibleQuickItem, public QAccessibleEditableTextInterface
{
public:
    explicit AccessibleQuickItem(QQuickItem *item);

    QAccessible::State state() const override;
    QString text(QAccessible::Text type) const override;
    QStringList actionNames() const override;
    void doAction(const QString &actionName) override;

    void deleteText(int startOffset, int endOffset) override;
    void insertText(int offset, const QString &text) override;
    void replaceText(int startOffset, int endOffset, const QString &text) override;

protected:
    void *interface_cast(QAccessible::InterfaceType type) override;

private:
    bool isEditable() const;
    bool isButton() const;
    // False for a button that is shown unavailable but keeps its focus (IconButton's `actionable`).
    bool isActionable() const;
    bool handledInQml(const QString &actionName) const;
    void click();
    bool isEmptyLabel() const;
};
