import Foundation
import Control
import Core

/// Asks lcarsd to do something and maps its answer onto the domain's errors, in this one place:
/// its error codes keep their words (`duplicate` with the download in `details`, `conflict`,
/// `not_found`, `invalid_*`), a daemon that is down or stuck becomes 503 after the IPC timeout,
/// never a hang (and, the request carrying that deadline, lcarsd does not carry it out later), and a
/// request too large for the socket is 413 saying the limit.
enum DaemonCall {
    static func run(_ ctx: RequestContext, _ command: String, _ args: some Encodable) throws -> JSONValue {
        var encoded = try JSONValue(encoding: args)
        // Every add (POST /api/downloads and every release grab) names who asked, for the activity row.
        if command == DownloadCommand.add, case .object(var fields) = encoded, let user = ctx.user {
            fields["user_id"] = .number(Double(user.id))
            encoded = .object(fields)
        }
        do {
            return try ctx.app.daemon.call(command, args: encoded)
        } catch .daemon(let body) {
            throw domainError(body)
        } catch .tooLarge(let bytes, let limit) {
            throw tooLarge(bytes: bytes, limit: limit)
        } catch {
            throw DomainError.unavailable("\(error); start it with `make run` or `systemctl start lcarsd`", code: "daemon_unavailable")
        }
    }

    static func domainError(_ body: ControlErrorBody) -> DomainError {
        typealias Code = DownloadCommand.ErrorCode
        var error: DomainError
        switch body.code {
        case Code.invalidMagnet, Code.invalidTorrent, Code.invalidArgument: error = .badRequest(body.message, code: body.code)
        case Code.notFound: error = .notFound(body.message)
        case Code.duplicate, Code.conflict: error = .conflict(body.message, code: body.code)
        // Not expected to be seen (the client gave up first), but what it means is "not done".
        case ControlErrorCode.expired.rawValue:
            error = .unavailable("lcarsd did not get to this request in time; nothing was done, try again", code: "daemon_unavailable")
        default: error = .init(.upstream(.failed), "lcarsd: \(body.message) (\(body.code))", code: "daemon_error", service: "lcarsd")
        }
        error.details = body.details
        return error
    }

    /// A request over the control socket's frame limit (a huge .torrent): 413 saying the limit,
    /// not a daemon that looks down. (lcarsd answers an oversized frame with `frame_too_large`;
    /// the client checks first, so that answer is not waited for.)
    static func tooLarge(bytes: Int, limit: Int) -> APIError {
        var error = APIError.payloadTooLarge(limit: limit)
        error.message = "the request to lcarsd would be \(bytes) bytes (the .torrent base64-encoded); lcarsd accepts at most \(limit) bytes (\(limit >> 20) MiB)"
        return error
    }
}
