import Foundation
import Core

/// A rate limit every LCARS process shares (responder workers and lcarsd alike): the time of the
/// last reserved turn lives in a small file. A caller takes an exclusive flock(2) on it just long
/// enough to reserve the next free turn (`interval` after the last one), writes it and lets go,
/// then sleeps until its turn outside the lock; callers go one per interval, in any process.
/// With `maxWait`, a caller whose turn is further away reserves nothing and is refused at once
/// (`Busy`, 503 `upstream_busy` with Retry-After), so a few users cannot tie up every responder.
/// Times come from CLOCK_MONOTONIC, which all processes of one boot share.
public struct SharedRateLimiter: RequestGate {
    public let path: String
    public let interval: TimeInterval
    /// The longest a caller waits for its turn; nil: as long as it takes.
    public let maxWait: TimeInterval?
    /// Who is rate limited, for the `Busy` message ("MusicBrainz").
    public let service: String

    public init(path: String, interval: TimeInterval, maxWait: TimeInterval? = nil, service: String = "the service") {
        self.path = path
        self.interval = interval
        self.maxWait = maxWait
        self.service = service
    }

    /// A turn further away than `maxWait`: `retryAfter` is when it would have been.
    public struct Busy: Error, CustomStringConvertible, DomainErrorConvertible {
        public let service: String
        public let retryAfter: Int
        public let maxWait: TimeInterval
        public var description: String {
            "\(service) is busy: its rate limit is shared by every user and the next free turn is \(retryAfter) s away "
                + "(a request waits at most \(HTTPClientError.format(maxWait)) s); try again in \(retryAfter) s"
        }
        public var domainError: DomainError {
            DomainError(.unavailable, description, code: "upstream_busy", service: service,
                        details: .object(["retry_after": .number(Double(retryAfter))]))
        }
    }

    public func waitTurn() throws {
        guard interval > 0 else { return }
        let wait = try reserve()
        if wait > 0 { Thread.sleep(forTimeInterval: wait) }
    }

    /// Reserves the next free turn under the lock (held for microseconds) and returns how long
    /// until it; throws `Busy` without reserving when that is longer than `maxWait`.
    func reserve() throws -> TimeInterval {
        let fd = try openFile()
        defer { close(fd) }   // closing releases the lock
        while flock(fd, LOCK_EX) != 0 {
            guard errno == EINTR else { throw LimiterError(path: path, detail: "flock: \(String(cString: strerror(errno)))") }
        }
        let now = Self.monotonicNow()
        var last = Self.readLast(fd)
        if last > now + Self.staleAfter { last = 0 }   // a value from before a reboot
        let turn = max(now, last + interval)
        let wait = turn - now
        if let maxWait, wait > maxWait {
            throw Busy(service: service, retryAfter: max(1, Int(wait.rounded(.up))), maxWait: maxWait)
        }
        var stamp = turn.bitPattern.littleEndian
        guard pwrite(fd, &stamp, 8, 0) == 8 else { throw LimiterError(path: path, detail: "cannot write: \(String(cString: strerror(errno)))") }
        return wait
    }

    /// No queue of turns reaches this far ahead: a stored time beyond it is from another boot.
    static let staleAfter: TimeInterval = 3600

    private func openFile() throws -> Int32 {
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty { try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true) }
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw LimiterError(path: path, detail: "cannot open: \(String(cString: strerror(errno)))") }
        return fd
    }

    private static func readLast(_ fd: Int32) -> TimeInterval {
        var raw: UInt64 = 0
        guard pread(fd, &raw, 8, 0) == 8 else { return 0 }
        let value = TimeInterval(bitPattern: UInt64(littleEndian: raw))
        return value.isFinite ? value : 0
    }

    static func monotonicNow() -> TimeInterval {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return TimeInterval(spec.tv_sec) + TimeInterval(spec.tv_nsec) / 1e9
    }
}

public struct LimiterError: Error, CustomStringConvertible {
    public let path: String
    public let detail: String
    public var description: String { "rate limiter file \(path): \(detail); check musicbrainz.limiter_file and its directory" }
}
