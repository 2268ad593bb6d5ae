import GRDB

/// One page of a media table: filters, optional full-text search (FTS5, every word a prefix,
/// ranked with bm25 so title hits come first), a stable order, and the total. The order of a list
/// is remembered until the database changes (`ListOrders`), so most pages are 50 lookups by id.
struct MediaListing<Record: PositionalRecord>: Sendable {
    let table: String            // "movies"
    let fts: String?             // "movies_fts"
    let bm25Weights: String      // per FTS column, e.g. "10.0, 5.0, 1.0"
    let order: String            // "t.title COLLATE NOCASE, t.id"
    /// The statement of `page(of:)`, made once (it is the same for every page of this table).
    let pageSQL: String

    init(table: String, fts: String?, bm25Weights: String, order: String) {
        self.table = table
        self.fts = fts
        self.bm25Weights = bm25Weights
        self.order = order
        // `p.key` (the id's position in the array) comes last: `PageRows` checks the order with it.
        pageSQL = "SELECT \(Record.selection("t")), p.key FROM json_each(?) p CROSS JOIN \(table) t ON t.id = p.value"
    }

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
        let values = filters.map { $0.value.databaseValue }
        let arguments = StatementArguments(values)
        let orderSQL = "SELECT t.id FROM \(from) \(whereSQL) ORDER BY \(order)"
        if let ids = try ListOrders.shared.ids(db, sql: orderSQL, arguments: arguments, key: Self.key(orderSQL, values)) {
            return try page(of: ids, db, query)
        }
        // Longer than ListOrders keeps: SQL counts and pages.
        let total = try Self.count(db, sql: "SELECT COUNT(*) FROM \(from) \(whereSQL)", arguments: arguments)
        let items = try Record.fetchAll(db, sql: "SELECT \(Record.selection("t")) FROM \(from) \(whereSQL) ORDER BY \(order) LIMIT ? OFFSET ?",
                                        arguments: arguments + [query.limit, query.offset])
        return MediaPage(items: items, total: total)
    }

    /// A search without other filters: the ranking comes from the FTS index alone (bm25 once per
    /// match), then the page's rows by id.
    private func searchOnly(_ db: Database, fts: String, match: String, _ query: MediaListQuery) throws -> MediaPage<Record> {
        let rankSQL = "SELECT rowid FROM \(fts) WHERE \(fts) MATCH ? ORDER BY bm25(\(fts), \(bm25Weights)), rowid"
        if let ids = try ListOrders.shared.ids(db, sql: rankSQL, arguments: [match], key: Self.key(rankSQL, [match.databaseValue])) {
            return try page(of: ids, db, query)
        }
        // Longer than ListOrders keeps: counted and ranked inside the FTS index, joined to the
        // table for the one page only.
        let total = try Self.count(db, sql: "SELECT COUNT(*) FROM \(fts) WHERE \(fts) MATCH ?", arguments: [match])
        let items = try Record.fetchAll(db, sql: """
            SELECT \(Record.selection("t")) FROM (SELECT rowid AS id, bm25(\(fts), \(bm25Weights)) AS score FROM \(fts)
                                                  WHERE \(fts) MATCH ? ORDER BY score, rowid LIMIT ? OFFSET ?) f
            JOIN \(table) t ON t.id = f.id ORDER BY f.score, f.id
            """, arguments: [match, query.limit, query.offset])
        return MediaPage(items: items, total: total)
    }

    /// The query's page of a remembered order: its rows by id, in the order's sequence.
    private func page(of ids: [Int64], _ db: Database, _ query: MediaListQuery) throws -> MediaPage<Record> {
        let pageIDs = ids.dropFirst(query.offset).prefix(query.limit)
        guard !pageIDs.isEmpty else { return MediaPage(items: [], total: ids.count) }
        // One statement for any page size: the ids as a JSON array. CROSS JOIN makes json_each the
        // outer loop (SQLite never reorders a CROSS JOIN), so the rows come in the array's order
        // without `ORDER BY p.key`, which copied every row into a sorter and back.
        let rows = try PageRows<Record>.fetch(db, sql: pageSQL, arguments: [Self.jsonArray(pageIDs)])
        return MediaPage(items: rows, total: ids.count)
    }

    /// "[3,1,2]": digits written into one buffer (not a String per id, then joined).
    static func jsonArray(_ ids: some Collection<Int64>) -> String {
        var bytes: [UInt8] = [UInt8(ascii: "[")]
        bytes.reserveCapacity(2 + ids.count * 8)
        for (index, id) in ids.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            if id < 0 { bytes.append(UInt8(ascii: "-")) }
            let start = bytes.count
            var magnitude = id.magnitude
            repeat {
                bytes.append(UInt8(ascii: "0") + UInt8(magnitude % 10))
                magnitude /= 10
            } while magnitude > 0
            bytes[start...].reverse()
        }
        bytes.append(UInt8(ascii: "]"))
        return String(decoding: bytes, as: UTF8.self)
    }

    /// What identifies a list for `ListOrders`: the SQL and its values.
    private static func key(_ sql: String, _ values: [DatabaseValue]) -> String {
        values.reduce(sql) { "\($0)\u{0}\($1)" }
    }

    /// A COUNT(*) through the connection's statement cache (like the page itself).
    private static func count(_ db: Database, sql: String, arguments: StatementArguments) throws -> Int {
        try Int.fetchOne(db.cachedStatement(sql: sql), arguments: arguments) ?? 0
    }
}

/// The rows of a page query whose last column is each row's position (`p.key`), in position order.
/// They arrive in that order (the outer loop walks the array); should a future SQLite ever hand
/// them over otherwise, they are sorted here, so the answer never depends on the query plan.
enum PageRows<Record: PositionalRecord> {
    static func fetch(_ db: Database, sql: String, arguments: StatementArguments) throws -> [Record] {
        let statement = try db.cachedStatement(sql: sql)
        let keyColumn = Record.columns.count
        var rows: [(key: Int64, record: Record)] = []
        rows.reserveCapacity(64)
        var ordered = true
        try Row.fetchCursor(statement, arguments: arguments).forEach { row in
            let key: Int64 = row[keyColumn]
            if let last = rows.last, last.key >= key { ordered = false }
            rows.append((key, Record(row: row)))
        }
        if !ordered { rows.sort { $0.key < $1.key } }
        return rows.map(\.record)
    }
}
