.pragma library

// "1:05" or "1:02:03" for a duration in ms.
function duration(ms) {
    if (ms === undefined || ms < 0)
        return ""
    var s = Math.floor(ms / 1000)
    var h = Math.floor(s / 3600)
    var m = Math.floor((s % 3600) / 60)
    s = s % 60
    var mm = h > 0 && m < 10 ? "0" + m : "" + m
    var ss = s < 10 ? "0" + s : "" + s
    return h > 0 ? h + ":" + mm + ":" + ss : mm + ":" + ss
}

// Bytes the text takes as UTF-8, which is what goes on the line as UUI.
function utf8Length(text) {
    var bytes = 0
    for (var i = 0; i < text.length; ++i) {
        var c = text.charCodeAt(i)
        if (c < 0x80)
            bytes += 1
        else if (c < 0x800)
            bytes += 2
        else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
            bytes += 4
            ++i
        } else
            bytes += 3
    }
    return bytes
}

// An error code as the engine returns it (negative LINEERR value) in hex, as TAPI logs show it.
function errorCode(code) {
    return "0x" + (code >>> 0).toString(16).toUpperCase()
}
