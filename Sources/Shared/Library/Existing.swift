import GRDB

/// "Is this outside id already in the library?" — checked before the metadata lookups (to answer
/// 409 without calling out) and again inside the write transaction (another request may have won).
enum Existing {
    static func check(_ reader: any DatabaseReader, table: String, column: String, value: String, kind: String) throws {
        try reader.read { try check($0, table: table, column: column, value: value, kind: kind) }
    }

    static func check(_ db: Database, table: String, column: String, value: String, kind: String) throws {
        let sql = "SELECT id FROM \(table) WHERE \(column) = ?"
        if let id = try Int64.fetchOne(db, sql: sql, arguments: [value]) {
            throw LibraryError.duplicate(kind: kind, id: id, key: "\(column) \(value)")
        }
    }
}
