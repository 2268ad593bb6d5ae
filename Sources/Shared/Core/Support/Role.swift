/// What a user may do: `admin` manages users, indexers and settings; `user` manages the library.
public enum Role: String, Codable, Sendable, CaseIterable {
    case admin, user
}
