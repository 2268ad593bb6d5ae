import GRDB
import Core

/// "Is this outside id already in the library?" — checked before the metadata lookups (to answer
/// 409 without calling out) and again inside the write transaction (another request may have won).
public enum Existing {
    public static func check(_ reader: any DatabaseReader, table: String, column: String, value: String, kind: String) throws {
        try reader.read { try check($0, table: table, column: column, value: value, kind: kind) }
    }

    public static func check(_ db: Database, table: String, column: String, value: String, kind: String) throws {
        let sql = "SELECT id FROM \(table) WHERE \(column) = ?"
        if let id = try Int64.fetchOne(db, sql: sql, arguments: [value]) {
            throw DomainError.conflict("this \(kind) is already in the library (id \(id), \(column) \(value))", code: "duplicate", existingID: id)
        }
    }
}
