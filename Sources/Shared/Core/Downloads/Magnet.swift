import Foundation

/// Magnet links: built from an info hash with the indexer's trackers (so the swarm is found
/// without DHT), and read back for their hash.
public enum Magnet {
    /// `infoHash`: 40 hex digits (v1: `btih`) or 64 (v2-only: a `btmh` SHA-256 multihash).
    public static func build(infoHash: String, name: String, trackers: [String]) -> String {
        let hash = infoHash.lowercased()
        let topic = hash.count == 64 ? "xt=urn:btmh:1220\(hash)" : "xt=urn:btih:\(hash)"
        var parts = [topic, "dn=\(encode(name))"]
        parts += trackers.map { "tr=\(encode($0))" }
        return "magnet:?" + parts.joined(separator: "&")
    }

    /// The info hash of a magnet as lower-case hex: its v1 hash (40; base32 converted) when it has
    /// one, else its v2 hash (64).
    public static func infoHash(of magnet: String) -> String? {
        guard magnet.lowercased().hasPrefix("magnet:?") else { return nil }
        let pairs = magnet.dropFirst("magnet:?".count).split(separator: "&").map { $0.lowercased() }
        // The v1 hash is the torrent's key whenever there is one (a hybrid's magnet names both).
        if let v1 = pairs.first(where: { $0.hasPrefix("xt=urn:btih:") }) {
            return normalizeHash(String(v1.dropFirst("xt=urn:btih:".count)))
        }
        // A v2 multihash: 0x12 (SHA-256), 0x20 (32 bytes), then the digest.
        if let v2 = pairs.first(where: { $0.hasPrefix("xt=urn:btmh:1220") }) {
            let digest = String(v2.dropFirst("xt=urn:btmh:1220".count))
            return digest.count == 64 ? normalizeHash(digest) : nil
        }
        return nil
    }

    /// Hex (40: v1; 64: v2) or base32 (32: v1) → lower-case hex; anything else → nil.
    public static func normalizeHash(_ raw: String) -> String? {
        let h = raw.trimmingCharacters(in: .whitespaces)
        if h.count == 40 || h.count == 64, h.allSatisfy(\.isHexDigit) { return h.lowercased() }
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
