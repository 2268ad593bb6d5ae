/// Library rules a request can break; the API maps them to 409 and 404.
public enum LibraryError: Error, CustomStringConvertible, Sendable {
    case duplicate(kind: String, id: Int64, key: String)
    case notFound(kind: String, id: Int64)

    public var description: String {
        switch self {
        case .duplicate(let kind, let id, let key): "this \(kind) is already in the library (id \(id), \(key))"
        case .notFound(let kind, let id): "no \(kind) with id \(id)"
        }
    }
}
