import Foundation
import Control
import Core

/// The commands lcarsd answers on its control socket. Each takes the request's `args` and
/// returns a JSON result or throws an `IPCErrorBody`.
struct IPCCommands: Sendable {
    typealias Command = @Sendable (JSONValue) throws -> JSONValue
    let table: [String: Command]

    init(state: DaemonState, downloads: DownloadManager?) {
        var table: [String: Command] = [
            "ping": { _ in .object(["pong": .bool(true), "version": .string(LCARSVersion.current),
                                    "protocol": .number(Double(IPC.protocolVersion))]) },
            "status": { _ in try JSONValue(encoding: state.status(downloads: downloads)) },
        ]
        if let downloads { table.merge(Self.downloadCommands(downloads)) { $1 } }
        self.table = table
    }

    static func downloadCommands(_ m: DownloadManager) -> [String: Command] {
        typealias C = DownloadCommand
        return [
            C.add: { try JSONValue(encoding: m.add(try args($0, C.AddArgs.self))) },
            C.list: { try JSONValue(encoding: m.list(status: try args($0, C.ListArgs.self).status)) },
            C.get: { try JSONValue(encoding: m.get(try args($0, C.IDArgs.self).id)) },
            C.files: { try JSONValue(encoding: m.files(try args($0, C.IDArgs.self).id)) },
            C.pause: { try JSONValue(encoding: m.pause(try args($0, C.IDArgs.self).id)) },
            C.resume: { try JSONValue(encoding: m.resume(try args($0, C.IDArgs.self).id)) },
            C.retry: { try JSONValue(encoding: m.retry(try args($0, C.IDArgs.self).id)) },
            C.remove: {
                let a = try args($0, C.IDArgs.self)
                return try JSONValue(encoding: m.remove(a.id, deleteFiles: a.delete_files ?? false))
            },
        ]
    }

    /// Arguments of the wrong shape are the caller's mistake, reported as such.
    static func args<T: Decodable>(_ value: JSONValue, _ type: T.Type) throws -> T {
        do { return try value.decode(T.self) }
        catch { throw IPCErrorBody(code: DownloadCommand.ErrorCode.invalidArgument, message: "arguments do not match \(T.self): \(error)") }
    }

    func handle(_ request: IPCRequest) -> IPCResponse {
        guard request.v == IPC.protocolVersion else {
            return .failure(id: request.id, code: "unsupported_version",
                            message: "protocol version \(request.v) is not supported; this lcarsd speaks \(IPC.protocolVersion)")
        }
        guard let command = table[request.cmd] else {
            return .failure(id: request.id, code: "unknown_command",
                            message: "unknown command \"\(request.cmd)\"; known: \(table.keys.sorted().joined(separator: ", "))")
        }
        do {
            return .success(id: request.id, try command(request.args))
        } catch let error as IPCErrorBody {
            return .failure(id: request.id, code: error.code, message: error.message, details: error.details)
        } catch {
            return .failure(id: request.id, code: "internal_error", message: "\(error)")
        }
    }
}
