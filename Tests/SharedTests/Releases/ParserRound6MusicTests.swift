import Core
import Testing

/// Music shapes from issue 14's sixth parser round. Rows marked "seen in FlexGet" are names FlexGet's music-parser
/// tests assert (flexget tests/test_music_parser.py); the rest are made up here for the same class, near misses included.
@Suite struct ParserRound6MusicTests {
    /// The format in a bracket in front of the artist: it makes an unmarked name music, and it is the release's format.
    static let leadingFormat: [ParserCase] = [
        // seen in FlexGet
        .init(name: "[FLAC] Godspeed you! Black emperor - Asunder, Sweet and Other Distress ",
              title: "Godspeed you! Black emperor - Asunder, Sweet and Other Distress",
              artist: "Godspeed you! Black emperor", album: "Asunder, Sweet and Other Distress", format: .flac, kind: .music),
        .init(name: "[MP3 320] Godspeed you! Black emperor - Asunder, Sweet and Other Distress",
              title: "Godspeed you! Black emperor - Asunder, Sweet and Other Distress",
              artist: "Godspeed you! Black emperor", album: "Asunder, Sweet and Other Distress", format: .mp3, bitrate: 320, kind: .music),
        .init(name: "[Pop,Chanson] Le Noiseur - Du Bout des Lèvres (2015) Mp3-320", title: "Le Noiseur - Du Bout des Lèvres", year: 2015,
              artist: "Le Noiseur", album: "Du Bout des Lèvres", format: .mp3, bitrate: 320, kind: .music),
        .init(name: "[V0] Artist Name - Album Name (2019)", title: "Artist Name - Album Name", year: 2019,
              artist: "Artist Name", album: "Album Name", format: .mp3, vbr: "V0", kind: .music),
        // The format after the album still wins over a bracket in front that says otherwise.
        .init(name: "[MP3] Artist Name - Album Name (2019) [FLAC]", title: "Artist Name - Album Name", year: 2019,
              artist: "Artist Name", album: "Album Name", format: .flac, kind: .music),
        // Near misses: a fansub group or a genre in front says nothing; an anime episode with a bracket of AAC stays video.
        .init(name: "[HorribleSubs] Show Name - 05 [AAC] [720p]", title: "Show Name", absolute: [5], kind: .episode),
        .init(name: "[Rock] Artist Name - Album Name", title: "Artist Name - Album Name", kind: .movie),
        .init(name: "[AAC] Show Name - 05 [720p]", title: "Show Name", absolute: [5], kind: .episode),
    ]

    /// A record's release type alone in its bracket after "Artist - Title" makes an unmarked name music (flannelfox's
    /// scenetools tests label names "[single]", "[ep]", "[compilation]"; Lidarr's "Jake Bugg - Jake Bugg (Album) [2012]");
    /// "[v0vbr]" is the V0 preset.
    static let releaseTypes: [ParserCase] = [
        .init(name: "Artist Name - Song Title (Single) (2020)", title: "Artist Name - Song Title", year: 2020,
              artist: "Artist Name", album: "Song Title", kind: .music),
        .init(name: "Artist Name - Album Title [EP] (2019)", title: "Artist Name - Album Title", year: 2019,
              artist: "Artist Name", album: "Album Title", kind: .music),
        .init(name: "Artist Name - Album Title (Compilation) (2020)", title: "Artist Name - Album Title", year: 2020,
              artist: "Artist Name", album: "Album Title", kind: .music),
        .init(name: "some.band - album.name [v0vbr]", title: "some band - album name", artist: "some band", album: "album name",
              format: .mp3, vbr: "V0", kind: .music),
        // Near misses: no dash before it, a word of the title, an episode's bracket, or a picture beside it.
        .init(name: "Movie Title (Single) 2020 1080p", title: "Movie Title", year: 2020, kind: .movie),
        .init(name: "The Single Life (2020)", title: "The Single Life", year: 2020, kind: .movie),
        .init(name: "Single.Parents.S01E01.720p.HDTV.x264-GRP", title: "Single Parents", season: 1, episodes: [1], kind: .episode),
        .init(name: "[Group] Show Name - 05 [Soundtrack]", title: "Show Name", absolute: [5], kind: .episode),
        .init(name: "Show Name - The Album (2019)", title: "Show Name - The Album", year: 2019, kind: .movie),
        .init(name: "Artist Name - Album Title (Album) (2019) [1080p]", title: "Artist Name - Album Title", year: 2019, kind: .movie),
    ]

    @Test(arguments: leadingFormat) func leadingFormatBracket(_ c: ParserCase) { c.check() }
    @Test(arguments: releaseTypes) func releaseTypeBracket(_ c: ParserCase) { c.check() }
}
