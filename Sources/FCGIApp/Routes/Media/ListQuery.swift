import Core
import Persistence

/// The query of a list route (`status, monitored, search, page, limit` plus route-specific ids),
/// validated: unknown parameters, unknown values and out-of-range paging are 400s.
struct ListQuery {
    static let maxLimit = 500
    var page = 1
    var limit = 50
    var search: String?
    var status: String?
    var monitored: Bool?
    var ids: [String: Int64] = [:]

    /// `statuses`: the values `status` may take (empty: no status filter); `idKeys`: extra integer filters (artist_id, …);
    /// `searchable`: whether `search` and `monitored` exist on this route.
    static func parse(_ query: [String: String], statuses: Set<String>, idKeys: [String] = [], searchable: Bool = true) throws -> ListQuery {
        var known = ["page", "limit"] + idKeys
        if !statuses.isEmpty { known.append("status") }
        if searchable { known += ["search", "monitored"] }
        if let unknown = query.keys.sorted().first(where: { !known.contains($0) }) {
            throw DomainError.badRequest("unknown query parameter \"\(unknown)\" (known: \(known.sorted().joined(separator: ", ")))")
        }
        var result = ListQuery()
        result.page = try QueryValue.int(query["page"], name: "page", range: 1...1_000_000) ?? 1
        result.limit = try QueryValue.int(query["limit"], name: "limit", range: 1...maxLimit) ?? 50
        if let status = query["status"] {
            guard statuses.contains(status) else {
                throw DomainError.badRequest("status must be one of \(statuses.sorted().joined(separator: ", ")), found \"\(status)\"")
            }
            result.status = status
        }
        result.monitored = try QueryValue.bool(query["monitored"], name: "monitored")
        let search = query["search"]?.trimmingCharacters(in: .whitespaces)
        if let search, search.unicodeScalars.count > 200 { throw DomainError.badRequest("search is longer than 200 characters") }
        result.search = search?.isEmpty == false ? search : nil
        for key in idKeys { result.ids[key] = try QueryValue.int(query[key], name: key, range: 1...Int.max).map(Int64.init) }
        return result
    }

    /// What the store's `page` takes.
    var list: MediaListQuery {
        MediaListQuery(page: page, limit: limit, search: search, status: status, monitored: monitored)
    }
}

/// Parsing of single query values, with 400s that name the parameter.
enum QueryValue {
    static func int(_ raw: String?, name: String, range: ClosedRange<Int>) throws -> Int? {
        guard let raw else { return nil }
        guard let value = Int(raw), range.contains(value) else {
            throw DomainError.badRequest("\(name) must be an integer from \(range.lowerBound) to \(range.upperBound), found \"\(raw)\"")
        }
        return value
    }

    static func bool(_ raw: String?, name: String) throws -> Bool? {
        switch raw?.lowercased() {
        case nil: return nil
        case "true", "1": return true
        case "false", "0": return false
        default: throw DomainError.badRequest("\(name) must be true or false, found \"\(raw ?? "")\"")
        }
    }

    /// Required, not blank (line breaks, form feeds… count as blank too), at most 200 characters.
    static func text(_ raw: String?, name: String) throws -> String {
        let value = raw?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        guard !value.isEmpty else { throw DomainError.badRequest("\(name) is required") }
        guard value.unicodeScalars.count <= 200 else { throw DomainError.badRequest("\(name) is longer than 200 characters") }
        return value
    }

    /// Only these parameter names may appear.
    static func allow(_ query: [String: String], _ known: [String]) throws {
        if let unknown = query.keys.sorted().first(where: { !known.contains($0) }) {
            let list = known.isEmpty ? "none" : known.joined(separator: ", ")
            throw DomainError.badRequest("unknown query parameter \"\(unknown)\" (known: \(list))")
        }
    }
}
