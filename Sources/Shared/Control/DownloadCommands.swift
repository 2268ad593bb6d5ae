import Foundation
import Core

/// Arguments and results of lcarsd's download commands (docs/ipc.md), shared by the daemon
/// that answers them and the responders that ask.
public enum DownloadCommand {
    public static let add = "downloads.add"
    public static let list = "downloads.list"
    public static let get = "downloads.get"
    public static let files = "downloads.files"
    public static let pause = "downloads.pause"
    public static let resume = "downloads.resume"
    public static let retry = "downloads.retry"
    public static let remove = "downloads.remove"

    /// `downloads.add`: exactly one of `magnet` or `torrent` (the .torrent file, base64).
    /// `user_id` is who asked (the responders set it): it goes into the `download_added` activity row.
    public struct AddArgs: Codable, Sendable {
        public var magnet: String?
        public var torrent: String?
        public var media: MediaReference?
        public var seed_ratio_limit: Double?
        public var seed_time_limit_hours: Double?
        public var user_id: Int64?
        public init(magnet: String? = nil, torrent: String? = nil, media: MediaReference? = nil,
                    seed_ratio_limit: Double? = nil, seed_time_limit_hours: Double? = nil, user_id: Int64? = nil) {
            self.magnet = magnet
            self.torrent = torrent
            self.media = media
            self.seed_ratio_limit = seed_ratio_limit
            self.seed_time_limit_hours = seed_time_limit_hours
            self.user_id = user_id
        }
    }

    /// `downloads.get|files|pause|resume|retry|remove`.
    public struct IDArgs: Codable, Sendable {
        public var id: Int64
        public var delete_files: Bool?
        public init(id: Int64, delete_files: Bool? = nil) {
            self.id = id
            self.delete_files = delete_files
        }
    }

    /// `downloads.list`.
    public struct ListArgs: Codable, Sendable {
        public var status: DownloadStatus?
        public init(status: DownloadStatus? = nil) { self.status = status }
    }

    /// One file of a torrent, as `downloads.files` reports it.
    public struct FileView: Codable, Sendable, Equatable {
        public var index: Int
        public var path: String
        public var size_bytes: Int64
        public var downloaded_bytes: Int64
        public var progress: Double
        public init(index: Int, path: String, size_bytes: Int64, downloaded_bytes: Int64) {
            self.index = index
            self.path = path
            self.size_bytes = size_bytes
            self.downloaded_bytes = downloaded_bytes
            progress = size_bytes > 0 ? Double(downloaded_bytes) / Double(size_bytes) : 1
        }
    }

    /// `downloads.remove` result.
    public struct RemoveResult: Codable, Sendable {
        public var success: Bool
        public var deleted_files: Bool
        public init(success: Bool, deleted_files: Bool) {
            self.success = success
            self.deleted_files = deleted_files
        }
    }

    /// The download commands' error codes by the names the responders match on (`ControlErrorCode`
    /// is the vocabulary; these are its raw values).
    public enum ErrorCode {
        public static let invalidMagnet = ControlErrorCode.invalidMagnet.rawValue
        public static let invalidTorrent = ControlErrorCode.invalidTorrent.rawValue
        public static let invalidArgument = ControlErrorCode.invalidArgument.rawValue
        public static let duplicate = ControlErrorCode.duplicate.rawValue
        public static let notFound = ControlErrorCode.notFound.rawValue
        public static let conflict = ControlErrorCode.conflict.rawValue
    }
}
