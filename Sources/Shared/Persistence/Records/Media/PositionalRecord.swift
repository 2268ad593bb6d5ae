import GRDB

/// A record read from a fixed column list by position. The lists decode 50 rows × ~20 columns per
/// request; GRDB's by-name lookup lower-cases every column name on each access (a fifth of a list
/// request's CPU when measured with bench/library.sh), and Codable decoding is slower still.
protocol PositionalRecord: Sendable {
    /// The columns `init(row:)` reads, in this order.
    static var columns: [String] { get }
    init(row: Row)
}

extension PositionalRecord {
    /// `t.id, t.title, …` for a SELECT over the table aliased `alias`.
    static func selection(_ alias: String) -> String {
        columns.map { "\(alias).\($0)" }.joined(separator: ", ")
    }

    /// The record of `table` with this id, or nil.
    static func fetchOne(_ db: Database, table: String, id: Int64) throws -> Self? {
        try fetchAll(db, sql: "SELECT \(selection("t")) FROM \(table) t WHERE t.id = ?", arguments: [id]).first
    }

    /// The statement is prepared once per connection (a worker asks the same few queries again and
    /// again: preparing one with 20 columns cost more than running it), and each record is read
    /// from the cursor's current row in place instead of first copying every column into a `Row`.
    static func fetchAll(_ db: Database, sql: String, arguments: StatementArguments) throws -> [Self] {
        let statement = try db.cachedStatement(sql: sql)
        return try Array(Row.fetchCursor(statement, arguments: arguments).map(Self.init(row:)))
    }
}

/// One page of a list and the number of matching items.
public struct MediaPage<Item: Sendable>: Sendable {
    public var items: [Item]
    public var total: Int

    public init(items: [Item], total: Int) {
        self.items = items
        self.total = total
    }
}

/// What a list request asks for (already validated by the caller): paging, filters, search text.
public struct MediaListQuery: Sendable, Equatable {
    public var page: Int
    public var limit: Int
    public var search: String?
    public var status: String?
    public var monitored: Bool?

    public init(page: Int = 1, limit: Int = 50, search: String? = nil, status: String? = nil, monitored: Bool? = nil) {
        self.page = page
        self.limit = limit
        self.search = search
        self.status = status
        self.monitored = monitored
    }

    public var offset: Int { (page - 1) * limit }
}
