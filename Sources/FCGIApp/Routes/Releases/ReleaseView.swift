import Foundation
import Core
import Releases

/// A ranked release as the API shows it (spec: Release, plus ranking): `id` is the release_id the
/// download routes take. `magnet` is null for sites whose magnet is read from the release's page
/// when it is downloaded (1337x, Rutracker) or that link a .torrent (`download_url`). Links and
/// magnets are shown with their secrets masked (passkeys, API keys, tracker URLs: SecretMask).
struct ReleaseView: Encodable {
    let id: String
    let title: String
    let indexer: String
    let indexers: [String]
    let info_hash: String?
    let magnet: String?
    let download_url: String?
    let details_url: String?
    let size_bytes: Int64?
    let seeders: Int?
    let leechers: Int?
    let quality: String
    let source: String
    let codec: String?
    let audio: String?
    let group: String?
    let proper: Bool
    let repack: Bool
    let music_quality: String?
    let uploaded_at: String?
    let score: Int
    let reasons: [String]
    let rejected: Bool
    let rejections: [Rejection]

    init(id: String, _ r: RankedRelease, music: Bool) {
        let c = r.candidate, p = r.parsed
        self.id = id
        title = c.title
        indexer = c.indexer
        indexers = c.indexers ?? [c.indexer]
        info_hash = c.infoHash
        magnet = c.magnet.map(SecretMask.magnet)
        download_url = c.magnet == nil ? c.downloadURL.map(SecretMask.url) : nil
        details_url = c.detailsURL.map(SecretMask.url)
        size_bytes = c.sizeBytes
        seeders = c.seeders
        leechers = c.leechers
        quality = p.quality.rawValue
        source = p.source.rawValue
        codec = p.codec
        audio = p.audio
        group = p.group
        proper = p.proper
        repack = p.repack
        music_quality = music ? MusicQuality(p).rawValue : nil
        uploaded_at = c.uploadedAt
        score = r.score
        reasons = r.reasons
        rejected = r.rejected
        rejections = r.rejections
    }
}
