import Core

/// One row of `jobs`: one run of a scheduled job. Times are SQLite text (UTC, "YYYY-MM-DD HH:MM:SS").
public struct JobRunRecord: Sendable, Equatable {
    public let id: Int64
    public let name: String
    public let startedAt: String
    public let finishedAt: String?
    public let status: JobRunStatus
    public let items: Int
    public let error: String?
}
