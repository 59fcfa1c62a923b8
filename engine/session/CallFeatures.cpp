// CallEngine: the features a handle has now (LINECALLSTATUS dwCallFeatures), from its call's state and
// relations, masked by the address capabilities. docs/tapi-semantics.md 4.2.
#include "session/CallEngine.h"

#include "lines/Line.h"
#include "session/Call.h"
#include "session/CallSession.h"

using namespace Tapi;

int CallEngine::featuresFor(const CallSession *session) const
{
    const Call *call = session->call();
    if (!call || session->privilege() != PrivilegeOwner)
        return 0;
    const LineCapabilities &caps = call->line->capabilities();
    if (caps.addressSharing == SharingMonitored)
        return 0;
    int features = 0;
    switch (call->state) {
    case Offering:
    case Accepted:
        features |= FeatureAnswer | FeatureSendUserUser;
        if (caps.canReject || call->mode == OfferingInactive)
            features |= FeatureDrop | FeatureReject;
        break;
    case DialTone:
    case Dialing:
    case Proceeding:
        features |= FeatureDrop | FeatureDial;
        break;
    case Ringback:
        features |= FeatureDrop | FeatureSendUserUser;
        break;
    case Busy:
    case SpecialInfo:
    case Disconnected:
    case Unknown:
        features |= FeatureDrop;
        break;
    case Connected:
        if (call->mode & ConnectedInactive) {
            features |= FeatureAnswer | FeatureDrop;
            break;
        }
        features |=
            FeatureDrop | FeatureSendUserUser | FeatureGenerateDigits | FeatureMonitorDigits | FeatureDial;
        if (call->isConferenceParent) {
            features |= FeatureHold;
            if (int(call->members.size()) < caps.maxConference && !call->consult)
                features |= FeaturePrepareAddConf;
        } else if (!call->consultFor && !call->consult) {
            features |= FeatureHold | FeatureSetupConf | FeatureSetupTransfer | FeatureBlindTransfer;
        } else {
            features |= FeatureHold;
        }
        if (call->otherStations > 0)
            features &= ~FeatureHold; // [D-15]: not while other stations take part
        break;
    case OnHold:
        features |= FeatureDrop | FeatureUnhold;
        if (call->isConferenceParent)
            features |= FeatureAddToConf;
        else if (!call->confParent && !call->consult && !call->consultFor)
            features |= FeatureBlindTransfer;
        break;
    case OnHoldPendConf:
        features |= FeatureDrop;
        if (call->consult
            && (call->consult->state == Connected || call->consult->state == Ringback
                || call->consult->state == Proceeding || call->consult->state == OnHold))
            features |= FeatureAddToConf;
        break;
    case OnHoldPendTransfer:
        features |= FeatureDrop | FeatureUnhold;
        if (call->consult
            && (call->consult->state == Connected || call->consult->state == Ringback
                || call->consult->state == Proceeding))
            features |= FeatureCompleteTransfer;
        break;
    case Conferenced:
        features |= FeatureDrop;
        if (call->confParent) {
            if (caps.removeFromConfCaps == RemoveAny
                || (caps.removeFromConfCaps == RemoveLast && call->confParent->lastAdded == call))
                features |= FeatureRemoveFromConf;
            if (call->confParent->state == OnHoldPendConf && call->confParent->members.size() == 1)
                features |= FeatureUnhold;
        }
        break;
    default:
        break;
    }
    if (!call->receivedUui.empty())
        features |= FeatureReleaseUserUserInfo;
    int allowed = caps.callFeatures.toInt();
    if (!(allowed & FeatureDrop))
        allowed &= ~FeatureReject;
    return features & allowed;
}
