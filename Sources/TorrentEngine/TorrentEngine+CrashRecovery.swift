import CTorrent
import Foundation

/// What `checkFiles(resumeData:savePath:)` did.
public struct ResumeCheck: Sendable, Equatable {
    /// The resume data to add the torrent with: the old one plus the pieces found on disk; nil
    /// when the torrent must be added without resume data (`fullCheck`).
    public var resumeData: Data?
    /// Pieces the old resume data did not list whose bytes were all on disk, read and hashed.
    public var piecesHashed: Int
    /// Of those, the ones that matched their hash: libtorrent will not download them again.
    public var piecesFound: Int
    /// A v2-only torrent (no flat piece hashes to compare with): add it without resume data, and
    /// libtorrent hashes all its files.
    public var fullCheck: Bool
}

extension TorrentEngine {
    /// Brings resume data that may be older than the files up to date, for a start after the
    /// process was killed. libtorrent trusts resume data and would fetch again every piece it does
    /// not list, although the files hold everything verified up to the kill; this hashes those
    /// pieces (only the ones whose bytes are all on disk — holes in the sparse files are skipped
    /// unread) and lists the ones that match. Blocks while it reads: the cost is about the data
    /// written since the resume data was saved. Throws `.invalidResumeData` for unreadable data.
    public static func checkFiles(resumeData: Data, savePath: String) throws -> ResumeCheck {
        var bytes = ct_bytes()
        var result = ct_resume_check()
        var error = ct_error()
        let code = withOptionalBytes(resumeData) { data, length in
            ct_resume_data_check_files(data, length, savePath, &bytes, &result, &error)
        }
        guard code == 0 else { throw EngineError(error) }
        let checked = takeData(&bytes)
        return ResumeCheck(resumeData: result.full_check != 0 ? nil : checked, piecesHashed: Int(result.pieces_hashed),
                           piecesFound: Int(result.pieces_found), fullCheck: result.full_check != 0)
    }
}
