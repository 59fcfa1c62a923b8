#pragma once

#include "floor/FloorSettings.h"

#include <QtCore/qobject.h>

#include <memory>

class AgentState;
class CallEngine;
class CallAudioRouter;
class CallLog;
class ConsoleSettings;
class FloorCoaching;
class FloorCoachingCaller;
class FloorCoachingLegs;
class FloorLink;
class FloorModel;
class FloorPublisher;
class FloorRequestHandler;

// The console's floor as one piece: its link, what it publishes (FloorPublisher), the supervisors'
// requests it accepts (FloorRequestHandler) and the supervisor's model of the floor (FloorModel, which
// watches only once the floor page asks). Unconfigured, the link stays Off and the console works alone.
// The app, the Qt Quick tests and the UI benchmark compose it the same way; registerForQml() hands the
// singletons to QML.
class ConsoleFloor : public QObject
{
    Q_OBJECT

public:
    // `engine` and `agent` outlive this object.
    ConsoleFloor(CallEngine *engine, AgentState *agent, QObject *parent = nullptr);
    CallEngine *engine() const { return m_engine; }
    // Leaves the floor (stop) before anything goes.
    ~ConsoleFloor() override;

    FloorLink *link() const { return m_link.get(); }
    FloorModel *model() const { return m_model.get(); }
    FloorPublisher *publisher() const { return m_publisher.get(); }
    FloorRequestHandler *requests() const { return m_requests.get(); }

    // Takes supervisors' coaching requests (listen, whisper, barge) under the policy these settings hold,
    // and answers the granted legs, joined on `router`'s mixer (none: answered, not heard).
    void enableCoaching(ConsoleSettings *settings, CallAudioRouter *router);
    FloorCoachingLegs *coachingLegs() const { return m_coachingLegs.get(); }
    FloorCoaching *coaching() const { return m_coaching.get(); }
    // Joins the floor of these settings (the link's start: never waits for the server).
    void start(const FloorSettings &settings);
    // Leaves it: this console's entries are deleted, the connection closed.
    void stop();

    // Makes these the instances QML's FloorLink, FloorModel, FloorRequestHandler and FloorCoachingLegs
    // singletons are (after enableCoaching()).
    void registerForQml();

private:
    CallEngine *m_engine;
    std::unique_ptr<FloorLink> m_link;
    std::unique_ptr<FloorPublisher> m_publisher;
    std::unique_ptr<FloorRequestHandler> m_requests;
    std::unique_ptr<FloorCoaching> m_coaching;
    std::unique_ptr<FloorCoachingLegs> m_coachingLegs;
    std::unique_ptr<FloorModel> m_model;
    std::unique_ptr<FloorCoachingCaller> m_coachingCaller; // this console coaching others
};
