import Foundation
import NIOCore
import NIOPosix
import Testing
@testable import Auth
@testable import Config
@testable import Daemon
@testable import Persistence

/// Who may open the event stream: tickets once, login tokens while their session lives; the
/// answer arrives on the channel's event loop (the database work runs on the blocking pool).
@Suite struct EventAuthorizerTests {
    @Test func ticketsAndTokensAreCheckedAndAnsweredOnTheLoop() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("lcars-events-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let config = try ConfigLoader.parse("""
            [server]
            jwt_secret = "0123456789abcdef0123456789abcdef-events"
            data_dir = "\(directory)"
            """, file: "events-test.toml")
        let database = try AppDatabase.open(config.database)
        try database.migrate()
        var hasher = PasswordHasher()
        (hasher.memoryKiB, hasher.iterations) = (1024, 1)
        let user = try UserAccounts(database.users, hasher: hasher).create(username: "uhura", password: "hailing-frequencies", role: .user)
        let ticket = try EventTickets(database.eventTickets).issue(userID: user.id).ticket
        let token = try Sessions(database, config: config).start(userID: user.id).token

        let authorizer = EventAuthorizer(database: database, config: config)
        let loop = MultiThreadedEventLoopGroup.singleton.next()
        let first = authorizer.userID(ticket: ticket, bearer: nil, on: loop)
        #expect(first.eventLoop === loop)
        #expect(try await first.get() == user.id)
        #expect(try await authorizer.userID(ticket: ticket, bearer: nil, on: loop).get() == nil)   // used
        #expect(try await authorizer.userID(ticket: nil, bearer: token, on: loop).get() == user.id)
        #expect(try await authorizer.userID(ticket: nil, bearer: "a.b.c", on: loop).get() == nil)
        #expect(try await authorizer.userID(ticket: nil, bearer: nil, on: loop).get() == nil)
    }
}
