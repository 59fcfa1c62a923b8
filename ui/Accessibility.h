#pragma once

namespace hookline::ui {
// Gives every Qt Quick item the console's accessibility interface (AccessibleQuickItem: disabled
// state, editable text, pooled delegates out of sight). Call once after the QGuiApplication exists and
// before QML loads; the console and the Qt Quick tests both do.
void installAccessibility();
} // namespace hookline::ui
