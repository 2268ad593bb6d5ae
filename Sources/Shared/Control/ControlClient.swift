import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Core

/// A blocking client for the lcarsd socket, used by responders: one short connection per call,
/// with a send/receive timeout so that a stuck daemon costs a request at most `timeout`.
/// Each request carries the moment the client stops waiting (`deadline_ms`): lcarsd never starts
/// one after that, so a call that timed out here was not carried out later (a retry is safe).
public struct ControlClient: Sendable {
    public enum Failure: Error, CustomStringConvertible, Equatable {
        case unreachable(String)
        case timedOut
        case protocolError(String)
        case daemon(ControlErrorBody)
        /// The request is larger than a frame may be; it was not sent.
        case tooLarge(bytes: Int, limit: Int)

        public var description: String {
            switch self {
            case .unreachable(let why): "lcarsd is not reachable: \(why)"
            case .timedOut: "lcarsd did not answer in time"
            case .protocolError(let why): "lcarsd sent an invalid answer: \(why)"
            case .daemon(let body): "lcarsd: \(body.message) (\(body.code))"
            case .tooLarge(let bytes, let limit): "the request to lcarsd is \(bytes) bytes; the control socket takes at most \(limit)"
            }
        }
    }

    public let socketPath: String
    public let timeout: TimeInterval

    public init(socketPath: String, timeout: TimeInterval) {
        self.socketPath = socketPath
        self.timeout = timeout
    }

    public func call(_ cmd: String, args: JSONValue = .object([:])) throws(Failure) -> JSONValue {
        let request = ControlRequest(id: 1, cmd: cmd, args: args, deadline: Date().addingTimeInterval(timeout))
        guard let payload = try? JSONEncoder().encode(request) else { throw .protocolError("cannot encode request") }
        // lcarsd would refuse the frame and hang up; say why instead of "not reachable".
        guard payload.count <= ControlProtocol.maxFrameBytes else {
            throw .tooLarge(bytes: payload.count, limit: ControlProtocol.maxFrameBytes)
        }
        let fd = try connect()
        defer { close(fd) }
        try writeAll(fd, ControlFraming.frame(payload))
        let header = try readExactly(fd, 4)
        let length = ControlFraming.length(ofHeader: header)
        guard length <= ControlProtocol.maxFrameBytes else { throw .protocolError("frame of \(length) bytes") }
        let body = try readExactly(fd, length)
        guard let response = try? JSONDecoder().decode(ControlResponse.self, from: body) else {
            throw .protocolError("response is not valid JSON")
        }
        if let error = response.error { throw .daemon(error) }
        guard response.ok, let result = response.result else { throw .protocolError("response has neither result nor error") }
        return result
    }

    private func connect() throws(Failure) -> Int32 {
        do {
            return try UnixSocket.connect(path: socketPath, timeout: timeout)
        } catch {
            throw .unreachable(error.description)
        }
    }

    private func writeAll(_ fd: Int32, _ data: Data) throws(Failure) {
        var offset = 0
        while offset < data.count {
            let n = data.withUnsafeBytes { send(fd, $0.baseAddress! + offset, data.count - offset, Int32(MSG_NOSIGNAL)) }
            if n < 0 && errno == EINTR { continue }
            if n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) { throw .timedOut }
            guard n > 0 else { throw .unreachable("write failed: \(String(cString: strerror(errno)))") }
            offset += n
        }
    }

    private func readExactly(_ fd: Int32, _ count: Int) throws(Failure) -> Data {
        var buffer = [UInt8](repeating: 0, count: count)
        var offset = 0
        while offset < count {
            let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress! + offset, count - offset, 0) }
            if n < 0 && errno == EINTR { continue }
            if n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) { throw .timedOut }
            guard n > 0 else { throw .protocolError("connection closed after \(offset) of \(count) bytes") }
            offset += n
        }
        return Data(buffer)
    }
}
