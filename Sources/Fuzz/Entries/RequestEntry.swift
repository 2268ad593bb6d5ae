import Auth
import Config
import Control
import Core
import FCGIApp
import Foundation
import Logging
import Net
import Persistence

/// One request through a responder, as a FastCGI worker serves it (`RequestIntake`: body limit,
/// `HTTPRequest` parsing, router, authentication, handlers), against a real migrated database.
/// lcarsd and the outside services are stand-ins that refuse at once: no process, no traffic.
/// The responder keeps its database between inputs, as a worker does between requests.
enum RequestEntry {
    static func run(_ data: Data) -> String {
        RequestFixture.shared.withResponder { responder, maxBody, tokens in
            let raw = RawHTTPRequest(data, tokens: tokens)
            let response = RequestIntake.response(params: raw.params, maxBody: maxBody, responder: responder,
                                                  readBody: raw.readBody)
            return "status \(response.status)"
        }
    }
}

/// The responder the request subject talks to: made on first use in a temporary directory
/// (removed at exit), with an admin and a user that have live sessions.
final class RequestFixture: @unchecked Sendable {
    static let shared = RequestFixture()
    /// Swift Testing runs tests in parallel; a responder serves one request at a time.
    private let lock = NSLock()
    private var state: (responder: APIResponder, maxBody: Int, tokens: [String: String])?

    func withResponder(_ body: (APIResponder, Int, [String: String]) -> String) -> String {
        lock.withLock {
            do {
                let state = try self.state ?? Self.make()
                self.state = state
                return body(state.responder, state.maxBody, state.tokens)
            } catch {
                fatalError("the request fixture cannot start: \(error)")
            }
        }
    }

    private static func make() throws -> (responder: APIResponder, maxBody: Int, tokens: [String: String]) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("lcars-fuzz-\(getpid())").path
        try? FileManager.default.removeItem(atPath: directory)
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(atPath: FileManager.default.temporaryDirectory.appendingPathComponent("lcars-fuzz-\(getpid())").path) }
        let config = try ConfigLoader.parse("""
            [server]
            jwt_secret = "0123456789abcdef0123456789abcdef-fuzzing"
            data_dir = "\(directory)"
            """, file: "fuzz.toml")
        let database = try AppDatabase.open(config.database)
        _ = try database.migrate()
        var hasher = PasswordHasher()
        hasher.memoryKiB = 1024   // the fixture's own users only; the responder hashes as in production
        hasher.iterations = 1
        let accounts = UserAccounts(database.users, hasher: hasher)
        let sessions = Sessions(database, config: config)
        var tokens: [String: String] = [:]
        for (name, role) in [("admin", Role.admin), ("user", Role.user)] {
            let user = try accounts.create(username: "fuzz-\(name)", password: "fuzz-password-\(name)", role: role)
            tokens["@\(name)"] = try sessions.start(userID: user.id).token
        }
        let app = AppContext(config: config, database: database, daemon: NoDaemon(), httpTransport: { _ in NoNetwork() })
        var logger = Logger(label: "lcars-fuzz")
        logger.logLevel = .critical
        return (APIResponder(app: app, logger: logger), config.fcgi.maxBodyBytes, tokens)
    }
}

/// lcarsd is down: every call fails the way a missing socket does.
struct NoDaemon: DaemonChannel {
    func call(_ cmd: String, args: JSONValue) throws(ControlClient.Failure) -> JSONValue {
        throw .unreachable("connect: No such file or directory (fuzzing: no lcarsd)")
    }
}

/// No outside service answers: every transfer fails like a refused connection, at once.
final class NoNetwork: HTTPTransport {
    func perform(_ request: HTTPClientRequest, settings: HTTPClientSettings) -> Result<HTTPTransportAnswer, HTTPTransportFailure> {
        .failure(.curl(code: 7, message: "Failed to connect (fuzzing: no network)"))
    }
}
