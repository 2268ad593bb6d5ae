import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The time zone whose wall clock a schedule is read in.
///
/// `.system` asks libc (`localtime_r`: the system's tz database, `TZ` honoured), as cron does.
/// Foundation's `TimeZone` answers the same question through ICU, and loading ICU's time-zone
/// code and data is over a megabyte of lcarsd's memory for a question asked once a minute.
/// `.named` is Foundation's zone: the seam tests use (UTC, Europe/Berlin) without touching the
/// process's `TZ`.
public enum ScheduleZone: Sendable {
    case system
    case named(TimeZone)

    /// Seconds east of UTC at `date`.
    public func secondsFromGMT(at date: Date) -> Int {
        switch self {
        case .named(let zone):
            return zone.secondsFromGMT(for: date)
        case .system:
            var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
            var local = tm()
            // localtime_r fails only for instants beyond its year range; UTC is the safe reading.
            guard localtime_r(&seconds, &local) != nil else { return 0 }
            return Int(local.tm_gmtoff)
        }
    }

    /// The wall-clock date at `date`, "YYYY-MM-DD".
    public func day(at date: Date) -> String {
        let wall = CivilTime(wallSeconds: CivilTime.wallSeconds(of: date, in: self))
        return String(format: "%04d-%02d-%02d", wall.year, wall.month, wall.day)
    }
}
