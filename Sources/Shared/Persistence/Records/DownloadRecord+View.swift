import Core

/// The API model of a row.
extension DownloadView {
    public init(_ r: DownloadRecord) {
        self.init(id: r.id ?? 0,
                  info_hash: r.infoHash,
                  name: r.name,
                  media_type: r.mediaType,
                  media_id: r.mediaId,
                  magnet: r.magnet,
                  status: r.status,
                  progress: r.progress,
                  download_speed: r.downloadSpeed,
                  upload_speed: r.uploadSpeed,
                  size_bytes: r.sizeBytes,
                  downloaded_bytes: r.downloadedBytes,
                  uploaded_bytes: r.uploadedBytes,
                  ratio: r.ratio,
                  peers: r.peers,
                  seeds: r.seeds,
                  eta_seconds: r.etaSeconds,
                  seeding_seconds: r.seedingSeconds,
                  paused_by: r.pauseReason,
                  error_message: r.errorMessage,
                  added_at: SQLiteTime.iso8601(r.addedAt),
                  started_at: r.startedAt.map(SQLiteTime.iso8601),
                  completed_at: r.completedAt.map(SQLiteTime.iso8601))
    }
}
