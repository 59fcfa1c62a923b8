#include "TelephonyCollection.h"

#include <algorithm>

namespace hookline::hid {

namespace {

const TelephonyControl *findKind(const QList<TelephonyControl> &controls, ControlKind kind)
{
    const auto it = std::find_if(controls.cbegin(), controls.cend(),
                                 [kind](const TelephonyControl &control) { return control.kind == kind; });
    return it == controls.cend() ? nullptr : &*it;
}

} // namespace

bool TelephonyCollection::isUsable() const
{
    const auto isCallControl = [](const TelephonyControl &control) {
        return control.isCallControl();
    };
    return std::any_of(inputs.cbegin(), inputs.cend(), isCallControl)
        || std::any_of(outputs.cbegin(), outputs.cend(), isCallControl);
}

const TelephonyControl *TelephonyCollection::findInput(ControlKind kind) const
{
    return findKind(inputs, kind);
}

const TelephonyControl *TelephonyCollection::findOutput(ControlKind kind) const
{
    return findKind(outputs, kind);
}

} // namespace hookline::hid
