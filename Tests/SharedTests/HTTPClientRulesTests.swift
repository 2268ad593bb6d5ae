import Foundation
import Testing
@testable import Core
@testable import Net

@Suite struct RetryPolicyTests {
    let policy = RetryPolicy(retries: 3, base: 0.5, maxWait: 10)

    @Test func backoffDoublesWithJitterAndStopsAfterTheLastRetry() {
        #expect(policy.delay(beforeRetry: 0, retryAfter: nil, jitter: 1) == 0.5)
        #expect(policy.delay(beforeRetry: 2, retryAfter: nil, jitter: 1) == 2)
        #expect(policy.delay(beforeRetry: 1, retryAfter: nil, jitter: 0.5) == 0.5)
        #expect(policy.delay(beforeRetry: 3, retryAfter: nil, jitter: 1) == nil)
        #expect(RetryPolicy(retries: 10, base: 1, maxWait: 4).delay(beforeRetry: 6, retryAfter: nil, jitter: 1.5) == 4)
    }

    @Test func retryAfterWinsUnlessItIsTooLong() {
        #expect(policy.delay(beforeRetry: 0, retryAfter: 3, jitter: 1) == 3)
        #expect(policy.delay(beforeRetry: 0, retryAfter: 30, jitter: 1) == nil)
    }

    @Test func retryAfterParsesSecondsAndHTTPDates() {
        let now = Date(timeIntervalSince1970: 1_445_412_480)   // Wed, 21 Oct 2015 07:28:00 GMT
        #expect(RetryPolicy.retryAfter("120") == 120)
        #expect(RetryPolicy.retryAfter("Wed, 21 Oct 2015 07:28:30 GMT", now: now) == 30)
        #expect(RetryPolicy.retryAfter("Wed, 21 Oct 2015 07:27:00 GMT", now: now) == 0)
        #expect(RetryPolicy.retryAfter("soon") == nil && RetryPolicy.retryAfter(nil) == nil && RetryPolicy.retryAfter("-5") == nil)
    }

    @Test func retryableStatuses() {
        #expect([429, 500, 502, 503, 504].allSatisfy(RetryPolicy.isRetryableStatus))
        #expect(![200, 400, 401, 404, 501].contains(where: RetryPolicy.isRetryableStatus))
    }

    @Test func errorsNameServiceAndPathButNeverTheQuery() throws {
        let request = HTTPClientRequest(url: try URLBuilder.url("https://api.themoviedb.org/3", ["movie", "5"], query: [("api_key", "SECRET")]))
        let error = HTTPClientError(service: "TMDB", method: "GET", path: request.pathForMessages, kind: .status(503, retryAfter: 2), attempts: 3)
        #expect(error.description == "TMDB: GET /3/movie/5: HTTP 503, Retry-After 2 s (after 3 attempts)")
        #expect(HTTPClientSettings.userAgent(contact: " me@example.org ") == "LCARS/\(LCARSVersion.current) ( me@example.org )")
        #expect(HTTPClientSettings.userAgent(contact: "\n") == "LCARS/\(LCARSVersion.current)")
    }
}

@Suite struct SharedRateLimiterTests {
    @Test func callersWithTheirOwnFileHandlesTakeTurns() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("lcars-limiter-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let limiter = SharedRateLimiter(path: path, interval: 0.2)
        let started = Date()
        // Each waitTurn opens the file anew: separate open file descriptions, as in separate processes.
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<4 { group.addTask { try limiter.waitTurn() } }
            try await group.waitForAll()
        }
        #expect(Date().timeIntervalSince(started) >= 0.6)
    }

    @Test func anUnusableFileIsAClearError() {
        let limiter = SharedRateLimiter(path: "/proc/lcars/limiter", interval: 1)
        #expect(throws: LimiterError.self) { try limiter.waitTurn() }
    }
}
