#include "floor/ConsoleFloor.h"

#include "floor/FloorCoaching.h"
#include "floor/FloorCoachingCaller.h"
#include "floor/FloorCoachingLegs.h"
#include "floor/FloorLink.h"
#include "floor/FloorModel.h"
#include "floor/FloorPublisher.h"
#include "floor/FloorRequestHandler.h"
#include "log/CallLog.h"
#include "session/CallSession.h"

ConsoleFloor::ConsoleFloor(CallEngine *engine, AgentState *agent, QObject *parent)
    : QObject(parent)
    , m_engine(engine)
    , m_link(std::make_unique<FloorLink>(nullptr))
    , m_publisher(std::make_unique<FloorPublisher>(m_link.get(), engine, agent))
    , m_requests(std::make_unique<FloorRequestHandler>(m_link.get(), engine, agent))
    , m_model(std::make_unique<FloorModel>(m_link.get()))
    , m_coachingCaller(std::make_unique<FloorCoachingCaller>(m_link.get(), engine))
{
    m_model->setCoaching(m_coachingCaller.get());
    m_publisher->setCoachingCaller(m_coachingCaller.get());
}

ConsoleFloor::~ConsoleFloor()
{
    stop();
    // The link's users first: each holds it.
    m_model.reset();
    m_coachingCaller.reset();
    m_requests.reset();
    m_coachingLegs.reset();
    m_coaching.reset();
    m_publisher.reset();
}

void ConsoleFloor::enableCoaching(ConsoleSettings *settings, CallAudioRouter *router)
{
    if (m_coaching)
        return;
    m_coaching = std::make_unique<FloorCoaching>(m_engine, settings);
    m_coachingLegs = std::make_unique<FloorCoachingLegs>(m_coaching.get(), m_engine, router);
    m_requests->setCoaching(m_coaching.get());
    // A supervisor leaving (Stop, or hanging up his line) is audited like the request that let him in.
    connect(m_coachingLegs.get(), &FloorCoachingLegs::supervisorLeft, m_requests.get(),
            &FloorRequestHandler::auditSupervisorLeft);
    m_publisher->setCoachingLegs(m_coachingLegs.get());
}

void ConsoleFloor::start(const FloorSettings &settings)
{
    m_link->start(settings);
}

void ConsoleFloor::stop()
{
    m_link->stop();
}

void ConsoleFloor::registerForQml()
{
    FloorLink::setQmlInstance(m_link.get());
    FloorModel::setQmlInstance(m_model.get());
    FloorRequestHandler::setQmlInstance(m_requests.get());
    // The agent's session list reads the coaching marks: enableCoaching() comes first.
    Q_ASSERT(m_coachingLegs);
    FloorCoachingLegs::setQmlInstance(m_coachingLegs.get());
}
