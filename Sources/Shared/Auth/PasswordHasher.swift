import CArgon2
import Foundation

/// Argon2id password hashes in the standard encoded form ("$argon2id$v=19$m=...,t=...,p=...$salt$hash"),
/// so the parameters travel with each hash and can be raised later without breaking old ones.
public struct PasswordHasher: Sendable {
    /// OWASP's baseline for argon2id: 19 MiB, 2 passes, 1 lane.
    public var memoryKiB: UInt32 = 19_456
    public var iterations: UInt32 = 2
    public var parallelism: UInt32 = 1
    static let saltLength = 16
    static let hashLength = 32
    /// Longer inputs are refused before hashing: they only serve to make the server work.
    public static let maxPasswordBytes = 1024

    public init() {}

    public func hash(_ password: String) throws -> String {
        let pwd = Array(password.utf8)
        guard pwd.count <= Self.maxPasswordBytes else { throw PasswordError.tooLong }
        var generator = SystemRandomNumberGenerator()
        let salt = (0..<Self.saltLength).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let encodedLength = argon2_encodedlen(iterations, memoryKiB, parallelism, UInt32(salt.count),
                                              UInt32(Self.hashLength), Argon2_id)
        var encoded = [CChar](repeating: 0, count: encodedLength)
        let result = argon2id_hash_encoded(iterations, memoryKiB, parallelism, pwd, pwd.count,
                                           salt, salt.count, Self.hashLength, &encoded, encodedLength)
        guard result == ARGON2_OK.rawValue else {
            throw PasswordError.hashingFailed(String(cString: argon2_error_message(result)))
        }
        return String(decoding: encoded.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Constant-time comparison happens inside libargon2.
    public func verify(_ password: String, against encoded: String) -> Bool {
        let pwd = Array(password.utf8)
        guard pwd.count <= Self.maxPasswordBytes, encoded.hasPrefix("$argon2id$") else { return false }
        return argon2id_verify(encoded, pwd, pwd.count) == ARGON2_OK.rawValue
    }

    /// A valid hash of a random password: verifying against it costs what a real check costs, so an
    /// unknown username takes as long to refuse as a wrong password.
    public static let decoyHash: String = (try? PasswordHasher().hash(UUID().uuidString)) ?? "$argon2id$"
}

public enum PasswordError: Error, CustomStringConvertible {
    case tooLong
    case hashingFailed(String)
    public var description: String {
        switch self {
        case .tooLong: "password is longer than \(PasswordHasher.maxPasswordBytes) bytes"
        case .hashingFailed(let reason): "argon2 hashing failed: \(reason)"
        }
    }
}
