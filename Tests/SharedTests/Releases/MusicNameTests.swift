import Testing
@testable import Shared

/// Music names: "Artist - Album (Year) [Format]", scene "Artist-Album-WEB-2020-GRP", discographies.
@Suite struct MusicNameTests {
    static let cases: [ParserCase] = [
        .init(name: "Kendrick Lamar - DAMN. (2017) [FLAC 24bit-96kHz]", title: "Kendrick Lamar - DAMN", year: 2017, artist: "Kendrick Lamar", album: "DAMN", format: .flac, sampleRate: 96000, bitDepth: 24, kind: .music),
        .init(name: "Linkin Park - Hybrid Theory (2000) [MP3 V0]", title: "Linkin Park - Hybrid Theory", year: 2000, artist: "Linkin Park", album: "Hybrid Theory", format: .mp3, vbr: "V0"),
        .init(name: "Adele - 25 (2015) [MP3 320kbps]", title: "Adele - 25", year: 2015, artist: "Adele", album: "25", format: .mp3, bitrate: 320, kind: .music),
        .init(name: "Daft Punk - Random Access Memories (2013) [24-88.2] FLAC", title: "Daft Punk - Random Access Memories", artist: "Daft Punk", format: .flac, sampleRate: 88200, bitDepth: 24),
        .init(name: "Radiohead - OK Computer (1997) [FLAC] {CD}", title: "Radiohead - OK Computer", year: 1997, format: .flac, musicSource: "CD"),
        .init(name: "Pink Floyd - The Dark Side of the Moon (1973) [Vinyl] [24bit/96kHz FLAC]", title: "Pink Floyd - The Dark Side of the Moon", album: "The Dark Side of the Moon", format: .flac, sampleRate: 96000, bitDepth: 24, musicSource: "Vinyl"),
        .init(name: "Metallica - Discography 1983-2016 (MP3 320)", title: "Metallica", year: 1983, artist: "Metallica", format: .mp3, bitrate: 320, discography: true),
        .init(name: "The_Beatles-Abbey_Road-Remastered-CD-FLAC-2009-GRP", title: "The Beatles - Abbey Road", year: 2009, group: "GRP", artist: "The Beatles", album: "Abbey Road", format: .flac, musicSource: "CD"),
        .init(name: "Artist-Album_Title-WEB-2021-GRP", title: "Artist - Album Title", year: 2021, group: "GRP", artist: "Artist", album: "Album Title", musicSource: "WEB", kind: .music),
        .init(name: "Artist.-.Album.2008.MP3.192kbps", title: "Artist - Album", year: 2008, artist: "Artist", album: "Album", format: .mp3, bitrate: 192),
        .init(name: "VA - Now That's What I Call Music 100 (2018) MP3", title: "VA - Now That's What I Call Music 100", artist: "VA", format: .mp3),
        .init(name: "Taylor Swift - Folk (Tribute) (2020) [320]", title: "Taylor Swift - Folk", artist: "Taylor Swift", bitrate: 320),
        .init(name: "Beyonce - Lemonade (2016) [ALAC]", title: "Beyonce - Lemonade", format: .alac),
        .init(name: "Miles Davis - Kind of Blue (1959) [SACD] [DSD64]", title: "Miles Davis - Kind of Blue", format: .dsd, musicSource: "SACD"),
        .init(name: "Artist - Album (2019) [16Bit-44.1kHz] [WEB FLAC]", title: "Artist - Album", format: .flac, sampleRate: 44100, bitDepth: 16, musicSource: "WEB"),
        .init(name: "Artist - Album [2019] [OGG]", title: "Artist - Album", year: 2019, format: .ogg),
        .init(name: "Artist - Album - 2019 - AAC 256", title: "Artist - Album", year: 2019, format: .aac, bitrate: 256, hint: .music),
        .init(name: "Artist - Album (Deluxe Edition) (2020) [FLAC]", title: "Artist - Album", year: 2020, album: "Album"),
        .init(name: "Bob Dylan - The Complete Album Collection Vol. 1 (2013) [FLAC]", title: "Bob Dylan - The Complete Album Collection Vol. 1", discography: true),
        .init(name: "Artist - Album (2021) 24bit 192kHz FLAC", title: "Artist - Album", format: .flac, sampleRate: 192000, bitDepth: 24),
        .init(name: "Artist - Album (2021) [FLAC 24-192]", title: "Artist - Album", sampleRate: 192000, bitDepth: 24),
        .init(name: "Artist - Album (2021) [FLAC 16-44]", title: "Artist - Album", sampleRate: 44100, bitDepth: 16),
        .init(name: "Artist - Album (2021) 48kHz 24bit WAV", title: "Artist - Album", format: .wav, sampleRate: 48000, bitDepth: 24),
        .init(name: "Artist - Album (2021) [MP3 V2]", title: "Artist - Album", vbr: "V2"),
        .init(name: "Artist - Album (2021) [MP3 128 kbps]", title: "Artist - Album", bitrate: 128),
        .init(name: "Artist - Album (2021) [AAC 256kbps] iTunes", title: "Artist - Album", format: .aac, bitrate: 256),
        .init(name: "Artist - Album (2021) [Opus]", title: "Artist - Album", format: .opus, hint: .music),
        .init(name: "Artist - Album (2021) [APE]", title: "Artist - Album", format: .ape),
        .init(name: "Artist - Complete Discography (1990-2020) [FLAC]", title: "Artist", artist: "Artist", discography: true),
        .init(name: "Artist - Album (2005) [Vinyl Rip 24-96]", title: "Artist - Album", sampleRate: 96000, bitDepth: 24, musicSource: "Vinyl"),
        .init(name: "AC-DC - Back in Black (1980) [FLAC]", title: "AC-DC - Back in Black", artist: "AC-DC", album: "Back in Black"),
        .init(name: "Jay-Z - The Blueprint (2001) [320]", title: "Jay-Z - The Blueprint", artist: "Jay-Z"),
        .init(name: "Artist Name - Album Name (2019) WEB FLAC", title: "Artist Name - Album Name", musicSource: "WEB", hint: .music),
        .init(name: "Artist Name - Album Name", title: "Artist Name - Album Name", artist: "Artist Name", album: "Album Name", hint: .music),
    ]

    @Test(arguments: cases) func parses(_ c: ParserCase) { c.check() }
}
