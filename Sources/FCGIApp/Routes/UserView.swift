import Auth
import Core
import Persistence

/// The spec's `User` model as the API shows it (never the password hash).
struct UserView: Encodable {
    let id: Int64
    let username: String
    let role: String
    let created_at: String

    init(_ record: UserRecord) {
        id = record.id
        username = record.username
        role = record.role.rawValue
        created_at = SQLiteTime.iso8601(record.createdAt)
    }

    init(_ user: AuthenticatedUser) {
        id = user.id
        username = user.username
        role = user.role.rawValue
        created_at = SQLiteTime.iso8601(user.createdAt)
    }
}
