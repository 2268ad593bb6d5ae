import Foundation
import Core

/// `media:updated`: a library item's status changed — searched, grabbed, sent back to missing by a
/// failed download, placed by post-processing — with its file when it has one (docs/api.md).
extension LiveEvent {
    struct MediaUpdated: Encodable {
        let media_type: MediaKind, media_id: Int64, status: MediaStatus, file_path: String?
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(media_type, forKey: .media_type)
            try c.encode(media_id, forKey: .media_id)
            try c.encode(status, forKey: .status)
            try c.encode(file_path, forKey: .file_path)   // null, not absent: the item has no file (yet)
        }
        enum CodingKeys: String, CodingKey { case media_type, media_id, status, file_path }
    }

    static func mediaUpdated(_ media: MediaReference, status: MediaStatus, filePath: String? = nil) -> LiveEvent {
        LiveEvent(name: "media:updated", payload: MediaUpdated(media_type: media.type, media_id: media.id, status: status, file_path: filePath))
    }
}
