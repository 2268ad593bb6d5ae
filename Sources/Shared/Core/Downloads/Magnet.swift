import Foundation

/// Magnet links: built from an info hash with the indexer's trackers (so the swarm is found
/// without DHT), and read back for their hash.
public enum Magnet {
    public static func build(infoHash: String, name: String, trackers: [String]) -> String {
        var parts = ["xt=urn:btih:\(infoHash.lowercased())", "dn=\(encode(name))"]
        parts += trackers.map { "tr=\(encode($0))" }
        return "magnet:?" + parts.joined(separator: "&")
    }

    /// The info hash of a magnet, as 40 lower-case hex characters (base32 hashes are converted).
    public static func infoHash(of magnet: String) -> String? {
        guard magnet.lowercased().hasPrefix("magnet:?") else { return nil }
        let query = magnet.dropFirst("magnet:?".count)
        for pair in query.split(separator: "&") where pair.lowercased().hasPrefix("xt=urn:btih:") {
            return normalizeHash(String(pair.dropFirst("xt=urn:btih:".count)))
        }
        return nil
    }

    /// Hex (40) or base32 (32) → lower-case hex; anything else → nil.
    public static func normalizeHash(_ raw: String) -> String? {
        let h = raw.trimmingCharacters(in: .whitespaces)
        if h.count == 40, h.allSatisfy(\.isHexDigit) { return h.lowercased() }
        if h.count == 32 { return base32ToHex(h.uppercased()) }
        return nil
    }

    /// The trackers in a magnet, decoded.
    public static func trackers(of magnet: String) -> [String] {
        magnet.split(separator: "&").compactMap { pair in
            let lower = pair.lowercased()
            guard lower.hasPrefix("tr=") || lower.hasPrefix("magnet:?tr=") else { return nil }
            let value = pair.split(separator: "=", maxSplits: 1).last.map(String.init) ?? ""
            return value.removingPercentEncoding ?? value
        }
    }

    private static func base32ToHex(_ s: String) -> String? {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
        var bits = 0, value = 0
        var bytes: [UInt8] = []
        for ch in s {
            guard let index = alphabet.firstIndex(of: ch) else { return nil }
            value = (value << 5) | index
            bits += 5
            if bits >= 8 { bytes.append(UInt8((value >> (bits - 8)) & 0xFF)); bits -= 8 }
        }
        guard bytes.count == 20 else { return nil }
        return bytes.map { String(format: "%02x", $0) }.joined()
    }

    private static func encode(_ s: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return s.addingPercentEncoding(withAllowedCharacters: allowed) ?? s
    }
}
