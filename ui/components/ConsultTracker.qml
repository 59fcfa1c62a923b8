import QtQuick
import Hookline.Engine

// Remembers which consultation call belongs to which call: the engine creates the consult when a
// transfer or conference set-up completes, and the console needs it for Complete transfer and Add to
// conference. Every action still goes through the session's own method.
QtObject {
    id: tracker

    // kind: "transfer" or "conference"; target: the held original (transfer) or the conference parent.
    property var pending: null
    property var added: []
    property var consults: ({}) // consult sessionId -> { kind, target }
    property int revision: 0
    signal consultCreated(CallSession consult)

    function start(kind, origin, requestId) {
        if (requestId > 0) {
            pending = { kind: kind, origin: origin, requestId: requestId }
            added = []
        }
        return requestId
    }
    function infoFor(session) {
        revision
        return session ? consults[session.sessionId] : undefined
    }

    property Connections engine: Connections {
        target: CallEngine
        function onSessionAdded(session) {
            if (tracker.pending)
                tracker.added.push(session)
        }
        function onRequestCompleted(requestId, error) {
            const p = tracker.pending
            if (!p || p.requestId !== requestId)
                return
            tracker.pending = null
            if (error !== 0)
                return
            let consult = null
            for (const s of tracker.added) {
                if (!s.isConference && s !== p.origin && s.state === Tapi.DialTone)
                    consult = s
            }
            if (!consult)
                return
            const target = p.kind === "transfer" ? p.origin
                         : (p.origin.isConference ? p.origin : p.origin.conferenceParent)
            tracker.consults[consult.sessionId] = { kind: p.kind, target: target }
            tracker.revision++
            tracker.consultCreated(consult)
        }
        function onSessionTerminated(sessionId) {
            if (tracker.consults[sessionId] !== undefined) {
                delete tracker.consults[sessionId]
                tracker.revision++
            }
        }
    }
}
