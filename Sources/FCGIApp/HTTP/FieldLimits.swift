import Foundation

/// How long a string from a client may be, checked once for every route before anything is
/// decoded or written: any string in a JSON body (at any depth) and any query parameter. Without
/// it, what an unauthenticated or careless client sends could end up in the database at any size.
/// Routes keep their own, tighter rules (a username's characters, a title's 2048 bytes, `q`'s 200).
enum FieldLimits {
    /// Any string not named below.
    static let defaultLength = 4096
    /// Tighter bounds by field name, whatever the route: a `username` is a username everywhere.
    static let byName: [String: Int] = [
        "username": 64,
        "password": 1024,          // argon2's input (PasswordHasher.maxPasswordBytes)
        "name": 512, "title": 512,
        "url": 2048,
        "api_key": 256,
        "magnet": 16_384,          // trackers make magnets long; still far below the body limit
    ]
    /// Bounded by the body size only: the base64 of a .torrent file.
    static let unbounded: Set<String> = ["torrent"]
    /// Query parameters: names and values (nginx bounds the whole request line at 8 KB).
    static let queryLength = 4096

    static func limit(for field: String) -> Int? {
        unbounded.contains(field) ? nil : byName[field] ?? defaultLength
    }

    /// The first string in a parsed JSON body over its bound, as "field" or "parent.field[2]".
    static func firstViolation(in json: Any, path: String = "", field: String = "") -> APIError? {
        switch json {
        case let text as String:
            guard let limit = limit(for: field), isLonger(text, than: limit) else { return nil }
            return .fieldTooLong(path.isEmpty ? "the body" : path, limit: limit)
        case let object as [String: Any]:
            for (key, value) in object.sorted(by: { $0.key < $1.key }) {
                if let error = firstViolation(in: value, path: path.isEmpty ? key : "\(path).\(key)", field: key) { return error }
            }
        case let array as [Any]:
            for (i, value) in array.enumerated() {
                if let error = firstViolation(in: value, path: "\(path)[\(i)]", field: field) { return error }
            }
        default:
            break
        }
        return nil
    }

    /// The first query parameter (name or value) over `queryLength`.
    static func firstViolation(inQuery query: [String: String]) -> APIError? {
        for (name, value) in query.sorted(by: { $0.key < $1.key }) {
            if isLonger(name, than: queryLength) { return .fieldTooLong("a query parameter name", limit: queryLength) }
            if isLonger(value, than: queryLength) { return .fieldTooLong(name, limit: queryLength) }
        }
        return nil
    }

    /// In code points, as JSON Schema's maxLength counts (docs/openapi.yaml gives these bounds):
    /// grapheme clusters would let one letter carry any number of combining marks past the bound.
    /// The byte count answers most cases without counting.
    static func isLonger(_ text: String, than limit: Int) -> Bool {
        text.utf8.count > limit && text.unicodeScalars.count > limit
    }
}
