import Foundation
import Crypto

/// The info hash of a fetched .torrent, as lcarsd keys it: the v1 hash (SHA-1 of the bencoded
/// `info` dictionary) when the torrent has v1 pieces — v1 and hybrid torrents — else the v2 hash
/// (SHA-256 of it) for a v2-only torrent (`meta version` 2, no `pieces`). A grab needs it before
/// the torrent is added, to refuse a blocklisted torrent (its link says nothing of its hash).
public enum TorrentInfoHash {
    public struct Malformed: Error, CustomStringConvertible {
        let detail: String
        public var description: String { "not a .torrent file (\(detail))" }
    }

    /// Lower-case hex: 40 digits (v1) or 64 (v2-only).
    public static func of(_ data: Data) throws -> String {
        var scanner = BencodeScanner(bytes: [UInt8](data))
        let info = try scanner.infoDictionary()
        let bytes = Data(scanner.bytes[info.range])
        if info.hasPieces || info.metaVersion != 2 {
            return Insecure.SHA1.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
        }
        return SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
    }
}

/// Reads just enough bencode to find the `info` dictionary of a metainfo file: its byte range
/// (hashed as is) and the two keys that tell its version. Nesting is bounded, so a hostile file
/// cannot exhaust the stack.
struct BencodeScanner {
    struct Info {
        var range: Range<Int>
        var hasPieces = false
        var metaVersion: Int?
    }

    let bytes: [UInt8]
    var position = 0
    static let maxDepth = 64

    init(bytes: [UInt8]) { self.bytes = bytes }

    mutating func infoDictionary() throws -> Info {
        try expect(UInt8(ascii: "d"), "it does not start with a dictionary")
        while try peek() != UInt8(ascii: "e") {
            let key = try string()
            if key.elementsEqual("info".utf8) { return try info() }
            try skipValue(depth: 1)
        }
        throw TorrentInfoHash.Malformed(detail: "it has no info dictionary")
    }

    private mutating func info() throws -> Info {
        let start = position
        try expect(UInt8(ascii: "d"), "its info is not a dictionary")
        var info = Info(range: start..<start)
        while try peek() != UInt8(ascii: "e") {
            let key = try string()
            if key.elementsEqual("pieces".utf8) { info.hasPieces = true }
            if key.elementsEqual("meta version".utf8), try peek() == UInt8(ascii: "i") {
                let valueStart = position
                try skipValue(depth: 2)
                info.metaVersion = Int(String(decoding: bytes[(valueStart + 1)..<(position - 1)], as: UTF8.self))
            } else {
                try skipValue(depth: 2)
            }
        }
        position += 1
        info.range = start..<position
        return info
    }

    /// Moves past one value of any type.
    mutating func skipValue(depth: Int) throws {
        guard depth <= Self.maxDepth else { throw TorrentInfoHash.Malformed(detail: "nested deeper than \(Self.maxDepth) levels") }
        switch try peek() {
        case UInt8(ascii: "i"):
            guard let end = bytes[position...].firstIndex(of: UInt8(ascii: "e")) else { throw truncated }
            position = end + 1
        case UInt8(ascii: "l"), UInt8(ascii: "d"):
            position += 1
            while try peek() != UInt8(ascii: "e") { try skipValue(depth: depth + 1) }
            position += 1
        default:
            _ = try string()
        }
    }

    /// `<length>:<bytes>`.
    mutating func string() throws -> ArraySlice<UInt8> {
        guard let colon = bytes[position...].prefix(20).firstIndex(of: UInt8(ascii: ":")),
              let length = Int(String(decoding: bytes[position..<colon], as: UTF8.self)), length >= 0 else {
            throw TorrentInfoHash.Malformed(detail: "a string at byte \(position) has no length")
        }
        guard length <= bytes.count - colon - 1 else { throw truncated }
        position = colon + 1 + length
        return bytes[(colon + 1)..<position]
    }

    private func peek() throws -> UInt8 {
        guard position < bytes.count else { throw truncated }
        return bytes[position]
    }

    private mutating func expect(_ byte: UInt8, _ problem: String) throws {
        guard try peek() == byte else { throw TorrentInfoHash.Malformed(detail: problem) }
        position += 1
    }

    private var truncated: TorrentInfoHash.Malformed { TorrentInfoHash.Malformed(detail: "it is cut off") }
}
