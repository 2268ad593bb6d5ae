import Foundation
import Core
import Persistence

/// `media:updated`: a library item's status changed in post-processing (processing, available,
/// partial), with its file when it has one.
extension LiveEvent {
    struct MediaUpdated: Encodable {
        let media_type: MediaKind, media_id: Int64, status: MediaStatus, file_path: String?
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(media_type, forKey: .media_type)
            try c.encode(media_id, forKey: .media_id)
            try c.encode(status, forKey: .status)
            try c.encode(file_path, forKey: .file_path)
        }
        enum CodingKeys: String, CodingKey { case media_type, media_id, status, file_path }
    }

    static func imported(_ change: MediaStatusChange) -> LiveEvent {
        LiveEvent(name: "media:updated", payload: MediaUpdated(media_type: change.media.type, media_id: change.media.id,
                                                                status: change.status, file_path: change.filePath))
    }
}
