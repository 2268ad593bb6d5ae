import Core
import Metadata

/// The conversion every list item and episode goes through, without Foundation on the common
/// path: a stored TMDB image URL → our `/api/images/tmdb/…` address (times go through
/// `SQLiteTime.iso8601`, which has its own quick path). `ImageLinks.tmdb` parses a Foundation `URL` and checks characters through
/// `CharacterSet`: with 150 images per show that was a tenth of a request. Anything the quick
/// path is not certain about goes to the original, so the answers are the same for every input
/// (ViewFormattingTests compares the two).
enum ViewFormatting {
    static func tmdbImage(_ stored: String?) -> String? {
        guard let stored else { return nil }
        return quickTMDB(stored) ?? ImageLinks.tmdb(stored)
    }

    /// "http(s)://host/…/<size>/<file>" made only of letters, digits and "-_./:" (nothing a URL
    /// parser would decode or split differently), with an allowed size and a plain file name;
    /// nil for anything else (then `ImageLinks.tmdb` decides). Byte scans, one String made.
    static func quickTMDB(_ stored: String) -> String? {
        var address: [UInt8] = []
        guard appendQuickTMDB(stored, to: &address) else { return nil }
        return String(decoding: address, as: UTF8.self)
    }

    /// The quick path's address appended to `out` (letters, digits and "-_./" only: JSON writes
    /// them as they are); false, with nothing appended, where `quickTMDB` gives nil.
    static func appendQuickTMDB(_ stored: String, to out: inout [UInt8]) -> Bool {
        var stored = stored
        return stored.withUTF8 { bytes -> Bool in
            let scheme = startsWith(bytes, "https://") ? 8 : startsWith(bytes, "http://") ? 7 : 0
            guard scheme > 0, bytes.allSatisfy(isPlainURLByte) else { return false }
            let rest = bytes[scheme...]
            guard let pathStart = rest.firstIndex(of: UInt8(ascii: "/")), isPlainAuthority(rest[..<pathStart]) else { return false }
            // The last two non-empty path segments, found from the end (empty ones are skipped, as
            // splitting URL.path does).
            guard let (file, before) = lastSegment(bytes, from: pathStart, end: bytes.endIndex),
                  let (size, _) = lastSegment(bytes, from: pathStart, end: before),
                  tmdbSizes.contains(where: { $0.elementsEqual(size) }), isPlainFileName(file) else { return false }
            out.append(contentsOf: prefix)
            out.append(contentsOf: size)
            out.append(UInt8(ascii: "/"))
            out.append(contentsOf: file)
            return true
        }
    }

    /// `ImageSource.tmdb(size:file:).localPath` is this prefix, the size, "/" and the file.
    private static let prefix = Array(ImageSource.tmdb(size: "S", file: "F").localPath.utf8.dropLast(3))
    private static let tmdbSizes = ImageSource.tmdbSizes.map { Array($0.utf8) }

    /// The last non-empty "/"-separated segment of bytes[from..<end], and where it starts.
    private static func lastSegment(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, end: Int)
        -> (Slice<UnsafeBufferPointer<UInt8>>, Int)? {
        var stop = end
        while stop > from, bytes[stop - 1] == UInt8(ascii: "/") { stop -= 1 }
        var start = stop
        while start > from, bytes[start - 1] != UInt8(ascii: "/") { start -= 1 }
        return start < stop ? (bytes[start..<stop], start) : nil
    }

    private static func startsWith(_ bytes: UnsafeBufferPointer<UInt8>, _ prefix: StaticString) -> Bool {
        prefix.withUTF8Buffer { p in bytes.count >= p.count && zip(bytes, p).allSatisfy { $0 == $1 } }
    }

    /// "host" or "host:port": a non-empty host of name bytes and dots, a port of 1–5 digits.
    private static func isPlainAuthority(_ authority: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        let parts = authority.split(separator: UInt8(ascii: ":"), omittingEmptySubsequences: false)
        guard let host = parts.first, !host.isEmpty, parts.count <= 2,
              host.allSatisfy({ isNameByte($0) || $0 == UInt8(ascii: ".") }) else { return false }
        guard parts.count == 2 else { return true }
        return (1...5).contains(parts[1].count) && parts[1].allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }

    private static func isPlainURLByte(_ b: UInt8) -> Bool {
        isNameByte(b) || b == UInt8(ascii: ".") || b == UInt8(ascii: "/") || b == UInt8(ascii: ":")
    }

    private static func isNameByte(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == UInt8(ascii: "-") || b == UInt8(ascii: "_")
    }

    /// `ImageSource.isPlainFileName` for ASCII: 1–100 name bytes, ".jpg" or ".png".
    private static func isPlainFileName(_ file: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        guard file.count >= 5, (1...100).contains(file.count - 4) else { return false }
        let name = file.dropLast(4), ext = file.suffix(4)
        return name.allSatisfy { isNameByte($0) } && (ext.elementsEqual(".jpg".utf8) || ext.elementsEqual(".png".utf8))
    }
}
