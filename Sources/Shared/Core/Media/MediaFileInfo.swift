import Foundation

/// What ffprobe read from a placed movie or episode file, as stored beside the file (the
/// `media_info` column, JSON) and shown by the API: duration, codecs, resolution, container.
public struct MediaFileInfo: Codable, Sendable, Equatable {
    public var durationSeconds: Int
    public var videoCodec: String?
    public var audioCodec: String?
    public var width: Int?
    public var height: Int?
    public var container: String

    public init(durationSeconds: Int, videoCodec: String?, audioCodec: String?, width: Int?, height: Int?, container: String) {
        self.durationSeconds = durationSeconds; self.videoCodec = videoCodec; self.audioCodec = audioCodec
        self.width = width; self.height = height; self.container = container
    }

    enum CodingKeys: String, CodingKey {
        case durationSeconds = "duration_seconds", videoCodec = "video_codec", audioCodec = "audio_codec"
        case width, height, container
    }

    /// The column's text; nil for no info.
    public var json: String? { (try? JSONEncoder().encode(self)).map { String(decoding: $0, as: UTF8.self) } }

    /// The column's text read back; nil when empty or not this shape (never fails a read).
    public init?(json: String?) {
        guard let json, let info = try? JSONDecoder().decode(Self.self, from: Data(json.utf8)) else { return nil }
        self = info
    }
}
