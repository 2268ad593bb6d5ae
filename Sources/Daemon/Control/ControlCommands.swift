import Foundation
import Control
import Core

/// One control-protocol command (docs/ipc.md): takes the request's `args`, returns the JSON
/// result or throws. Async because it runs where its state lives (e.g. the download manager's
/// queue), never on the event loop that read the frame.
typealias ControlCommand = @Sendable (JSONValue) async throws -> JSONValue

/// The command table lcarsd answers from, and the protocol checks around it: version, unknown
/// command, argument shape, and the one mapping of errors onto the wire.
struct ControlCommands: Sendable {
    let table: [String: ControlCommand]

    init(_ table: [String: ControlCommand]) { self.table = table }

    /// The answer to one frame's payload; a payload that is not a request gets `bad_request`.
    func answer(frame payload: Data) async -> IPCResponse {
        guard let request = try? JSONDecoder().decode(IPCRequest.self, from: payload) else {
            return .failure(id: 0, IPCErrorBody(.badRequest, "a frame must hold a JSON request {v, id, cmd, args}; see docs/ipc.md"))
        }
        return await handle(request)
    }

    func handle(_ request: IPCRequest) async -> IPCResponse {
        guard request.v == IPC.protocolVersion else {
            return .failure(id: request.id, IPCErrorBody(.unsupportedVersion,
                "protocol version \(request.v) is not supported; this lcarsd speaks \(IPC.protocolVersion)"))
        }
        guard let command = table[request.cmd] else {
            return .failure(id: request.id, IPCErrorBody(.unknownCommand,
                "unknown command \"\(request.cmd)\"; known: \(table.keys.sorted().joined(separator: ", "))"))
        }
        do {
            return .success(id: request.id, try await command(request.args))
        } catch {
            return .failure(id: request.id, Self.errorBody(error))
        }
    }

    /// The one place a command's error becomes a wire error.
    static func errorBody(_ error: Error) -> IPCErrorBody {
        switch error {
        case let body as IPCErrorBody: body
        case let domain as DomainError: IPCErrorBody(domain)
        case let convertible as DomainErrorConvertible: IPCErrorBody(convertible.domainError)
        default: IPCErrorBody(.internalError, "\(error)")
        }
    }

    /// Arguments of the wrong shape are the caller's mistake, reported as such.
    static func args<T: Decodable>(_ value: JSONValue, _ type: T.Type) throws -> T {
        do { return try value.decode(T.self) }
        catch { throw IPCErrorBody(.invalidArgument, "arguments do not match \(T.self): \(error)") }
    }
}

extension IPCResponse {
    static func failure(id: Int64, _ body: IPCErrorBody) -> IPCResponse {
        .failure(id: id, code: body.code, message: body.message, details: body.details)
    }
}
