import Foundation
import Core
import Persistence

/// The `media:updated` event of a status an import moved an item to (processing, available, partial).
extension LiveEvent {
    static func imported(_ change: MediaStatusChange) -> LiveEvent {
        .mediaUpdated(change.media, status: change.status, filePath: change.filePath)
    }
}
