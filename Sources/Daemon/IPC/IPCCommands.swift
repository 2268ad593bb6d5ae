import Foundation
import Shared

/// The commands lcarsd answers on its control socket. Each takes the request's `args` and
/// returns a JSON result or throws an `IPCErrorBody`.
struct IPCCommands: Sendable {
    typealias Command = @Sendable (JSONValue) throws -> JSONValue
    let table: [String: Command]

    init(state: DaemonState) {
        table = [
            "ping": { _ in .object(["pong": .bool(true), "version": .string(LCARSVersion.current),
                                    "protocol": .number(Double(IPC.protocolVersion))]) },
            "status": { _ in try JSONValue(encoding: state.status()) },
        ]
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
            return .failure(id: request.id, code: error.code, message: error.message)
        } catch {
            return .failure(id: request.id, code: "internal_error", message: "\(error)")
        }
    }
}
