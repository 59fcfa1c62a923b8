#pragma once

#include <QtCore/qpointer.h>
#include <QtQml/qjsengine.h>

// The instance behind a QML singleton the composition root creates (CallEngine, AgentState, CallLog, ...):
// the root sets it before the QML loads, the type's static create() hands it to QML, which must not own it.
// Q_ASSERT catches a QML load before set(): Qt 6.4 would otherwise bind the UI to nothing.
template<typename T>
class QmlInstance
{
public:
    static void set(T *object) { s_object = object; }
    static T *get()
    {
        Q_ASSERT_X(s_object, T::staticMetaObject.className(),
                   "the composition root must call setQmlInstance() before the QML loads");
        QJSEngine::setObjectOwnership(s_object.data(), QJSEngine::CppOwnership);
        return s_object.data();
    }

private:
    static inline QPointer<T> s_object;
};
