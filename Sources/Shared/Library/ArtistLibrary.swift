import Metadata
import Persistence

/// Adds and refreshes artists from MusicBrainz: the artist and its release groups of the
/// configured primary types (`musicbrainz.album_types`) as albums. Tracks come later, per album
/// (AlbumLibrary). All MusicBrainz requests happen first; the write is one transaction (ArtistStore).
public struct ArtistLibrary {
    let artists: ArtistStore
    let musicBrainz: MusicBrainzClient

    public init(database: AppDatabase, musicBrainz: MusicBrainzClient) {
        self.artists = database.artists
        self.musicBrainz = musicBrainz
    }

    public func add(mbid rawMBID: String, monitored: Bool, qualityLimit: String, userID: Int64?) throws -> Int64 {
        let mbid = try MBID.require(rawMBID, field: "mbid")
        try artists.ensureAbsent(mbid: mbid)
        let artist = try musicBrainz.artist(mbid)
        let groups = try musicBrainz.releaseGroups(ofArtist: mbid, types: musicBrainz.config.albumTypes)
        return try artists.insert(from: details(artist), albums: groups.map(album), monitored: monitored,
                                  qualityLimit: qualityLimit, addedBy: userID)
    }

    /// Updates the artist, adds its new release groups, updates the titles/dates of known ones.
    public func refresh(id: Int64, userID: Int64?) throws {
        let mbid = try artists.refreshSource(ofArtist: id).mbid
        let artist = try musicBrainz.artist(mbid)
        let groups = try musicBrainz.releaseGroups(ofArtist: mbid, types: musicBrainz.config.albumTypes)
        try artists.refresh(id: id, from: details(artist), albums: groups.map(album), by: userID)
    }

    func album(_ group: MBReleaseGroup) -> AlbumMetadata {
        AlbumMetadata(mbid: group.id, title: group.title, albumType: group.primaryType?.lowercased(),
                      releaseDate: MetadataText.nonEmpty(group.firstReleaseDate))
    }

    func details(_ a: MBArtist) -> ArtistMetadata {
        ArtistMetadata(mbid: a.id, name: a.name, sortName: MetadataText.nonEmpty(a.sortName),
                       disambiguation: MetadataText.nonEmpty(a.disambiguation), artistType: a.type?.lowercased(),
                       country: MetadataText.nonEmpty(a.country), beginDate: MetadataText.nonEmpty(a.lifeSpan?.begin),
                       endDate: MetadataText.nonEmpty(a.lifeSpan?.end))
    }
}
