import Foundation
import Control
import Core

/// Asks lcarsd to do something and maps its answer onto the API: its error codes become HTTP
/// statuses, and a daemon that is down or stuck becomes 503 after the IPC timeout, never a hang.
enum DaemonCall {
    static func run(_ ctx: RequestContext, _ command: String, _ args: some Encodable) throws -> JSONValue {
        let encoded = try JSONValue(encoding: args)
        do {
            return try ctx.app.daemon.call(command, args: encoded)
        } catch .daemon(let body) {
            throw apiError(body)
        } catch {
            throw APIError.unavailable("\(error); start it with `make run` or `systemctl start lcarsd`", code: "daemon_unavailable")
        }
    }

    static func apiError(_ body: IPCErrorBody) -> APIError {
        typealias Code = DownloadCommand.ErrorCode
        var error: APIError
        switch body.code {
        case Code.invalidMagnet, Code.invalidTorrent, Code.invalidArgument: error = .badRequest(body.message, code: body.code)
        case Code.notFound: error = .notFound(body.message)
        case Code.duplicate: error = APIError(status: 409, code: body.code, message: body.message)
        case Code.conflict: error = .conflict(body.message)
        default: error = APIError(status: 502, code: "daemon_error", message: "lcarsd: \(body.message) (\(body.code))")
        }
        error.details = body.details
        return error
    }
}
