import CTorrent
import Foundation

/// A fixed-size C char array (info hashes) as a String.
func string<T>(fromCArray array: T) -> String {
    withUnsafeBytes(of: array) { raw in
        String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
    }
}

/// An owned C string from the shim (may be NULL); the caller's ct_free_* releases it.
func string(from pointer: UnsafeMutablePointer<CChar>?) -> String? {
    pointer.map { String(cString: $0) }
}

/// Copies and frees a buffer the shim allocated.
func takeData(_ bytes: inout ct_bytes) -> Data {
    defer { ct_free_bytes(&bytes) }
    guard let data = bytes.data else { return Data() }
    return Data(bytes: data, count: bytes.length)
}

/// Calls a shim function that hands out an array (pointer + count), converts every element and
/// frees the array. Empty when the call fails.
func takeArray<Element, Result>(
    _ fetch: (inout UnsafeMutablePointer<Element>?, inout Int, inout ct_error) -> Int32,
    free: (UnsafeMutablePointer<Element>, Int) -> Void,
    _ convert: (Element) -> Result?
) -> [Result] {
    var array: UnsafeMutablePointer<Element>?
    var count = 0
    var error = ct_error()
    guard fetch(&array, &count, &error) == 0, let array else { return [] }
    defer { free(array, count) }
    return UnsafeBufferPointer(start: array, count: count).compactMap(convert)
}

extension TorrentState {
    init(_ state: ct_state) {
        switch state {
        case CT_STATE_CHECKING_FILES: self = .checkingFiles
        case CT_STATE_DOWNLOADING_METADATA: self = .downloadingMetadata
        case CT_STATE_DOWNLOADING: self = .downloading
        case CT_STATE_FINISHED: self = .finished
        case CT_STATE_SEEDING: self = .seeding
        case CT_STATE_CHECKING_RESUME_DATA: self = .checkingResumeData
        default: self = .unknown
        }
    }
}

extension TorrentStatus {
    init(_ s: ct_torrent_status) {
        self.init(
            infoHash: string(fromCArray: s.info_hash), name: string(from: s.name) ?? "",
            state: TorrentState(s.state), isPaused: s.is_paused != 0, hasMetadata: s.has_metadata != 0,
            progress: s.progress, downloadRate: Int(s.download_rate), uploadRate: Int(s.upload_rate),
            totalDone: s.total_done, totalWanted: s.total_wanted,
            sessionDownloaded: s.session_downloaded, sessionUploaded: s.session_uploaded,
            allTimeDownloaded: s.all_time_downloaded, allTimeUploaded: s.all_time_uploaded,
            peers: Int(s.peers), seeds: Int(s.seeds), ratio: s.ratio,
            seedingSeconds: s.seeding_seconds, activeSeconds: s.active_seconds,
            etaSeconds: s.eta_seconds >= 0 ? s.eta_seconds : nil,
            errorMessage: string(from: s.error), savePath: string(from: s.save_path) ?? "")
    }
}

extension TorrentAlert {
    /// nil for kinds this version does not know (the shim only sends known ones).
    init?(_ a: ct_alert) {
        let hash = string(fromCArray: a.info_hash)
        let text = string(from: a.text) ?? ""
        switch a.kind {
        case CT_ALERT_ADDED: self = .added(infoHash: hash, name: text)
        case CT_ALERT_ADD_FAILED: self = .addFailed(infoHash: hash.isEmpty ? nil : hash, message: text)
        case CT_ALERT_METADATA_RECEIVED: self = .metadataReceived(infoHash: hash, name: text)
        case CT_ALERT_FINISHED: self = .finished(infoHash: hash)
        case CT_ALERT_STATE_CHANGED: self = .stateChanged(infoHash: hash, state: TorrentState(a.state))
        case CT_ALERT_TORRENT_ERROR: self = .torrentError(infoHash: hash, message: text)
        case CT_ALERT_RESUME_DATA:
            let data = a.data.map { Data(bytes: $0, count: a.data_length) } ?? Data()
            self = .resumeDataSaved(infoHash: hash, data: data)
        case CT_ALERT_RESUME_DATA_FAILED: self = .resumeDataFailed(infoHash: hash, message: text)
        case CT_ALERT_REMOVED: self = .removed(infoHash: hash)
        case CT_ALERT_FILES_DELETED: self = .filesDeleted(infoHash: hash)
        case CT_ALERT_DELETE_FAILED: self = .deleteFailed(infoHash: hash, message: text)
        case CT_ALERT_LISTEN_FAILED: self = .listenFailed(message: text)
        case CT_ALERT_LISTEN_SUCCEEDED: self = .listenSucceeded(address: text, port: Int(a.port))
        default: return nil
        }
    }
}
