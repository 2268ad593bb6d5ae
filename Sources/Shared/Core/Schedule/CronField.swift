/// One field of a cron expression as the set of values it allows (a bit per value), and the
/// parser of one field's text: `*`, `?` (day fields), `a`, `a-b`, `*/n`, `a/n`, `a-b/n`, lists of
/// these joined by `,`, and names (JAN–DEC, SUN–SAT) wherever a number may stand.
struct CronField: Sendable, Equatable {
    private(set) var bits: UInt64 = 0

    func contains(_ value: Int) -> Bool { value >= 0 && value < 64 && bits & (1 << UInt64(value)) != 0 }

    /// The smallest allowed value ≥ `value`, if any.
    func next(from value: Int) -> Int? {
        guard value < 64 else { return nil }
        let rest = bits >> UInt64(max(value, 0))
        return rest == 0 ? nil : max(value, 0) + rest.trailingZeroBitCount
    }

    var first: Int? { bits == 0 ? nil : bits.trailingZeroBitCount }
    var values: [Int] { (0..<64).filter(contains) }

    mutating func insert(_ value: Int) { bits |= 1 << UInt64(value) }
}

/// What each of the six fields may hold.
struct CronFieldKind: Sendable {
    let name: String
    let range: ClosedRange<Int>
    let names: [String]          // index + `nameBase` = value
    let nameBase: Int
    let allowsQuestionMark: Bool

    static let second = CronFieldKind(name: "second", range: 0...59)
    static let minute = CronFieldKind(name: "minute", range: 0...59)
    static let hour = CronFieldKind(name: "hour", range: 0...23)
    static let dayOfMonth = CronFieldKind(name: "day-of-month", range: 1...31, allowsQuestionMark: true)
    static let month = CronFieldKind(name: "month", range: 1...12, nameBase: 1,
                                     names: ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"])
    /// 0 and 7 are both Sunday (as in cron); 7 is stored as 0.
    static let dayOfWeek = CronFieldKind(name: "day-of-week", range: 0...7, allowsQuestionMark: true,
                                         names: ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"])

    private init(name: String, range: ClosedRange<Int>, nameBase: Int = 0, allowsQuestionMark: Bool = false, names: [String] = []) {
        self.name = name
        self.range = range
        self.names = names
        self.nameBase = nameBase
        self.allowsQuestionMark = allowsQuestionMark
    }

    var isDayOfWeek: Bool { name == CronFieldKind.dayOfWeek.name }

    /// The field's set; `CronError` names the field and the part that is wrong.
    func parse(_ text: Substring) throws(CronError) -> CronField {
        var field = CronField()
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            guard !part.isEmpty else { throw fail("an empty list item in \"\(text)\"") }
            for value in try values(of: part) {
                field.insert(isDayOfWeek && value == 7 ? 0 : value)
            }
        }
        return field
    }

    /// The values one list item stands for.
    private func values(of part: Substring) throws(CronError) -> StrideTo<Int> {
        let pieces = part.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        var step = 1
        if pieces.count == 2 {
            guard let n = Int(pieces[1]), n >= 1, n <= range.count else {
                throw fail("the step in \"\(part)\" must be a whole number from 1 to \(range.count)")
            }
            step = n
        }
        let base = pieces[0]
        let low: Int, high: Int
        if base == "*" || (base == "?" && allowsQuestionMark) {
            (low, high) = (range.lowerBound, isDayOfWeek ? 6 : range.upperBound)
        } else if let dash = base.firstIndex(of: "-") {
            low = try value(base[..<dash], in: part)
            var end = try value(base[base.index(after: dash)...], in: part)
            if isDayOfWeek && end == 0 && low > 0 { end = 7 }   // "FRI-SUN": Sunday as 7
            guard low <= end else { throw fail("the range \"\(base)\" runs backwards (\(low) > \(end))") }
            high = end
        } else {
            low = try value(base, in: part)
            high = pieces.count == 2 ? range.upperBound : low   // "a/n": from a to the end, every n
        }
        return stride(from: low, to: high + 1, by: step)
    }

    private func value(_ text: Substring, in part: Substring) throws(CronError) -> Int {
        if let number = Int(text), text.allSatisfy(\.isASCII) {
            guard range.contains(number) else { throw fail("\(number) in \"\(part)\" is outside \(range.lowerBound)-\(range.upperBound)") }
            return number
        }
        if let index = names.firstIndex(of: text.uppercased()) { return index + nameBase }
        let accepted = names.isEmpty ? "a number" : "a number or a name (\(names.first!)–\(names.last!))"
        throw fail("\"\(text.isEmpty ? part : text)\" is not \(accepted)\(text.isEmpty ? "" : " in \"\(part)\"")")
    }

    private func fail(_ problem: String) -> CronError { CronError("\(name): \(problem)") }
}
