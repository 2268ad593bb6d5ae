import GRDB
import Core

/// "Is this outside id already in the library?" — checked before the metadata lookups (to answer
/// 409 without calling out) and again inside the write transaction (another request may have won).
enum Existing {
    static func check(_ db: Database, _ kind: MediaKind, column: String, value: any DatabaseValueConvertible & CustomStringConvertible) throws {
        let sql = "SELECT id FROM \(kind.table) WHERE \(column) = ?"
        if let id = try Int64.fetchOne(db, sql: sql, arguments: [value]) {
            throw DomainError.conflict("this \(kind.label) is already in the library (id \(id), \(column) \(value))",
                                       code: "duplicate", existingID: id)
        }
    }
}
