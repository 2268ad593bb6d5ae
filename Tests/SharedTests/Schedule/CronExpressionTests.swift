@testable import Core
import Foundation
import Testing

/// Cron parsing and next-fire computation (config `[scheduler]`): month ends, leap days, every
/// second, lists, ranges, steps, names, the day-of-month/day-of-week rule, and refusals that name
/// the field.
@Suite struct CronExpressionTests {
    static let utc = ScheduleZone.named(TimeZone(identifier: "UTC")!)

    /// "2024-02-28 23:59:59" (UTC) as a Date.
    func at(_ text: String) -> Date { SQLiteTime.parse(text)! }
    func text(_ date: Date?) -> String { date.map(SQLiteTime.format) ?? "never" }

    /// The next `count` fire times after `start`, as text.
    func fires(_ expression: String, after start: String, count: Int = 1, zone: ScheduleZone = utc) throws -> [String] {
        let cron = try CronExpression(expression)
        var times: [String] = []
        var from = at(start)
        for _ in 0..<count {
            guard let next = cron.next(after: from, in: zone) else { times.append("never"); break }
            times.append(text(next))
            from = next
        }
        return times
    }

    @Test func everySecondFiresOnTheNextWholeSecond() throws {
        #expect(try fires("* * * * * *", after: "2024-12-31 23:59:58", count: 3)
                == ["2024-12-31 23:59:59", "2025-01-01 00:00:00", "2025-01-01 00:00:01"])
        let cron = try CronExpression("* * * * * *")
        let halfway = at("2024-01-01 00:00:00").addingTimeInterval(0.5)
        #expect(text(cron.next(after: halfway, in: Self.utc)) == "2024-01-01 00:00:01")   // strictly after, whole seconds
    }

    @Test func theDefaultSchedulesFireWhenTheirTextSays() throws {
        #expect(try fires("0 0 */6 * * *", after: "2024-03-10 05:00:00", count: 3)
                == ["2024-03-10 06:00:00", "2024-03-10 12:00:00", "2024-03-10 18:00:00"])
        #expect(try fires("0 0 2 * * *", after: "2024-03-10 02:00:00", count: 2) == ["2024-03-11 02:00:00", "2024-03-12 02:00:00"])
        #expect(try fires("0 0 * * * *", after: "2024-03-10 23:30:00", count: 2) == ["2024-03-11 00:00:00", "2024-03-11 01:00:00"])
    }

    @Test func monthEndsRollOverToTheNextMonthAndYear() throws {
        #expect(try fires("0 0 0 31 * *", after: "2024-01-31 00:00:00", count: 4)
                == ["2024-03-31 00:00:00", "2024-05-31 00:00:00", "2024-07-31 00:00:00", "2024-08-31 00:00:00"])
        #expect(try fires("0 0 0 1 * *", after: "2024-12-15 00:00:00", count: 2) == ["2025-01-01 00:00:00", "2025-02-01 00:00:00"])
        #expect(try fires("59 59 23 30 * *", after: "2023-01-30 23:59:59", count: 2) == ["2023-03-30 23:59:59", "2023-04-30 23:59:59"])
    }

    @Test func aLeapDayScheduleFiresOnlyInLeapYears() throws {
        #expect(try fires("0 0 0 29 2 *", after: "2023-03-01 00:00:00", count: 3)
                == ["2024-02-29 00:00:00", "2028-02-29 00:00:00", "2032-02-29 00:00:00"])
        // 2100 is not a leap year (divisible by 100, not by 400): eight years from 2096 to 2104.
        #expect(try fires("0 0 0 29 FEB *", after: "2096-03-01 00:00:00") == ["2104-02-29 00:00:00"])
        #expect(try fires("0 0 0 29 2 *", after: "1999-03-01 00:00:00") == ["2000-02-29 00:00:00"])   // 2000 is
    }

    @Test func listsRangesAndSteps() throws {
        #expect(try fires("0 5,15,45 * * * *", after: "2024-01-01 00:05:00", count: 3)
                == ["2024-01-01 00:15:00", "2024-01-01 00:45:00", "2024-01-01 01:05:00"])
        #expect(try fires("0 0 9-11 * * *", after: "2024-01-01 10:00:00", count: 3)
                == ["2024-01-01 11:00:00", "2024-01-02 09:00:00", "2024-01-02 10:00:00"])
        #expect(try fires("0 10-40/15 * * * *", after: "2024-01-01 00:00:00", count: 4)
                == ["2024-01-01 00:10:00", "2024-01-01 00:25:00", "2024-01-01 00:40:00", "2024-01-01 01:10:00"])
        #expect(try fires("*/20 * * * * *", after: "2024-01-01 00:00:41", count: 2) == ["2024-01-01 00:01:00", "2024-01-01 00:01:20"])
        #expect(try fires("30/15 0 0 * * *", after: "2024-01-01 00:00:00", count: 3)
                == ["2024-01-01 00:00:30", "2024-01-01 00:00:45", "2024-01-02 00:00:30"])
        #expect(try fires("0 0 0 1,15-16 1-2,12 *", after: "2024-02-16 00:00:00", count: 3)
                == ["2024-12-01 00:00:00", "2024-12-15 00:00:00", "2024-12-16 00:00:00"])
    }

    @Test func monthAndDayNamesInAnyCase() throws {
        #expect(try fires("0 0 12 * jan,Jul MON-fri", after: "2024-01-05 12:00:00", count: 2)   // Friday 5 January 2024
                == ["2024-01-08 12:00:00", "2024-01-09 12:00:00"])
        #expect(try fires("0 0 0 * * SAT,SUN", after: "2024-06-03 00:00:00", count: 2) == ["2024-06-08 00:00:00", "2024-06-09 00:00:00"])
        #expect(try fires("0 0 0 * * FRI-SUN", after: "2024-06-03 00:00:00", count: 3)
                == ["2024-06-07 00:00:00", "2024-06-08 00:00:00", "2024-06-09 00:00:00"])
        #expect(try CronExpression("0 0 0 * * 7").daysOfWeek == CronExpression("0 0 0 * * 0").daysOfWeek)   // 7 is Sunday too
        #expect(try fires("0 0 0 * OCT-DEC *", after: "2024-01-01 00:00:00") == ["2024-10-01 00:00:00"])
    }

    @Test func bothDayFieldsRestrictedMeansEitherMatches() throws {
        // The 13th, or any Friday (cron's rule): Friday 5 Jan, Friday 12 Jan, Saturday 13 Jan, Friday 19 Jan.
        #expect(try fires("0 0 0 13 * FRI", after: "2024-01-01 00:00:00", count: 4)
                == ["2024-01-05 00:00:00", "2024-01-12 00:00:00", "2024-01-13 00:00:00", "2024-01-19 00:00:00"])
        // Only one restricted: it alone decides (`?` is "any", like `*`).
        #expect(try fires("0 0 0 ? * FRI", after: "2024-01-05 00:00:00") == ["2024-01-12 00:00:00"])
        #expect(try fires("0 0 0 13 * *", after: "2024-01-05 00:00:00") == ["2024-01-13 00:00:00"])
        // 31 February is impossible by date, but a weekday still matches: it fires every Monday in February.
        #expect(try fires("0 0 0 31 2 MON", after: "2024-01-01 00:00:00", count: 2) == ["2024-02-05 00:00:00", "2024-02-12 00:00:00"])
    }

    @Test func aTimeZoneReadsTheFieldsAsItsWallClock() throws {
        let berlin = ScheduleZone.named(TimeZone(identifier: "Europe/Berlin")!)
        // 02:00 Berlin in winter is 01:00 UTC; in summer 00:00 UTC.
        #expect(try fires("0 0 2 * * *", after: "2024-01-10 12:00:00", zone: berlin) == ["2024-01-11 01:00:00"])
        #expect(try fires("0 0 2 * * *", after: "2024-07-10 12:00:00", zone: berlin) == ["2024-07-11 00:00:00"])
        // 27 Oct 2024: 02:30 happens twice in Berlin (clocks go back at 03:00 CEST); it fires once.
        #expect(try fires("0 30 2 * * *", after: "2024-10-26 12:00:00", count: 2, zone: berlin)
                == ["2024-10-27 00:30:00", "2024-10-28 01:30:00"])
        // 31 Mar 2024: 02:30 does not exist in Berlin; the schedule still moves on to later days.
        let next = try fires("0 30 2 * * *", after: "2024-03-30 12:00:00", count: 2, zone: berlin)
        #expect(next.last == "2024-04-01 00:30:00")
    }

    @Test func invalidExpressionsAreRefusedNamingTheField() {
        func message(_ text: String) -> String {
            do { _ = try CronExpression(text); return "accepted" } catch { return error.message }
        }
        #expect(message("0 0 * * *").hasPrefix("expected 6 fields \"second minute hour day-of-month month day-of-week\""))
        #expect(message("0 0 * * * * *").contains("found 7"))
        #expect(message("") .contains("found 0"))
        #expect(message("60 * * * * *") == "second: 60 in \"60\" is outside 0-59")
        #expect(message("0 0 24 * * *") == "hour: 24 in \"24\" is outside 0-23")
        #expect(message("0 0 0 0 * *") == "day-of-month: 0 in \"0\" is outside 1-31")
        #expect(message("0 0 0 * 13 *") == "month: 13 in \"13\" is outside 1-12")
        #expect(message("0 0 0 * * 8") == "day-of-week: 8 in \"8\" is outside 0-7")
        #expect(message("0 0 0 * FOO *") == "month: \"FOO\" is not a number or a name (JAN–DEC) in \"FOO\"")
        #expect(message("0 0 0 * * MONDAY") == "day-of-week: \"MONDAY\" is not a number or a name (SUN–SAT) in \"MONDAY\"")
        #expect(message("0 x * * * *") == "minute: \"x\" is not a number in \"x\"")
        #expect(message("0 */0 * * * *") == "minute: the step in \"*/0\" must be a whole number from 1 to 60")
        #expect(message("0 */x * * * *") == "minute: the step in \"*/x\" must be a whole number from 1 to 60")
        #expect(message("0 0 20-10 * * *") == "hour: the range \"20-10\" runs backwards (20 > 10)")
        #expect(message("0 0 1,,2 * * *") == "hour: an empty list item in \"1,,2\"")
        #expect(message("0 0 1- * * *").hasPrefix("hour: \"1-\" is not a number"))
        #expect(message("? 0 0 * * *").hasPrefix("second: \"?\" is not a number"))
        #expect(message("0 0 -1 * * *").hasPrefix("hour:"))
        #expect(message("0 0 ١ * * *").hasPrefix("hour:"))   // an Arabic-Indic digit is not a number here
    }

    @Test func impossibleDatesAreRefusedAtParseTime() {
        func message(_ text: String) -> String {
            do { _ = try CronExpression(text); return "accepted" } catch { return error.message }
        }
        #expect(message("0 0 0 31 FEB *") == "day-of-month 31 never occurs in FEB: the schedule would never fire")
        #expect(message("0 0 0 30 2 *") == "day-of-month 30 never occurs in FEB: the schedule would never fire")
        #expect(message("0 0 0 31 4,6,9,11 *") == "day-of-month 31 never occurs in APR,JUN,SEP,NOV: the schedule would never fire")
        #expect(message("0 0 0 30,31 2 ?").contains("never occurs in FEB"))
        #expect(message("0 0 0 29 2 *") == "accepted")      // leap years
        #expect(message("0 0 0 31 1-2 *") == "accepted")    // 31 January
    }

    @Test func theTextIsKeptNormalised() throws {
        #expect(try CronExpression("  0  0 2\t* * *  ").text == "0 0 2 * * *")
    }

    @Test func civilTimeRoundTripsAcrossCenturies() {
        for wall in stride(from: Int64(-2_208_988_800), to: 7_258_118_400, by: 86_400 * 37 + 3_601) {
            #expect(CivilTime(wallSeconds: wall).wallSeconds == wall)
        }
        #expect(CivilTime(wallSeconds: 0) == CivilTime(year: 1970, month: 1, day: 1))
        #expect(CivilTime(year: 2024, month: 2, day: 29).weekday == 4)   // a Thursday
        #expect(CivilTime(year: 1969, month: 12, day: 31, hour: 23).weekday == 3)
    }
}
