@testable import Auth
@testable import Core
@testable import Persistence
import Foundation
import GRDB
import Testing

/// `users` through `UserStore` and the rules of `UserAccounts` over it.
@Suite struct UserStoreTests {
    @Test func lastAdminIsProtected() throws {
        let database = try makeAppDatabase()
        let accounts = fastAccounts(database)
        let admin = try accounts.create(username: "picard", password: "make-it-so", role: .admin)
        #expect(throws: UserStore.lastAdmin) { try accounts.delete(id: admin.id) }
        #expect(throws: UserStore.lastAdmin) { _ = try accounts.change(id: admin.id, role: .user) }
        #expect(try database.users.user(id: admin.id).role == .admin)
        // With a second admin, the first may step down.
        _ = try accounts.create(username: "riker", password: "number-one", role: .admin)
        #expect(try accounts.change(id: admin.id, role: .user).role == .user)
    }

    @Test func namesAreUniqueInAnyCase() throws {
        let database = try makeAppDatabase()
        let accounts = fastAccounts(database)
        let picard = try accounts.create(username: "picard", password: "make-it-so", role: .admin)
        let data = try accounts.create(username: "data", password: "spot-the-cat", role: .user)
        #expect(throws: DomainError.conflict("the username \"PICARD\" is taken")) {
            _ = try accounts.create(username: "PICARD", password: "make-it-so", role: .user)
        }
        #expect(throws: DomainError.conflict("the username \"Picard\" is taken")) { _ = try accounts.change(id: data.id, username: "Picard") }
        // Renaming oneself in another case is not a clash.
        #expect(try accounts.change(id: picard.id, username: "Picard").username == "Picard")
        #expect(try database.users.user(named: "PICARD")?.id == picard.id)
    }

    @Test func invalidInputNamesTheFieldAndWritesNothing() throws {
        let database = try makeAppDatabase()
        let accounts = fastAccounts(database)
        for (name, password, field) in [("x", "make-it-so", "username"), ("has space", "make-it-so", "username"),
                                        ("../etc", "make-it-so", "username"), ("worf", "short", "password"),
                                        ("worf", String(repeating: "p", count: 2000), "password")] {
            #expect {
                _ = try accounts.create(username: name, password: password, role: .user)
            } throws: { ($0 as? DomainError)?.kind == .validation && ($0 as? DomainError)?.field == field }
        }
        #expect(try count(database, "users") == 0)
    }

    @Test func unknownIdsAreOne404Text() throws {
        let database = try makeAppDatabase()
        let accounts = fastAccounts(database)
        let missing = DomainError.notFound("no user with id 99")
        #expect(throws: missing) { try database.users.user(id: 99) }
        #expect(throws: missing) { try accounts.delete(id: 99) }
        #expect(throws: missing) { _ = try accounts.change(id: 99, role: .user) }
    }

    @Test func aNewPasswordEndsTheUsersSessionsOnly() throws {
        let database = try makeAppDatabase()
        let accounts = fastAccounts(database)
        let sulu = try accounts.create(username: "sulu", password: "oh-my-oh-my", role: .user)
        let rand = try accounts.create(username: "rand", password: "yeoman-rand", role: .user)
        for (user, hash) in [(sulu, "s1"), (sulu, "s2"), (rand, "r1")] {
            try database.sessions.startSession(userID: user.id, tokenHash: hash, expiresAt: Date().addingTimeInterval(3600))
        }
        _ = try accounts.change(id: sulu.id, username: "hikaru")   // no new password: logins stay
        #expect(try database.sessions.sessions(of: sulu.id).count == 2)
        let changed = try accounts.change(id: sulu.id, password: "new-password")
        #expect(try database.sessions.sessions(of: sulu.id).isEmpty)
        #expect(try database.sessions.sessions(of: rand.id).count == 1)
        #expect(try accounts.verify(username: "hikaru", password: "new-password") == changed)
        #expect(try accounts.verify(username: "hikaru", password: "oh-my-oh-my") == nil)
    }

    @Test func aRefusedChangeKeepsThePasswordAndTheSessions() throws {
        let database = try makeAppDatabase()
        let accounts = fastAccounts(database)
        let chapel = try accounts.create(username: "chapel", password: "nurse-chapel", role: .user)
        try database.sessions.startSession(userID: chapel.id, tokenHash: "c1", expiresAt: Date().addingTimeInterval(3600))
        try failWrites(database, "BEFORE DELETE", on: "sessions")
        #expect(throws: DatabaseError.self) { _ = try accounts.change(id: chapel.id, password: "doctor-chapel") }
        #expect(try database.users.user(id: chapel.id) == chapel)
        #expect(try database.sessions.sessions(of: chapel.id).count == 1)
    }

    @Test func deletingDetachesMediaAndActivityAndCascadesLogins() throws {
        let database = try makeAppDatabase()
        let accounts = fastAccounts(database)
        _ = try accounts.create(username: "janeway", password: "coffee-black", role: .admin)
        let paris = try accounts.create(username: "paris", password: "captain-proton", role: .user)
        try addMovieAndActivity(database, by: paris.id)
        try database.sessions.startSession(userID: paris.id, tokenHash: "p1", expiresAt: Date().addingTimeInterval(3600))
        try accounts.delete(id: paris.id)
        #expect(try count(database, "users", "id = \(paris.id)") == 0)
        #expect(try count(database, "sessions") == 0)
        #expect(try count(database, "movies", "added_by IS NULL") == 1)
        #expect(try count(database, "activity", "user_id IS NULL") == 1)
    }

    @Test func aDeleteFailingHalfWayLeavesEverything() throws {
        let database = try makeAppDatabase()
        let accounts = fastAccounts(database)
        let kim = try accounts.create(username: "kim", password: "ensign-kim", role: .user)
        try addMovieAndActivity(database, by: kim.id)
        try failWrites(database, "BEFORE DELETE", on: "users")
        #expect(throws: DatabaseError.self) { try accounts.delete(id: kim.id) }
        #expect(try count(database, "movies", "added_by = \(kim.id)") == 1)
        #expect(try count(database, "activity", "user_id = \(kim.id)") == 1)
        #expect(try database.users.all() == [kim])
    }

    private func addMovieAndActivity(_ database: AppDatabase, by userID: Int64) throws {
        try database.pool.write { db in
            try db.execute(sql: "INSERT INTO movies (tmdb_id, title, year, added_by) VALUES (13475, 'Star Trek', 2009, ?)",
                           arguments: [userID])
            try db.execute(sql: "INSERT INTO activity (event_type, message, user_id) VALUES ('movie_added', 'added', ?)",
                           arguments: [userID])
        }
    }
}
