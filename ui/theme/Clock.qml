pragma Singleton
import QtQuick

// One clock for every running time on screen (call list, call panel, agent state), so they agree to
// the second: all of them read `now`, sampled once per tick, and round it the same way.
QtObject {
    id: clock
    // Wall-clock ms since the epoch at the last tick.
    property double now: Date.now()
    // Counts the ticks; bindings that show a running time depend on it.
    property int tick: 0
    // Durations for this tick, by session id: the panel and the list show the same value.
    property var durations: ({})

    function duration(session) {
        tick // re-evaluated every tick
        if (!session)
            return -1
        const cached = durations[session.sessionId]
        if (cached !== undefined)
            return cached
        const value = session.duration
        durations[session.sessionId] = value
        return value
    }
    // ms from `sinceMs` (epoch ms) to this tick; -1 when there is no start.
    function since(sinceMs) {
        tick
        return sinceMs > 0 ? Math.max(0, now - sinceMs) : -1
    }

    readonly property Timer timer: Timer {
        interval: 1000
        running: true
        repeat: true
        onTriggered: {
            clock.durations = ({})
            clock.now = Date.now()
            clock.tick++
        }
    }
}
