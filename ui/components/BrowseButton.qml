import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import Hookline.Ui

// "Browse…" beside a path setting: opens the desktop's file or folder chooser (a Qt Quick one where the
// platform has none) at the current path and reports the local path the agent chose.
Button {
    id: browse
    // The path the field holds now: the chooser opens there.
    property string path: ""
    property bool folder: false
    property bool saving: false // a file to write (the chooser may name a new one)
    property var nameFilters: []
    property string title: ""
    signal chosen(string path)
    // The open chooser, for tests (the chooser itself is the platform's).
    readonly property var dialog: folder ? folderDialog : fileDialog

    text: qsTr("Browse…")

    function toUrl(localPath) { return localPath.length ? "file://" + encodeURI(localPath) : "" }
    function toLocal(url) { return decodeURIComponent(url.toString().replace(/^file:\/\//, "")) }
    function parentOf(localPath) {
        const i = localPath.lastIndexOf("/")
        return i > 0 ? localPath.slice(0, i) : ""
    }

    onClicked: {
        if (folder) {
            if (path.length)
                folderDialog.currentFolder = toUrl(path)
            folderDialog.open()
        } else {
            if (path.length) {
                fileDialog.currentFolder = toUrl(parentOf(path))
                fileDialog.selectedFile = toUrl(path)
            }
            fileDialog.open()
        }
    }

    FileDialog {
        id: fileDialog
        title: browse.title
        fileMode: browse.saving ? FileDialog.SaveFile : FileDialog.OpenFile
        nameFilters: browse.nameFilters.length ? browse.nameFilters : [qsTr("All files (*)")]
        onAccepted: browse.chosen(browse.toLocal(selectedFile))
    }
    FolderDialog {
        id: folderDialog
        title: browse.title
        onAccepted: browse.chosen(browse.toLocal(selectedFolder))
    }
}
