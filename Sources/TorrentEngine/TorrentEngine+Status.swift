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
        locked { session in
            takeArray({ ct_session_all_statuses(session, &$0, &$1, &$2) }, free: { ct_free_statuses($0, $1) }, TorrentStatus.init)
        }
    }

    /// The torrent's files with progress; empty before metadata arrives or for unknown hashes.
    public func files(_ infoHash: String) -> [TorrentFileEntry] {
        locked { session in
            infoHash.withCString { hash in
                takeArray({ ct_torrent_files(session, hash, &$0, &$1, &$2) }, free: { ct_free_files($0, $1) }) { file in
                    TorrentFileEntry(
                        index: Int(file.index), path: string(from: file.path) ?? "", size: file.size, bytesDone: file.bytes_done)
                }
            }
        }
    }
}
