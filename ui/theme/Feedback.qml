pragma Singleton
import QtQuick
import Hookline.Engine

// The one place a refused action reports to: a shortcut that finds nothing to act on, an action the
// engine refuses at once (a negative Tapi.LineError) or one that completes with an error. The console
// shows the latest message in an ActionNotice beside the call panel.
QtObject {
    id: feedback

    // The latest message; `serial` changes with every report, also when the text repeats.
    property string message: ""
    property int serial: 0
    // request id -> the action's name, until the engine completes it.
    property var pending: ({})

    function show(text) {
        message = text
        serial++
    }
    function clear() { message = "" }

    // Reports what an action's method returned: a negative value is refused now, a positive request id
    // is watched for an error on completion. Returns true when the action went ahead.
    function request(action, result) {
        if (result < 0) {
            show(Reasons.failed(action, result))
            return false
        }
        if (result > 0) {
            const p = pending
            p[result] = action
            pending = p
        }
        return result >= 0
    }

    readonly property Connections engineConnections: Connections {
        target: CallEngine
        function onRequestCompleted(requestId, error) {
            const action = feedback.pending[requestId]
            if (action === undefined)
                return
            const p = feedback.pending
            delete p[requestId]
            feedback.pending = p
            if (error !== 0)
                feedback.show(Reasons.failed(action, error))
        }
    }
}
