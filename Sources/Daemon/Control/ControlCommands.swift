import Foundation
import Control
import Core

/// One control-protocol command (docs/ipc.md): where it runs and what it does with the
/// request's `args`. A command that touches owned state (libtorrent, the `downloads` rows) runs
/// on its owner's queue; only a command that needs nothing but a constant may answer at once.
struct ControlCommand: Sendable {
    enum Runner: Sendable {
        /// Answered where the request was read (an event loop): constant answers only.
        case immediately
        /// Queued on the owner of the state it touches; answered when the owner gets to it.
        case owner(OwnerQueue)
    }

    let runner: Runner
    let body: @Sendable (JSONValue) throws -> JSONValue

    init(_ runner: Runner, _ body: @escaping @Sendable (JSONValue) throws -> JSONValue) {
        self.runner = runner
        self.body = body
    }
}

/// The command table lcarsd answers from, and the protocol checks around it: version, unknown
/// command, argument shape, and the one mapping of errors onto the wire.
struct ControlCommands: Sendable {
    typealias Reply = @Sendable (ControlResponse) -> Void
    let table: [String: ControlCommand]

    init(_ table: [String: ControlCommand]) { self.table = table }

    /// Answers one frame's payload through `reply` (at once, or from the command's owner queue);
    /// a payload that is not a request gets `bad_request`.
    func answer(frame payload: Data, reply: @escaping Reply) {
        guard let request = try? JSONDecoder().decode(ControlRequest.self, from: payload) else {
            return reply(.failure(id: 0, ControlErrorBody(.badRequest, "a frame must hold a JSON request {v, id, cmd, args}; see docs/ipc.md")))
        }
        handle(request, reply: reply)
    }

    func handle(_ request: ControlRequest, reply: @escaping Reply) {
        guard request.v == ControlProtocol.protocolVersion else {
            return reply(.failure(id: request.id, ControlErrorBody(.unsupportedVersion,
                "protocol version \(request.v) is not supported; this lcarsd speaks \(ControlProtocol.protocolVersion)")))
        }
        guard let command = table[request.cmd] else {
            return reply(.failure(id: request.id, ControlErrorBody(.unknownCommand,
                "unknown command \"\(request.cmd)\"; known: \(table.keys.sorted().joined(separator: ", "))")))
        }
        let run: @Sendable () -> Void = { reply(Self.run(command, request)) }
        switch command.runner {
        case .immediately: run()
        case .owner(let owner): owner.submit(run)
        }
    }

    /// The answer, awaited (for callers that are tasks, e.g. tests).
    func handle(_ request: ControlRequest) async -> ControlResponse {
        await withCheckedContinuation { continuation in handle(request) { continuation.resume(returning: $0) } }
    }

    /// Runs the command where it was queued, unless its client stopped waiting meanwhile (a
    /// deadline passed while it sat behind the owner's other work): then nothing is done and the
    /// answer is `expired`, so a call the API reported as failed never takes effect later.
    private static func run(_ command: ControlCommand, _ request: ControlRequest) -> ControlResponse {
        if request.isExpired() {
            return .failure(id: request.id, ControlErrorBody(.expired,
                "the request's deadline (deadline_ms \(request.deadlineMs ?? 0)) passed before lcarsd got to it; nothing was done"))
        }
        do { return .success(id: request.id, try command.body(request.args)) }
        catch { return .failure(id: request.id, errorBody(error)) }
    }

    /// The one place a command's error becomes a wire error.
    static func errorBody(_ error: Error) -> ControlErrorBody {
        switch error {
        case let body as ControlErrorBody: body
        case let domain as DomainError: ControlErrorBody(domain)
        case let convertible as DomainErrorConvertible: ControlErrorBody(convertible.domainError)
        default: ControlErrorBody(.internalError, "\(error)")
        }
    }

    /// Arguments of the wrong shape are the caller's mistake, reported as such.
    static func args<T: Decodable>(_ value: JSONValue, _ type: T.Type) throws -> T {
        do { return try value.decode(T.self) }
        catch { throw ControlErrorBody(.invalidArgument, "arguments do not match \(T.self): \(error)") }
    }
}

extension ControlResponse {
    static func failure(id: Int64, _ body: ControlErrorBody) -> ControlResponse {
        .failure(id: id, code: body.code, message: body.message, details: body.details)
    }
}
