import Foundation

/// One regular file of a finished download, relative to the download's own folder (or the file
/// itself for a single-file torrent). Built only by `SourceTree`, which has checked it lies inside.
public struct SourceFile: Sendable, Equatable {
    public let relativePath: String
    public let size: Int64

    public init(relativePath: String, size: Int64) {
        self.relativePath = relativePath
        self.size = size
    }

    public var fileName: String { (relativePath as NSString).lastPathComponent }
    public var ext: String { (fileName as NSString).pathExtension.lowercased() }
}

/// What a file in a download is for the library: a video, an audio track, or nothing (junk).
public enum ImportFileKind: Sendable, Equatable {
    case video, audio, junk

    static let videoExtensions: Set<String> = ["mkv", "mp4", "m4v", "avi", "mov", "wmv", "ts", "m2ts", "webm", "mpg", "mpeg"]
    static let audioExtensions: Set<String> = ["flac", "mp3", "m4a", "aac", "ogg", "oga", "opus", "wav", "ape", "wv", "dsf", "wma"]
    /// Words that mark extras rather than the feature: a sample, a trailer.
    static let extraWords: Set<String> = ["sample", "trailer", "featurette"]

    /// Samples and trailers are junk even with a video extension; .nfo, .txt, .exe, images and
    /// anything unknown are junk too.
    public static func of(_ file: SourceFile) -> ImportFileKind {
        if isExtra(file.relativePath) { return .junk }
        if videoExtensions.contains(file.ext) { return .video }
        if audioExtensions.contains(file.ext) { return .audio }
        return .junk
    }

    /// Whether a word of any path component (split on non-alphanumerics) is "sample" or "trailer".
    static func isExtra(_ path: String) -> Bool {
        let stem = (path as NSString).deletingPathExtension.lowercased()
        return stem.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).contains { extraWords.contains(String($0)) }
    }
}

/// Chooses the file of a movie: the largest video that is not a sample.
public enum MoviePick {
    public static func file(in files: [SourceFile]) -> SourceFile? {
        files.filter { ImportFileKind.of($0) == .video }.max { ($0.size, $1.relativePath) < ($1.size, $0.relativePath) }
    }
}
