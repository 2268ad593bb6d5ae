import Foundation
#if canImport(Glibc)
import Glibc
#endif
@testable import Core
@testable import Control

/// A control-socket client that sends raw frames and reads answers one at a time: for what
/// `ControlClient` cannot do (pipelining, bad frames, oversized length prefixes).
final class RawControlClient: @unchecked Sendable {
    let fd: Int32

    init(path: String, timeout: TimeInterval = 5) throws {
        fd = try UnixSocket.connect(path: path, timeout: timeout)
    }

    deinit { close(fd) }

    func send(_ request: ControlRequest) throws { try sendFrame(try JSONEncoder().encode(request)) }

    func sendFrame(_ payload: Data) throws { try sendBytes(ControlFraming.frame(payload)) }

    func sendBytes(_ data: Data) throws {
        let sent = data.withUnsafeBytes { Glibc.send(fd, $0.baseAddress!, data.count, Int32(MSG_NOSIGNAL)) }
        guard sent == data.count else { throw UnixSocket.Failure(description: "short write") }
    }

    /// The next answer, or nil when the daemon closed the connection.
    func receive() throws -> ControlResponse? {
        guard let header = try read(4) else { return nil }
        guard let body = try read(ControlFraming.length(ofHeader: header)) else { return nil }
        return try JSONDecoder().decode(ControlResponse.self, from: body)
    }

    private func read(_ count: Int) throws -> Data? {
        var buffer = [UInt8](repeating: 0, count: count)
        var offset = 0
        while offset < count {
            let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress! + offset, count - offset, 0) }
            if n == 0 { return nil }
            guard n > 0 else { throw UnixSocket.Failure(description: "recv: \(String(cString: strerror(errno)))") }
            offset += n
        }
        return Data(buffer)
    }
}
