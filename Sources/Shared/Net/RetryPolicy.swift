import Foundation

/// When and how long to wait before another attempt: exponential backoff with jitter, and the
/// server's Retry-After when it gives one (a Retry-After longer than `maxWait` is not waited
/// out: the request fails at once and says so).
public struct RetryPolicy: Sendable {
    public var retries: Int
    public var base: TimeInterval
    public var maxWait: TimeInterval

    public init(retries: Int, base: TimeInterval, maxWait: TimeInterval) {
        self.retries = retries
        self.base = base
        self.maxWait = maxWait
    }

    /// Statuses that mean "try again later": rate limited, or a server/gateway failure.
    public static func isRetryableStatus(_ status: Int) -> Bool { [429, 500, 502, 503, 504].contains(status) }

    /// The wait before retry number `retry` (0 = the first retry), or nil to stop.
    public func delay(beforeRetry retry: Int, retryAfter: TimeInterval?, jitter: Double = Double.random(in: 0.5...1.5)) -> TimeInterval? {
        guard retry < retries else { return nil }
        if let retryAfter {
            return retryAfter <= maxWait ? retryAfter : nil
        }
        return min(maxWait, base * pow(2, Double(retry)) * jitter)
    }

    /// Retry-After as seconds: either a number of seconds or an HTTP date.
    public static func retryAfter(_ value: String?, now: Date = Date()) -> TimeInterval? {
        guard let value = value?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        if let seconds = Double(value), seconds >= 0, seconds.isFinite { return seconds }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        guard let date = formatter.date(from: value) else { return nil }
        return max(0, date.timeIntervalSince(now))
    }
}
