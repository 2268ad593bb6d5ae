import Foundation

/// Events from the session, in the order libtorrent posted them.
public enum TorrentAlert: Sendable, Equatable {
    case added(infoHash: String, name: String)
    /// Also follows an `add` that threw (a duplicate, say); an existing torrent is left untouched.
    case addFailed(infoHash: String?, message: String)
    case metadataReceived(infoHash: String, name: String)
    case finished(infoHash: String)
    case stateChanged(infoHash: String, state: TorrentState)
    case torrentError(infoHash: String, message: String)
    /// Bencoded resume data to store and pass to `add(_:savePath:resumeData:)` on the next start.
    case resumeDataSaved(infoHash: String, data: Data)
    case resumeDataFailed(infoHash: String, message: String)
    case removed(infoHash: String)
    case filesDeleted(infoHash: String)
    case deleteFailed(infoHash: String, message: String)
    case listenFailed(message: String)
    case listenSucceeded(address: String, port: Int)
}
