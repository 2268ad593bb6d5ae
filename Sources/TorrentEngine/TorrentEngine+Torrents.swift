import CTorrent
import Foundation

/// Adding, controlling and removing torrents.
extension TorrentEngine {
    /// Adds a torrent and returns its info hash. With `resumeData` (from `.resumeDataSaved`) the
    /// torrent keeps its verified pieces and counters. Torrents are never auto-managed: `paused`
    /// stays paused until `resume`.
    @discardableResult
    public func add(_ source: TorrentSource, savePath: String, resumeData: Data? = nil, paused: Bool = false) throws -> String {
        var error = ct_error()
        var hash = [CChar](repeating: 0, count: Int(CT_INFO_HASH_SIZE))
        let code = locked { session in
            source.withCSource { cSource in
                withOptionalBytes(resumeData) { resume, resumeLength in
                    ct_session_add(session, cSource, savePath, resume, resumeLength, paused ? 1 : 0, &hash, &error)
                }
            }
        }
        let infoHash = String(decoding: hash.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }, as: UTF8.self)
        guard code == 0 else {
            throw EngineError(error, input: error.code == CT_ERR_DUPLICATE ? infoHash : source.errorInput)
        }
        return infoHash
    }

    public func pause(_ infoHash: String) throws { try command(infoHash, ct_torrent_pause) }

    /// Resumes a paused torrent, clearing an error that stopped it.
    public func resume(_ infoHash: String) throws { try command(infoHash, ct_torrent_resume) }

    /// Removes the torrent; `.removed` follows, and with `deleteFiles` `.filesDeleted` (or
    /// `.deleteFailed`) once the files are gone.
    public func remove(_ infoHash: String, deleteFiles: Bool) throws {
        try command(infoHash) { ct_torrent_remove($0, $1, deleteFiles ? 1 : 0, $2) }
    }

    public func forceRecheck(_ infoHash: String) throws { try command(infoHash, ct_torrent_force_recheck) }

    /// Connects the torrent to a peer; `host` is an IPv4 or IPv6 address (no name resolution).
    public func connectPeer(_ infoHash: String, host: String, port: Int) throws {
        try command(infoHash) { ct_torrent_connect_peer($0, $1, host, Int32(clamping: port), $2) }
    }

    /// Asks for the torrent's resume data (flushed, with metadata); it arrives as
    /// `.resumeDataSaved` or `.resumeDataFailed`. False when the torrent is unknown (no alert).
    @discardableResult
    public func requestResumeData(_ infoHash: String) -> Bool {
        (try? command(infoHash, ct_torrent_request_resume_data)) != nil
    }

    /// Asks every torrent for resume data; returns how many alerts to expect.
    @discardableResult
    public func requestResumeDataForAll() -> Int {
        Int(locked { ct_session_request_resume_data_all($0) })
    }

    private typealias TorrentCommand = (OpaquePointer?, UnsafePointer<CChar>?, UnsafeMutablePointer<ct_error>?) -> Int32

    /// Runs a per-torrent shim call under the lock and turns its failure into an EngineError.
    private func command(_ infoHash: String, _ call: TorrentCommand) throws {
        var error = ct_error()
        let code = locked { session in infoHash.withCString { call(session, $0, &error) } }
        if code != 0 { throw EngineError(error, input: infoHash) }
    }
}
