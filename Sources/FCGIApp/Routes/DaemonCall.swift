import Foundation
import Control
import Core

/// Asks lcarsd to do something and maps its answer onto the domain's errors, in this one place:
/// its error codes keep their words (`duplicate` with the download in `details`, `conflict`,
/// `not_found`, `invalid_*`), and a daemon that is down or stuck becomes 503 after the IPC
/// timeout, never a hang.
enum DaemonCall {
    static func run(_ ctx: RequestContext, _ command: String, _ args: some Encodable) throws -> JSONValue {
        let encoded = try JSONValue(encoding: args)
        do {
            return try ctx.app.daemon.call(command, args: encoded)
        } catch .daemon(let body) {
            throw domainError(body)
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
        default: error = .init(.upstream(.failed), "lcarsd: \(body.message) (\(body.code))", code: "daemon_error", service: "lcarsd")
        }
        error.details = body.details
        return error
    }
}
