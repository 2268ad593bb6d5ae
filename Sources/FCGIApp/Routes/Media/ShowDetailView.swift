import Core
import Persistence

/// `GET /api/tv/:id` (and the add, update and refresh answers): the show with its seasons, written
/// straight from the records — no EpisodeView per episode, no grouping dictionary. Its JSON is
/// `ShowView` with `SeasonView.group` of the episodes (its `encode(to:)` is exactly that, and
/// JSONWriterTests compares the two).
struct ShowDetailView: Encodable, JSONWritable {
    let show: ShowRecord
    /// By season, then as they came: `ShowStore.showWithEpisodes` reads them by season and
    /// episode; anything else is put in that order as `SeasonView.group` would (stable).
    let episodes: [EpisodeRecord]

    init(show: ShowRecord, episodes: [EpisodeRecord]) {
        self.show = show
        let ordered = zip(episodes, episodes.dropFirst()).allSatisfy { $0.seasonNumber <= $1.seasonNumber }
        self.episodes = ordered ? episodes
            : episodes.enumerated().sorted { ($0.element.seasonNumber, $0.offset) < ($1.element.seasonNumber, $1.offset) }.map(\.element)
    }

    func encode(to encoder: any Encoder) throws {
        try ShowView(show, seasons: SeasonView.group(episodes.map(EpisodeView.init))).encode(to: encoder)
    }

    func writeJSON(to w: inout JSONWriter) {
        let s = show
        w.object { w in
            w.isoTimeField("added_at", s.addedAt); w.tmdbImageField("backdrop_path", s.backdropPath); w.field("id", s.id)
            w.field("imdb_id", s.imdbID); w.field("monitored", s.monitored); w.field("original_title", s.originalTitle)
            w.field("overview", s.overview); w.tmdbImageField("poster_path", s.posterPath); w.field("quality_limit", s.qualityLimit)
            w.key("seasons")
            w.array(seasonRanges) { w, range in writeSeason(episodes[range], to: &w) }
            w.field("status", s.status.rawValue); w.field("title", s.title); w.field("tmdb_id", s.tmdbID)
            w.field("year_end", s.yearEnd); w.field("year_start", s.yearStart)
        }
    }

    /// The runs of one season each, in order.
    private var seasonRanges: [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = 0
        for index in episodes.indices.dropFirst() where episodes[index].seasonNumber != episodes[index - 1].seasonNumber {
            ranges.append(start..<index)
            start = index
        }
        if !episodes.isEmpty { ranges.append(start..<episodes.count) }
        return ranges
    }

    private func writeSeason(_ list: ArraySlice<EpisodeRecord>, to w: inout JSONWriter) {
        w.object { w in
            w.field("available_count", list.reduce(0) { $0 + ($1.status == .available ? 1 : 0) })
            w.field("episode_count", list.count)
            w.key("episodes")
            w.array(list) { EpisodeView.write($1, to: &$0) }
            w.field("season_number", list.first?.seasonNumber ?? 0)
        }
    }
}

extension EpisodeView {
    /// `EpisodeView(e)`'s JSON, written from the record without making the view.
    static func write(_ e: EpisodeRecord, to w: inout JSONWriter) {
        w.object { w in
            w.field("air_date", e.airDate); w.field("episode_number", e.episodeNumber); w.field("file_path", e.filePath)
            w.field("file_size", e.fileSize); w.field("id", e.id); w.field("media_info", e.mediaInfo); w.field("monitored", e.monitored)
            w.field("overview", e.overview); w.field("runtime_minutes", e.runtimeMinutes); w.field("season_number", e.seasonNumber)
            w.field("show_id", e.showID); w.field("status", e.status.rawValue); w.tmdbImageField("still_path", e.stillPath)
            w.field("title", e.title); w.field("tmdb_id", e.tmdbID)
        }
    }
}
