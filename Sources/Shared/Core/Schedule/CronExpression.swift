/// A six-field cron schedule with seconds: `second minute hour day-of-month month day-of-week`
/// (config `[scheduler]`). Each field takes `*`, `*/n`, `a`, `a-b`, `a-b/n`, `a/n` and lists of
/// these (`1,15,30`); months and weekdays also take names (JAN–DEC, SUN–SAT, any case); the two
/// day fields also take `?` for "any". As in cron, when both day-of-month and day-of-week are
/// restricted (not `*` or `?`), a day matches when EITHER does; otherwise both must.
///
/// A schedule that could never fire (`0 0 0 31 2 *`) is refused here, so the next-fire search
/// (`next(after:in:)`) always ends.
public struct CronExpression: Sendable, Equatable, CustomStringConvertible {
    public let text: String
    let seconds: CronField
    let minutes: CronField
    let hours: CronField
    let daysOfMonth: CronField
    let months: CronField
    let daysOfWeek: CronField
    let dayOfMonthRestricted: Bool
    let dayOfWeekRestricted: Bool

    public var description: String { text }

    static let kinds: [CronFieldKind] = [.second, .minute, .hour, .dayOfMonth, .month, .dayOfWeek]

    public init(_ text: String) throws(CronError) {
        let fields = text.split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard fields.count == 6 else {
            throw CronError("expected 6 fields \"second minute hour day-of-month month day-of-week\" "
                            + "(e.g. \"0 0 2 * * *\"), found \(fields.count) in \"\(text)\"")
        }
        var parsed: [CronField] = []
        for (kind, field) in zip(Self.kinds, fields) { parsed.append(try kind.parse(field)) }
        self.text = fields.joined(separator: " ")
        (seconds, minutes, hours, daysOfMonth, months, daysOfWeek) = (parsed[0], parsed[1], parsed[2], parsed[3], parsed[4], parsed[5])
        dayOfMonthRestricted = !["*", "?"].contains(fields[3])
        dayOfWeekRestricted = !["*", "?"].contains(fields[5])
        try checkDaysExist()
    }

    /// Day-of-month alone decides the day when day-of-week is unrestricted: some chosen month must
    /// have some chosen day (February counts 29 days: a leap-day schedule fires in leap years).
    private func checkDaysExist() throws(CronError) {
        guard !dayOfWeekRestricted else { return }   // a weekday matches at least once a week
        let longest = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        let reachable = months.values.contains { month in daysOfMonth.first.map { $0 <= longest[month - 1] } ?? false }
        if !reachable {
            let monthNames = months.values.map { CronFieldKind.month.names[$0 - 1] }.joined(separator: ",")
            let days = daysOfMonth.values.map(String.init).joined(separator: ",")
            throw CronError("day-of-month \(days) never occurs in \(monthNames): the schedule would never fire")
        }
    }

    /// Whether the day (weekday 0 = Sunday) is one the schedule fires on.
    func matchesDay(_ day: Int, weekday: Int) -> Bool {
        let byDate = daysOfMonth.contains(day), byWeekday = daysOfWeek.contains(weekday)
        return dayOfMonthRestricted && dayOfWeekRestricted ? (byDate || byWeekday) : (byDate && byWeekday)
    }
}

/// Why a cron expression was refused: names the field and the part that is wrong.
public struct CronError: Error, Sendable, Equatable, CustomStringConvertible {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
