import Foundation

extension CronExpression {
    /// The first instant strictly after `date` the schedule fires at, reading the fields as the
    /// wall clock of `zone`. Around a daylight-saving change a repeated wall time fires once and
    /// a skipped one fires at the shifted instant (or not that day).
    /// nil only if nothing matches within 9 years, which `init` rules out (Feb 29 recurs within 8).
    public func next(after date: Date, in zone: ScheduleZone = .system) -> Date? {
        var from = CivilTime.wallSeconds(of: date, in: zone) + 1
        for _ in 0..<4 {   // a DST repeat can map a found wall time to an instant not after `date`
            guard let wall = nextWallTime(from: from) else { return nil }
            let instant = CivilTime.date(wallSeconds: wall, in: zone)
            if instant > date { return instant }
            from = wall + 1
        }
        return nil
    }

    /// The first wall time ≥ `start` (seconds of wall clock since 1970) whose fields all match.
    func nextWallTime(from start: Int64) -> Int64? {
        var t = CivilTime(wallSeconds: start)
        let lastYear = t.year + 9
        while t.year <= lastYear {
            guard months.contains(t.month) else {
                if let month = months.next(from: t.month + 1) { t = CivilTime(year: t.year, month: month, day: 1) }
                else { t = CivilTime(year: t.year + 1, month: months.first ?? 1, day: 1) }
                continue
            }
            guard matchesDay(t.day, weekday: t.weekday) else { t = Self.dayAfter(t); continue }
            guard let hour = hours.next(from: t.hour) else { t = Self.dayAfter(t); continue }
            if hour != t.hour { (t.hour, t.minute, t.second) = (hour, 0, 0) }
            guard let minute = minutes.next(from: t.minute) else { t = Self.hourAfter(t); continue }
            if minute != t.minute { (t.minute, t.second) = (minute, 0) }
            guard let second = seconds.next(from: t.second) else { t = Self.minuteAfter(t); continue }
            t.second = second
            return t.wallSeconds
        }
        return nil
    }

    static func dayAfter(_ t: CivilTime) -> CivilTime {
        if t.day < CivilTime.daysIn(month: t.month, year: t.year) { return CivilTime(year: t.year, month: t.month, day: t.day + 1) }
        return t.month < 12 ? CivilTime(year: t.year, month: t.month + 1, day: 1) : CivilTime(year: t.year + 1, month: 1, day: 1)
    }

    static func hourAfter(_ t: CivilTime) -> CivilTime {
        t.hour < 23 ? CivilTime(year: t.year, month: t.month, day: t.day, hour: t.hour + 1) : dayAfter(t)
    }

    static func minuteAfter(_ t: CivilTime) -> CivilTime {
        t.minute < 59 ? CivilTime(year: t.year, month: t.month, day: t.day, hour: t.hour, minute: t.minute + 1) : hourAfter(t)
    }
}
