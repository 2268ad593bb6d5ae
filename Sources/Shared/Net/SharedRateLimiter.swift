import Foundation

/// A rate limit every LCARS process shares (responder workers and lcarsd alike): the time of the
/// last request lives in a small file, and each process takes an exclusive flock(2) on it, waits
/// until `interval` has passed since that time, writes the new time and lets go. Waiting happens
/// while holding the lock, so callers queue up and go one per interval, in any process.
/// Times come from CLOCK_MONOTONIC, which all processes of one boot share.
public struct SharedRateLimiter: RequestGate {
    public let path: String
    public let interval: TimeInterval

    public init(path: String, interval: TimeInterval) {
        self.path = path
        self.interval = interval
    }

    public func waitTurn() throws {
        guard interval > 0 else { return }
        let fd = try openFile()
        defer { close(fd) }   // closing releases the lock
        while flock(fd, LOCK_EX) != 0 {
            guard errno == EINTR else { throw LimiterError(path: path, detail: "flock: \(String(cString: strerror(errno)))") }
        }
        let now = Self.monotonicNow()
        var last = Self.readLast(fd)
        if last > now { last = 0 }   // a value from before a reboot
        let wait = last + interval - now
        if wait > 0 { Thread.sleep(forTimeInterval: wait) }
        var stamp = Self.monotonicNow().bitPattern.littleEndian
        guard pwrite(fd, &stamp, 8, 0) == 8 else { throw LimiterError(path: path, detail: "cannot write: \(String(cString: strerror(errno)))") }
    }

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
