import Foundation
import TorrentEngine
import Config
import Persistence

/// Starting after a crash (kill -9, power cut, OOM killer) without downloading anything twice.
///
/// Resume data is saved every `resume_save_interval_seconds`, when a torrent finishes and at a
/// clean stop. After a crash the files hold more than the last saved resume data lists, and
/// libtorrent trusts resume data: every piece it does not list would be fetched again. So each run
/// leaves a marker in the state directory that only a clean stop (with every torrent's resume
/// data stored) removes; a start that finds it checks the files against the resume data first
/// (`TorrentEngine.checkFiles`), so the pieces verified since the last save are kept. Rows without
/// resume data need nothing: libtorrent hashes whatever files exist when it has no piece list.
extension DownloadManager {
    static func runMarkerPath(_ t: LCARSConfig.Torrent) -> String { "\(t.stateDir)/lcarsd.running" }

    /// Marks this run as under way; returns whether the previous run ended without a clean stop.
    func markRunning() -> Bool {
        let path = Self.runMarkerPath(config)
        let crashed = FileManager.default.fileExists(atPath: path)
        if crashed { logger.warning("the last run did not stop cleanly; checking files against the saved resume data") }
        let pid = Data("\(ProcessInfo.processInfo.processIdentifier)\n".utf8)
        if !FileManager.default.createFile(atPath: path, contents: pid) {
            logger.warning("cannot write the run marker; a crash will not be noticed", metadata: ["path": "\(path)"])
        }
        return crashed
    }

    /// A clean stop: the resume data stored covers everything on disk.
    func markStopped() {
        try? FileManager.default.removeItem(atPath: Self.runMarkerPath(config))
    }

    /// What to add the row's torrent with instead of its own resume data: `.some(data)` with the
    /// pieces found on disk added, `.some(nil)` for none at all (a v2-only torrent: libtorrent then
    /// hashes every file); nil to keep the row's own (none, nothing found, or the check failed — a
    /// bad blob is then refused at add, and libtorrent checks every file).
    func resumeDataCheckedAgainstFiles(_ record: DownloadRecord) -> Data?? {
        guard let data = record.resumeData else { return nil }
        let savePath = record.savePath ?? config.downloadDir
        do {
            let check = try TorrentEngine.checkFiles(resumeData: data, savePath: savePath)
            if check.piecesFound > 0 || check.fullCheck {
                logger.notice("pieces on disk found beyond the saved resume data", metadata: [
                    "download": "\(record.id ?? 0)", "hashed": "\(check.piecesHashed)", "found": "\(check.piecesFound)",
                    "full_check": "\(check.fullCheck)"])
                return check.resumeData
            }
        } catch {
            logger.warning("files not checked against the resume data", metadata: ["download": "\(record.id ?? 0)", "error": "\(error)"])
        }
        return nil
    }
}
