import Foundation
import GRDB
@testable import Auth
@testable import Config
@testable import Core
@testable import FCGIApp
@testable import Persistence

/// A responder in-process: a real migrated SQLite file in a temporary directory, the real router
/// and handlers, and stand-ins for lcarsd (`daemon`) and the outside services (`services`).
/// No nginx, no sockets, no processes — route tests run in milliseconds.
final class TestApp {
    let directory: String
    let config: LCARSConfig
    let database: AppDatabase
    var db: DatabasePool { database.pool }
    let daemon = StubDaemon()
    let services = StubServices()
    let app: AppContext
    let responder: APIResponder

    /// `extraTOML` is appended to a minimal config (e.g. "[tmdb]\napi_key = \"k\"\n").
    init(extraTOML: String = "") throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("lcars-route-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let toml = """
            [server]
            jwt_secret = "0123456789abcdef0123456789abcdef-route-tests"
            data_dir = "\(directory)"

            """ + extraTOML
        config = try ConfigLoader.parse(toml, file: "route-test.toml")
        database = try AppDatabase.open(config.database)
        try database.migrate()
        let services = services
        app = AppContext(config: config, database: database, daemon: daemon, httpTransport: { _ in services })
        responder = APIResponder(app: app, logger: .init(label: "route-test"))
    }

    deinit { try? FileManager.default.removeItem(atPath: directory) }

    /// One request through the responder, as nginx would hand it over.
    /// `headers` are lower-cased names (as HTTPRequest keeps them); `remoteAddress` is REMOTE_ADDR.
    func send(_ method: String, _ path: String, query: [String: String] = [:], json: Any? = nil,
              rawBody: Data? = nil, token: String? = nil, headers extra: [String: String] = [:],
              remoteAddress: String = "127.0.0.1") -> TestResponse {
        var headers = extra
        if let token { headers["authorization"] = "Bearer \(token)" }
        let body = rawBody ?? json.map { try! JSONSerialization.data(withJSONObject: $0, options: [.fragmentsAllowed]) } ?? Data()
        if !body.isEmpty { headers["content-type"] = "application/json" }
        let request = HTTPRequest(method: method, path: path, query: query, headers: headers, body: body, remoteAddress: remoteAddress)
        return TestResponse(responder.respond(to: request))
    }

    /// A user with a live session; returns the bearer token.
    func login(_ username: String, role: Role = .user) throws -> String {
        var hasher = PasswordHasher()
        hasher.memoryKiB = 1024   // fast: these tests are not about hashing
        hasher.iterations = 1
        let user = try UserAccounts(database.users, hasher: hasher).create(username: username, password: "password-\(username)", role: role)
        return try app.sessions.start(userID: user.id).token
    }

    lazy var adminToken: String = try! login("admin", role: .admin)
    lazy var userToken: String = try! login("someone", role: .user)
}

/// What the responder answered, with the JSON body decoded for assertions.
struct TestResponse {
    let status: Int
    let headers: [(String, String)]
    let body: Data

    init(_ response: HTTPResponse) {
        status = response.status
        headers = response.headers
        body = response.body
    }

    var json: Any? { try? JSONSerialization.jsonObject(with: body, options: [.fragmentsAllowed]) }
    var object: [String: Any] { json as? [String: Any] ?? [:] }
    var array: [[String: Any]] { json as? [[String: Any]] ?? [] }
    /// `error.code` and `error.message` of an error answer.
    var errorCode: String? { (object["error"] as? [String: Any])?["code"] as? String }
    var errorMessage: String? { (object["error"] as? [String: Any])?["message"] as? String }
    func header(_ name: String) -> String? { headers.first { $0.0.lowercased() == name.lowercased() }?.1 }
}
