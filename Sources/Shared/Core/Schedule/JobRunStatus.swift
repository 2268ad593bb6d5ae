/// Where one run of a scheduled job is (the `jobs` table, `GET /api/system/jobs`, `job:finished`).
/// A run lcarsd did not see to its end (it stopped or crashed) is `failed` with the error
/// "interrupted…", set at the next start.
public enum JobRunStatus: String, Codable, Sendable, CaseIterable {
    case running, succeeded, failed
}
