import GRDB

/// A fetched row read by column name through positions computed once per result set. GRDB's
/// by-name lookup on fetched rows lower-cases every column name on each access, which made
/// building list answers (20 columns × 50 rows) a fifth of a list request's CPU.
struct NamedRow {
    let row: Row
    let positions: [String: Int]

    init(_ row: Row) {
        self.init(row, positions: Self.positions(of: row))
    }

    private init(_ row: Row, positions: [String: Int]) {
        self.row = row
        self.positions = positions
    }

    /// The rows of one result set, sharing one name → position map.
    static func all(_ rows: [Row]) -> [NamedRow] {
        guard let first = rows.first else { return [] }
        let positions = positions(of: first)
        return rows.map { NamedRow($0, positions: positions) }
    }

    static func positions(of row: Row) -> [String: Int] {
        Dictionary(row.columnNames.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Optional conforms to DatabaseValueConvertible too: for an optional result the overload below
    /// (nil for a NULL or a missing column) must win.
    @_disfavoredOverload
    subscript<Value: DatabaseValueConvertible>(_ name: String) -> Value {
        row[positions[name]!]
    }

    subscript<Value: DatabaseValueConvertible>(_ name: String) -> Value? {
        positions[name].flatMap { row[$0] }
    }
}
