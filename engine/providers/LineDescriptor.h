#pragma once

#include "providers/LineCapabilities.h"

#include <QtCore/qlist.h>
#include <QtCore/qstring.h>

// A line as a provider announces it to the engine.
struct LineDescriptor
{
    QString id; // unique across providers, e.g. "sim/desk-1"
    QString name; // shown to the agent
    QString address; // the directory number of the address
    LineCapabilities caps;
    // The handles this application receives for each call: one entry per open of the line
    // (for example {Owner} or {Owner, Monitor}). Privileges are Tapi::CallPrivilege values.
    QList<int> handlePrivileges {Tapi::PrivilegeOwner};
    // Owners outside this application (another TAPI app, a desk phone): they count toward
    // numOwners, so our handle is not the sole owner.
    int externalOwners = 0;
    bool inService = true;
    QString outOfServiceReason;
};
