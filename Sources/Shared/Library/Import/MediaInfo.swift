import Foundation
import Core

/// What ffprobe says about a file (spec: Media Processing Service, MediaInfo).
public struct MediaInfo: Sendable, Equatable, Codable {
    public var durationSeconds: Double
    public var videoCodec: String?
    public var audioCodec: String?
    public var width: Int?
    public var height: Int?
    public var container: String
    public var bitRate: Int?
    public var sampleRate: Int?

    public init(durationSeconds: Double, videoCodec: String?, audioCodec: String?, width: Int?, height: Int?,
                container: String, bitRate: Int? = nil, sampleRate: Int? = nil) {
        self.durationSeconds = durationSeconds; self.videoCodec = videoCodec; self.audioCodec = audioCodec
        self.width = width; self.height = height; self.container = container
        self.bitRate = bitRate; self.sampleRate = sampleRate
    }

    /// What is stored beside a placed movie or episode file.
    public var fileInfo: MediaFileInfo {
        MediaFileInfo(durationSeconds: Int(durationSeconds.rounded()), videoCodec: videoCodec, audioCodec: audioCodec,
                      width: width, height: height, container: container)
    }

    /// "1920x1080 h264/aac, 5400 s" for activity lines and logs.
    public var summary: String {
        var parts: [String] = []
        if let width, let height { parts.append("\(width)x\(height)") }
        let codecs = [videoCodec, audioCodec].compactMap { $0 }
        if !codecs.isEmpty { parts.append(codecs.joined(separator: "/")) }
        parts.append("\(Int(durationSeconds.rounded())) s")
        return parts.joined(separator: " ")
    }

    /// Reads `ffprobe -print_format json -show_format -show_streams` output. Nil when it names no
    /// audio or video stream or no duration: ffprobe read the file but it is not media (a text
    /// file renamed .mkv, a still image).
    public static func parse(ffprobeJSON data: Data) -> MediaInfo? {
        guard let probe = try? JSONDecoder().decode(Probe.self, from: data) else { return nil }
        let streams = probe.streams ?? []
        // A cover picture in a FLAC is a "video" stream with attached_pic: not a video.
        let video = streams.first { $0.codec_type == "video" && $0.disposition?.attached_pic != 1 }
        let audio = streams.first { $0.codec_type == "audio" }
        guard video != nil || audio != nil else { return nil }
        let duration = probe.format?.duration.flatMap(Double.init) ?? streams.compactMap { $0.duration.flatMap(Double.init) }.max()
        guard let duration, duration > 0, duration.isFinite else { return nil }
        return MediaInfo(durationSeconds: duration, videoCodec: video?.codec_name, audioCodec: audio?.codec_name,
                         width: video?.width, height: video?.height, container: probe.format?.format_name ?? "unknown",
                         bitRate: probe.format?.bit_rate.flatMap { Int($0) }, sampleRate: audio?.sample_rate.flatMap { Int($0) })
    }

    public var isVideo: Bool { videoCodec != nil }

    /// Why a video is refused as the item itself: shorter than a third of the item's runtime
    /// (a sample or a trailer). Nil when it is long enough or the runtime is unknown.
    public func sampleReason(runtimeMinutes: Int?) -> String? {
        guard isVideo, let runtimeMinutes, runtimeMinutes > 0 else { return nil }
        let minimum = Double(runtimeMinutes) * 60 / 3
        guard durationSeconds < minimum else { return nil }
        return "the video lasts \(Int(durationSeconds.rounded())) s, less than a third of the \(runtimeMinutes) min runtime (a sample?)"
    }

    struct Probe: Decodable {
        let streams: [Stream]?
        let format: Format?
    }
    struct Stream: Decodable {
        let codec_type: String?
        let codec_name: String?
        let width: Int?
        let height: Int?
        let duration: String?
        let sample_rate: String?
        let disposition: Disposition?
    }
    struct Disposition: Decodable { let attached_pic: Int? }
    struct Format: Decodable {
        let format_name: String?
        let duration: String?
        let bit_rate: String?
    }
}
