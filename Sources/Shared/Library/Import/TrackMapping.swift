import Foundation

/// Maps an album download's audio files onto the album's tracks: by disc and track number, then
/// by title, then by duration (within 5 seconds). What stays unmatched is reported on both sides.
public enum TrackMapping {
    /// A track of the album as MusicBrainz lists it.
    public struct Slot: Sendable, Equatable {
        public let id: Int64
        public let disc: Int
        public let number: Int
        public let title: String
        public let durationMs: Int?
        public init(id: Int64, disc: Int, number: Int, title: String, durationMs: Int?) {
            self.id = id; self.disc = disc; self.number = number; self.title = title; self.durationMs = durationMs
        }
    }

    /// An audio file of the download and its duration (ffprobe), when known.
    public struct Candidate: Sendable, Equatable {
        public let file: SourceFile
        public let durationSeconds: Double?
        public init(file: SourceFile, durationSeconds: Double?) { self.file = file; self.durationSeconds = durationSeconds }
    }

    public struct Result: Sendable, Equatable {
        public var mapped: [Int64: SourceFile] = [:]       // track id → file
        public var unmappedFiles: [SourceFile] = []
        public var missingTracks: [Slot] = []
    }

    static let durationTolerance = 5.0

    public static func map(_ candidates: [Candidate], onto slots: [Slot]) -> Result {
        var result = Result()
        var files = candidates.filter { ImportFileKind.of($0.file) == .audio }
        var open = slots
        let discs = Set(slots.map(\.disc)).count
        matchPass(&files, &open, &result) { c, s in numbers(of: c.file, albumHasDiscs: discs > 1).map { $0 == (s.disc, s.number) } ?? false }
        matchPass(&files, &open, &result) { c, s in titleMatches(c.file, s.title) }
        matchPass(&files, &open, &result) { c, s in
            guard let seconds = c.durationSeconds, let ms = s.durationMs else { return false }
            return abs(seconds - Double(ms) / 1000) <= durationTolerance
        }
        result.unmappedFiles = files.map(\.file)
        result.missingTracks = open
        return result
    }

    /// Pairs every open slot with the first remaining file `matches` accepts.
    static func matchPass(_ files: inout [Candidate], _ open: inout [Slot], _ result: inout Result,
                          matches: (Candidate, Slot) -> Bool) {
        open = open.filter { slot in
            guard let index = files.firstIndex(where: { matches($0, slot) }) else { return true }
            result.mapped[slot.id] = files.remove(at: index).file
            return false
        }
    }

    /// (disc, track) from the file's name and folder: "01 - Title", "1-01 Title", "CD2/03 Title",
    /// "Disc 2/03.flac", "Artist - 03 - Title". A file without a disc is on disc 1.
    static func numbers(of file: SourceFile, albumHasDiscs: Bool) -> (Int, Int)? {
        let stem = (file.fileName as NSString).deletingPathExtension
        let folderDisc = discNumber(inFolder: (file.relativePath as NSString).deletingLastPathComponent)
        let digits = leadingNumbers(stem)
        if digits.count >= 2, digits[0] <= 20, digits[1] <= 99, stem.first?.isNumber == true, hasDiscSeparator(stem) {
            return (digits[0], digits[1])                     // "1-01 Title", "2.03 Title"
        }
        guard let track = firstTrackNumber(stem) else { return nil }
        if track >= 100 && albumHasDiscs && folderDisc == nil { return (track / 100, track % 100) }   // "203 Title"
        return (folderDisc ?? 1, track)
    }

    /// "CD2", "Disc 2", "disk02" as the nearest folder's name.
    static func discNumber(inFolder folder: String) -> Int? {
        let name = (folder as NSString).lastPathComponent.lowercased()
        for prefix in ["cd", "disc", "disk"] where name.hasPrefix(prefix) {
            let rest = name.dropFirst(prefix.count).trimmingCharacters(in: .whitespaces.union(CharacterSet(charactersIn: "-_.")))
            if let n = Int(rest.prefix { $0.isNumber }), n > 0 { return n }
        }
        return nil
    }

    static func leadingNumbers(_ stem: String) -> [Int] {
        stem.prefix(8).split(whereSeparator: { !$0.isNumber }).prefix(2).compactMap { Int($0) }
    }

    static func hasDiscSeparator(_ stem: String) -> Bool {
        let head = stem.drop { $0.isNumber }
        guard let separator = head.first, separator == "-" || separator == "." else { return false }
        return head.dropFirst().first?.isNumber == true
    }

    /// The track number: the name's leading number, or the number between " - " separators
    /// ("Artist - 03 - Title").
    static func firstTrackNumber(_ stem: String) -> Int? {
        let lead = stem.prefix { $0.isNumber }
        if !lead.isEmpty, lead.count <= 3 { return Int(lead) }
        for part in stem.components(separatedBy: " - ") {
            let trimmed = part.trimmingCharacters(in: .whitespaces)
            if !trimmed.isEmpty, trimmed.count <= 3, trimmed.allSatisfy(\.isNumber) { return Int(trimmed) }
        }
        return nil
    }

    /// The file's name, without numbers and separators, equals the title or ends with it
    /// ("Artist - Title"), compared on letters and digits only, case-insensitively.
    static func titleMatches(_ file: SourceFile, _ title: String) -> Bool {
        let wanted = letters(title)
        guard !wanted.isEmpty else { return false }
        let stem = letters(String((file.fileName as NSString).deletingPathExtension.drop { $0.isNumber || $0 == " " || $0 == "-" || $0 == "." }))
        return stem == wanted || stem.hasSuffix(wanted)
    }

    static func letters(_ text: String) -> String {
        String(text.lowercased().unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) }.map(Character.init))
    }
}
