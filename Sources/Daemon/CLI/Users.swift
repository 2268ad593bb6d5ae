import ArgumentParser
import Foundation
import Core
import Auth
import Persistence

struct Users: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Manage users from the command line (first admin, lost passwords).",
        subcommands: [Add.self, List.self, Passwd.self])

    /// Where a password comes from: a random one printed once, or the first line of stdin.
    struct PasswordSource: ParsableArguments {
        @Flag(help: "Generate a random password and print it once.")
        var randomPassword = false

        func obtain() throws -> (password: String, print: Bool) {
            if randomPassword { return (Self.random(), true) }
            guard let line = readLine(strippingNewline: true), !line.isEmpty else {
                throw fail("give the password on stdin, or use --random-password")
            }
            return (line, false)
        }

        static func random() -> String {
            let alphabet = Array("abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789")
            var generator = SystemRandomNumberGenerator()
            return String((0..<20).map { _ in alphabet.randomElement(using: &generator)! })
        }
    }

    static func openMigrated(_ options: ConfigOption) throws -> AppDatabase {
        let database = try AppDatabase.open(try options.load().database)
        try database.migrate()
        return database
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create a user.")
        @OptionGroup var options: ConfigOption
        @OptionGroup var source: PasswordSource
        @Argument(help: "The username.") var username: String
        @Flag(help: "Give the user the admin role.") var admin = false
        @Flag(help: "Do nothing (exit 0) when the username exists already.") var ifMissing = false

        func run() throws {
            let database = try openMigrated(options)
            if ifMissing, try database.users.user(named: username) != nil { return }
            let (password, show) = try source.obtain()
            do {
                let user = try UserAccounts(database.users).create(username: username, password: password, role: admin ? .admin : .user)
                print("created \(user.role.rawValue) \(user.username)" + (show ? " with password \(password)" : ""))
            } catch let error as DomainError {
                throw fail(error.message)
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List users.")
        @OptionGroup var options: ConfigOption

        func run() throws {
            for user in try openMigrated(options).users.all() {
                print("\(user.id)\t\(user.username)\t\(user.role.rawValue)\t\(user.createdAt)")
            }
        }
    }

    struct Passwd: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Set a user's password (ends all of that user's logins).")
        @OptionGroup var options: ConfigOption
        @OptionGroup var source: PasswordSource
        @Argument(help: "The username.") var username: String

        func run() throws {
            let database = try openMigrated(options)
            guard let user = try database.users.user(named: username) else { throw fail("no user named \(username)") }
            let (password, show) = try source.obtain()
            do {
                _ = try UserAccounts(database.users).change(id: user.id, password: password)
                print("password of \(user.username) changed" + (show ? " to \(password)" : ""))
            } catch let error as DomainError {
                throw fail(error.message)
            }
        }
    }
}
