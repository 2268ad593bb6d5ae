import Foundation

/// "Band of Brothers - 109 - Warum Wir Kämpfen (2001)", "Duckman - 101 (01) - I, Duckman", "One Piece - 102": a three-digit
/// number between spaced dashes in a name no fansub signs is read two ways, and both are kept. guessit, tinyMediaManager and
/// Kodi read it as season 1's episode 9 (the "109" naming of TV files); Sonarr's parser does too outside anime, while its
/// anime tests count from the series' start ("Series Title - 100 - Mest"), which stays the absolute number.
/// Only for a number without a leading zero whose last two digits are an episode ("- 100 -" and "- 050 -" stay absolute
/// only), with no square bracket anywhere (a fansub's group or CRC makes the name anime's), and no season (a folder's
/// included), date or group read.
enum SpacedCompactEpisodes {
    /// `r` is the whole name's reading, folders merged ("Season 2/Show - 101.mkv" is season 2's episode 101, not this);
    /// `fileName` the last path component.
    static func apply(_ r: inout ParsedRelease, fileName: String) {
        guard r.kind != .music, r.seasons.isEmpty, r.episodes.isEmpty, r.airDate == nil, r.group == nil, r.absoluteEpisodes.count == 1,
              let n = r.absoluteEpisodes.first, (101...999).contains(n), n % 100 >= 1 else { return }
        let t = ReleaseTokenizer.tokenize(ReleaseNameInput.normalize(fileName))
        guard !t.contains(where: { $0.gap.has("[") || $0.gap.has("]") }),
              let i = t.firstIndex(where: { $0.number == n && $0.lower.utf8.count == 3 }),
              MusicNameParser.isSpacedDash(t[i]) else { return }
        r.seasons = [n / 100]
        r.season = n / 100
        r.episodes = [n % 100]
        r.episode = n % 100
    }
}
