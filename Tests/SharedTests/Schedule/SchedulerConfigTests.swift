@testable import Core
@testable import Config
import Foundation
import Testing

/// `[scheduler]`: every job's cron expression is parsed at start (both programs stop with the key
/// named), and the per-run refresh bound.
@Suite struct SchedulerConfigTests {
    static let minimal = "[server]\njwt_secret = \"0123456789abcdef0123456789abcdef\"\n"

    func error(_ text: String, env: [String: String] = [:]) -> ConfigError? {
        do { _ = try ConfigLoader.parse(text, file: "test.toml", environment: env); return nil }
        catch let e as ConfigError { return e } catch { return nil }
    }

    @Test func defaultsAreTheSpecSchedules() throws {
        let config = try ConfigLoader.parse(Self.minimal, file: "test.toml", environment: [:])
        #expect(config.scheduler.schedules.map(\.job)
                == ["search_missing", "refresh_metadata", "check_new_episodes", "check_new_releases", "cleanup_completed"])
        #expect(config.scheduler.expression(forJob: "refresh_metadata") == "0 0 2 * * *")
        #expect(config.scheduler.refreshLimit == 100)
        #expect(config.scheduler.searchLimit == 50)
        for (_, expression) in config.scheduler.schedules { #expect(throws: Never.self) { try CronExpression(expression) } }
    }

    @Test func anInvalidExpressionNamesItsKeyAndWhatIsWrong() {
        let hour = error(Self.minimal + "[scheduler]\nrefresh_metadata = \"0 0 25 * * *\"\n")
        #expect(hour?.key == "scheduler.refresh_metadata")
        #expect(hour?.problem == "hour: 25 in \"25\" is outside 0-23 (in \"0 0 25 * * *\")")
        #expect(hour?.description == "config error in test.toml: scheduler.refresh_metadata: hour: 25 in \"25\" is outside 0-23 (in \"0 0 25 * * *\")")
        // Names and ranges that looked wrong to the old character check are fine now…
        #expect(error(Self.minimal + "[scheduler]\ncheck_new_releases = \"0 0 3 * * MON-FRI\"\n") == nil)
        // …and what only looked right (an impossible date, a field out of range) is refused.
        #expect(error(Self.minimal + "[scheduler]\ncheck_new_episodes = \"0 0 0 31 2 *\"\n")?.problem
                == "day-of-month 31 never occurs in FEB: the schedule would never fire (in \"0 0 0 31 2 *\")")
        #expect(error(Self.minimal + "[scheduler]\ncleanup_completed = \"99 * * * * *\"\n")?.key == "scheduler.cleanup_completed")
        #expect(error(Self.minimal + "[scheduler]\nsearch_missing = \"0 0 * * *\"\n")?.key == "scheduler.search_missing")
        #expect(error(Self.minimal, env: ["LCARS_SCHEDULER__REFRESH_METADATA": "0 61 * * * *"])?.key == "scheduler.refresh_metadata")
    }

    @Test func theRefreshLimitIsBounded() {
        #expect(error(Self.minimal + "[scheduler]\nrefresh_limit = 0\n")?.key == "scheduler.refresh_limit")
        #expect(error(Self.minimal + "[scheduler]\nrefresh_limit = 25\n") == nil)
    }

    @Test func theSearchLimitIsBounded() {
        #expect(error(Self.minimal + "[scheduler]\nsearch_limit = 0\n")?.key == "scheduler.search_limit")
        #expect(error(Self.minimal + "[scheduler]\nsearch_limit = 100001\n")?.key == "scheduler.search_limit")
        #expect(error(Self.minimal + "[scheduler]\nsearch_limit = \"many\"\n")?.key == "scheduler.search_limit")
        #expect(error(Self.minimal + "[scheduler]\nsearch_limit = 10000\n") == nil)
    }
}
