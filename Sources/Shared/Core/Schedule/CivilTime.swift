import Foundation

/// A wall-clock time (proleptic Gregorian calendar, no time zone) and its conversions, done with
/// integer arithmetic (Howard Hinnant's days-from-civil), so the next-fire search is cheap and does
/// not depend on Foundation's calendar.
struct CivilTime: Equatable, Sendable {
    var year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int

    /// Seconds since 1970-01-01 00:00:00 of the same wall clock.
    var wallSeconds: Int64 {
        Int64(Self.days(year: year, month: month, day: day)) * 86_400 + Int64(hour * 3600 + minute * 60 + second)
    }

    init(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0) {
        (self.year, self.month, self.day, self.hour, self.minute, self.second) = (year, month, day, hour, minute, second)
    }

    init(wallSeconds: Int64) {
        let days = wallSeconds >= 0 ? wallSeconds / 86_400 : (wallSeconds - 86_399) / 86_400
        let rest = Int(wallSeconds - days * 86_400)
        (year, month, day) = Self.civil(days: Int(days))
        (hour, minute, second) = (rest / 3600, rest / 60 % 60, rest % 60)
    }

    /// 0 = Sunday. 1970-01-01 was a Thursday.
    var weekday: Int {
        let days = Self.days(year: year, month: month, day: day)
        return ((days + 4) % 7 + 7) % 7
    }

    static func isLeap(_ year: Int) -> Bool { year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    static func civil(days: Int) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// The wall clock `date` shows in `zone`, to the second (rounded down).
    static func wallSeconds(of date: Date, in zone: ScheduleZone) -> Int64 {
        Int64((date.timeIntervalSince1970 + Double(zone.secondsFromGMT(at: date))).rounded(.down))
    }

    /// The instant a wall clock names in `zone`. Where a change of offset makes a wall time occur
    /// twice, the earlier instant; where it skips it, the offset from before the change.
    static func date(wallSeconds: Int64, in zone: ScheduleZone) -> Date {
        // The offsets a day before and a day after: at most one change lies between (zones change twice a year).
        let offsets = [wallSeconds - 86_400, wallSeconds + 86_400].map {
            Int64(zone.secondsFromGMT(at: Date(timeIntervalSince1970: TimeInterval($0))))
        }
        let readings = offsets.map { Date(timeIntervalSince1970: TimeInterval(wallSeconds - $0)) }
        let showing = readings.filter { Self.wallSeconds(of: $0, in: zone) == wallSeconds }
        return showing.min() ?? readings[0]
    }
}
