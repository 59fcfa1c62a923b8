#pragma once

#include <QtQuick/private/qaccessiblequickitem_p.h>

// What Qt 6.4's accessibility interface for Qt Quick items lacks, for screen readers and scripted UI tests
// (AT-SPI): a disabled item reports itself disabled (Qt 6.4 reports every item enabled and sensitive),
// with a state-change event when that changes; text fields and areas offer the editable-text interface
// (Qt 6.4 offers only reading), editing through the item's own insert() and remove(), so validators,
// length limits and the field's signals behave as for typing; a delegate parked in a list view's reuse
// pool reports itself invisible instead of showing. Everything else is Qt's.
class AccessibleQuickItem : public QAccessibleQuickItem, public QAccessibleEditableTextInterface
{
public:
    explicit AccessibleQuickItem(QQuickItem *item);

    QAccessible::State state() const override;

    void deleteText(int startOffset, int endOffset) override;
    void insertText(int offset, const QString &text) override;
    void replaceText(int startOffset, int endOffset, const QString &text) override;

protected:
    void *interface_cast(QAccessible::InterfaceType type) override;

private:
    bool isEditable() const;
};
