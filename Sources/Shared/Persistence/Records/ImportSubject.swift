import Foundation
import Core

/// What post-processing needs to know about the item a finished download is linked to: the
/// values its naming pattern uses and what its files are matched against.
public enum ImportSubject: Sendable, Equatable {
    case movie(Movie)
    /// The show and its episodes that a download may hold (the linked one, or a season pack's).
    case episodes(Show, [Episode])
    /// The album and the tracks to fill (all of them, or the one track a download is linked to).
    case album(Album, [Track])

    public struct Movie: Sendable, Equatable {
        public let id: Int64, title: String, year: Int, runtimeMinutes: Int?
    }
    public struct Show: Sendable, Equatable {
        public let id: Int64, title: String, year: Int?
    }
    public struct Episode: Sendable, Equatable {
        public let id: Int64, season: Int, number: Int, title: String?, runtimeMinutes: Int?, status: MediaStatus
    }
    public struct Album: Sendable, Equatable {
        public let id: Int64, title: String, artist: String, year: Int?
    }
    public struct Track: Sendable, Equatable {
        public let id: Int64, disc: Int, number: Int, title: String, durationMs: Int?, status: MediaStatus
    }
}

/// One library item placed by an import: where its file is now and what ffprobe said.
public struct PlacedMedia: Sendable, Equatable {
    public let media: MediaReference
    public let path: String
    public let size: Int64
    public let summary: String          // "1920x1080 h264/aac 5400 s"
    public let audioFormat: String?     // tracks: the codec ffprobe reports
    public let bitRateKbps: Int?
    public let sampleRate: Int?
    public let fileInfo: MediaFileInfo?  // movies and episodes: what ffprobe read

    public init(media: MediaReference, path: String, size: Int64, summary: String,
                audioFormat: String? = nil, bitRateKbps: Int? = nil, sampleRate: Int? = nil, fileInfo: MediaFileInfo? = nil) {
        self.media = media; self.path = path; self.size = size; self.summary = summary
        self.audioFormat = audioFormat; self.bitRateKbps = bitRateKbps; self.sampleRate = sampleRate
        self.fileInfo = fileInfo
    }
}

/// A status an import moved an item to (each one is a `media:updated` live event).
public struct MediaStatusChange: Sendable, Equatable {
    public let media: MediaReference
    public let status: MediaStatus
    public let filePath: String?
}
