import Foundation

/// The image types LCARS serves, recognised by their bytes' signature (never by a name or an
/// upstream's Content-Type alone).
public enum ImageFormat {
    public static let contentTypes: Set<String> = ["image/jpeg", "image/png", "image/webp"]

    /// "image/jpeg", "image/png" or "image/webp" when the bytes start like one; nil otherwise.
    public static func contentType(of data: Data) -> String? {
        let head = [UInt8](data.prefix(12))
        if head.starts(with: [0xFF, 0xD8, 0xFF]) { return "image/jpeg" }
        if head.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return "image/png" }
        if head.count == 12, head.starts(with: Array("RIFF".utf8)), Array(head[8..<12]) == Array("WEBP".utf8) { return "image/webp" }
        return nil
    }

    /// The media type of a Content-Type header ("image/jpeg; charset=x" → "image/jpeg").
    static func mediaType(_ header: String?) -> String {
        (header ?? "").split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
    }
}
