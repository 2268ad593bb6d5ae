import GRDB

/// One page of a media table: filters, optional full-text search (FTS5, every word a prefix,
/// ranked with bm25 so title hits come first), a stable order, and the total.
struct MediaListing<Record: PositionalRecord>: Sendable {
    let table: String            // "movies"
    let fts: String?             // "movies_fts"
    let bm25Weights: String      // per FTS column, e.g. "10.0, 5.0, 1.0"
    let order: String            // "t.title COLLATE NOCASE, t.id"

    typealias Filter = (sql: String, value: any DatabaseValueConvertible)

    /// `parent`: a required equality, e.g. ("t.album_id", 5).
    func page(_ db: Database, _ query: MediaListQuery, parent: (column: String, id: Int64)? = nil) throws -> MediaPage<Record> {
        var filters: [Filter] = []
        if let parent { filters.append(("\(parent.column) = ?", parent.id)) }
        if let status = query.status { filters.append(("t.status = ?", status)) }
        if let monitored = query.monitored { filters.append(("t.monitored = ?", monitored)) }
        if let text = query.search, let fts {
            guard let match = FTSQuery.prefixTerms(text) else { return MediaPage(items: [], total: 0) }
            if filters.isEmpty { return try searchOnly(db, fts: fts, match: match, query) }
            filters.insert(("\(fts) MATCH ?", match), at: 0)
            return try fetch(db, from: "\(fts) JOIN \(table) t ON t.id = \(fts).rowid", filters: filters,
                             order: "bm25(\(fts), \(bm25Weights)), t.id", query)
        }
        return try fetch(db, from: "\(table) t", filters: filters, order: order, query)
    }

    private func fetch(_ db: Database, from: String, filters: [Filter], order: String, _ query: MediaListQuery) throws -> MediaPage<Record> {
        let whereSQL = filters.isEmpty ? "" : "WHERE " + filters.map(\.sql).joined(separator: " AND ")
        let arguments = StatementArguments(filters.map { $0.value as (any DatabaseValueConvertible)? })
        let total = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(from) \(whereSQL)", arguments: arguments) ?? 0
        let items = try Record.fetchAll(db, sql: "SELECT \(Record.selection("t")) FROM \(from) \(whereSQL) ORDER BY \(order) LIMIT ? OFFSET ?",
                                        arguments: arguments + [query.limit, query.offset])
        return MediaPage(items: items, total: total)
    }

    /// A search without other filters: counted and ranked inside the FTS index, joined to the table
    /// for the one page only (half the work of joining every match).
    private func searchOnly(_ db: Database, fts: String, match: String, _ query: MediaListQuery) throws -> MediaPage<Record> {
        let total = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(fts) WHERE \(fts) MATCH ?", arguments: [match]) ?? 0
        let items = try Record.fetchAll(db, sql: """
            SELECT \(Record.selection("t")) FROM (SELECT rowid AS id, bm25(\(fts), \(bm25Weights)) AS score FROM \(fts)
                                                  WHERE \(fts) MATCH ? ORDER BY score, rowid LIMIT ? OFFSET ?) f
            JOIN \(table) t ON t.id = f.id ORDER BY f.score, f.id
            """, arguments: [match, query.limit, query.offset])
        return MediaPage(items: items, total: total)
    }
}
