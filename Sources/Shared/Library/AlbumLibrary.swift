import Metadata
import Persistence

/// Loads an album's tracks: the release group's releases, the canonical one (CanonicalRelease),
/// its tracklist (media → tracks: disc, position, length, recording MBID) and the front cover
/// from the Cover Art Archive. Known tracks keep their status and file; tracks that vanished
/// from the tracklist are removed unless they have a file. One transaction (AlbumStore), after the lookups.
public struct AlbumLibrary {
    let albums: AlbumStore
    let musicBrainz: MusicBrainzClient

    public init(database: AppDatabase, musicBrainz: MusicBrainzClient) {
        self.albums = database.albums
        self.musicBrainz = musicBrainz
    }

    /// Whether the album's tracks were loaded before (its release is known).
    public func tracksLoaded(albumID: Int64) throws -> Bool {
        try albums.tracksLoaded(albumID: albumID)
    }

    /// `isRefresh`: whether this is a refresh worth an activity row (a first GET is not).
    public func loadTracks(albumID: Int64, userID: Int64?, isRefresh: Bool) throws {
        let groupMBID = try albums.tracklistSource(ofAlbum: albumID).releaseGroupMBID
        let chosen = CanonicalRelease.choose(try musicBrainz.releases(ofReleaseGroup: groupMBID))
        let release = try chosen.map { try musicBrainz.release($0.id) }
        let cover = try musicBrainz.cover(ofReleaseGroup: groupMBID)
        try albums.storeTracklist(albumID: albumID, tracklist(release, cover: cover), isRefresh: isRefresh, by: userID)
    }

    func tracklist(_ release: MBRelease?, cover: String?) -> AlbumTracklist {
        let tracks = (release?.media ?? []).flatMap { medium in
            (medium.tracks ?? []).map { track in
                AlbumTracklist.Track(disc: medium.position ?? 1, position: track.position, title: track.title,
                                     recordingMBID: track.recording?.id, durationMs: track.length)
            }
        }
        return AlbumTracklist(releaseMBID: release?.id, trackCount: release?.trackCount, tracks: tracks, coverURL: cover)
    }
}
