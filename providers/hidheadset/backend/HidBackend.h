#pragma once

#include "HidDeviceInfo.h"
#include "transport/HidTransport.h"

#include <QtCore/qlist.h>
#include <QtCore/qobject.h>

#include <memory>

namespace hookline::hid {

// Where headsets come from: enumeration, opening and hot-plug notification. The Linux back end uses
// hidapi (hidraw) + sysfs + libudev; tests and benchmarks use FakeHidBackend.
class HidBackend : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    // Every attached device with a Telephony Phone/Handset/Headset collection, one entry per node.
    virtual QList<HidDeviceInfo> enumerate() = 0;
    // nullptr with *error (and *permissionDenied) when the device cannot be opened.
    virtual std::shared_ptr<HidTransport> open(const HidDeviceInfo &device, QString *error,
                                               bool *permissionDenied) = 0;

Q_SIGNALS:
    // A hidraw node was added or removed: enumerate() again.
    void devicesChanged();
};

} // namespace hookline::hid
