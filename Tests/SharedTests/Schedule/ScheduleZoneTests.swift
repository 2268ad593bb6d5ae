@testable import Core
import Foundation
import Testing

/// The wall clock a schedule reads: the date lcarsd calls "today" and the offsets a named zone
/// gives around its daylight-saving changes. (The system zone, libc's, is checked through lcarsd
/// itself with `TZ` set: Tests/system/test_scheduler.py, since changing `TZ` here would change it
/// for every test running beside this one.)
@Suite struct ScheduleZoneTests {
    let utc = ScheduleZone.named(TimeZone(identifier: "UTC")!)
    let berlin = ScheduleZone.named(TimeZone(identifier: "Europe/Berlin")!)
    let tokyo = ScheduleZone.named(TimeZone(identifier: "Asia/Tokyo")!)

    func at(_ text: String) -> Date { SQLiteTime.parse(text)! }

    @Test func theDayIsTheWallClocksDateNotUTCs() {
        #expect(utc.day(at: at("2024-12-31 23:30:00")) == "2024-12-31")
        #expect(tokyo.day(at: at("2024-12-31 23:30:00")) == "2025-01-01")   // +9 h: already New Year
        #expect(berlin.day(at: at("2024-03-31 21:59:59")) == "2024-03-31")   // 23:59:59 CEST (+2 since 01:00 UTC)
        #expect(berlin.day(at: at("2024-03-31 22:00:00")) == "2024-04-01")
        #expect(utc.day(at: at("0999-01-02 00:00:00")) == "0999-01-02")        // four digits, zero-padded
    }

    @Test func aNamedZonesOffsetFollowsItsDaylightSavingChanges() {
        #expect(berlin.secondsFromGMT(at: at("2024-03-31 00:59:59")) == 3600)
        #expect(berlin.secondsFromGMT(at: at("2024-03-31 01:00:00")) == 7200)
        #expect(berlin.secondsFromGMT(at: at("2024-10-27 00:59:59")) == 7200)
        #expect(berlin.secondsFromGMT(at: at("2024-10-27 01:00:00")) == 3600)
        #expect(tokyo.secondsFromGMT(at: at("2024-07-01 00:00:00")) == 32400)
    }

    @Test func theSystemZoneAgreesWithFoundationsViewOfTheSameSystem() {
        // Both read TZ or /etc/localtime; whatever this machine's zone, they must agree, at
        // instants on both sides of any daylight-saving change of 2024.
        let system = TimeZone.current
        for month in 1...12 {
            let instant = at(String(format: "2024-%02d-15 12:00:00", month))
            #expect(ScheduleZone.system.secondsFromGMT(at: instant) == system.secondsFromGMT(for: instant), "month \(month)")
        }
    }
}
