import CTorrent

/// Reading torrent state.
extension TorrentEngine {
    /// nil when no torrent has this hash.
    public func status(_ infoHash: String) -> TorrentStatus? {
        var raw = ct_torrent_status()
        var error = ct_error()
        guard locked({ session in infoHash.withCString { ct_torrent_status_get(session, $0, &raw, &error) } }) == 0 else {
            return nil
        }
        defer { ct_free_status_fields(&raw) }
        return TorrentStatus(raw)
    }

    /// Every torrent, fetched in one pass.
    public func allStatuses() -> [TorrentStatus] {
        var raw: UnsafeMutablePointer<ct_torrent_status>?
        var count = 0
        var error = ct_error()
        guard locked({ ct_session_all_statuses($0, &raw, &count, &error) }) == 0, let raw else { return [] }
        defer { ct_free_statuses(raw, count) }
        return UnsafeBufferPointer(start: raw, count: count).map(TorrentStatus.init)
    }

    /// The torrent's files with progress; empty before metadata arrives or for unknown hashes.
    public func files(_ infoHash: String) -> [TorrentFileEntry] {
        var raw: UnsafeMutablePointer<ct_file_entry>?
        var count = 0
        var error = ct_error()
        guard locked({ session in infoHash.withCString { ct_torrent_files(session, $0, &raw, &count, &error) } }) == 0,
              let raw else { return [] }
        defer { ct_free_files(raw, count) }
        return UnsafeBufferPointer(start: raw, count: count).map { file in
            TorrentFileEntry(index: Int(file.index), path: string(from: file.path) ?? "", size: file.size, bytesDone: file.bytes_done)
        }
    }
}
