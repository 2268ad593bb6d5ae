import Core
import Persistence

/// The items of `GET /api/movies` and `GET /api/tv`: what a poster card of a list needs (title,
/// year, poster, status, monitoring), not the whole item — the overview, genres, files and seasons
/// stay with `GET /:id`. A page of 50 is a fifth of the bytes it was, and a fifth of the work.
/// docs/api.md ("Lists") and docs/openapi.yaml (`MovieListItem`, `ShowListItem`) name the fields.
/// The routes write pages straight from the summaries (`write`, through `ListPage`); the structs
/// are the same answer as JSONEncoder gives it, which JSONWriterTests holds `write` to.

struct MovieListItem: Encodable {
    let id: Int64, tmdb_id: Int64, title: String, year: Int, poster_path: String?
    let status: String, monitored: Bool, quality_limit: String, added_at: String

    init(_ m: MovieSummary) {
        id = m.id; tmdb_id = m.tmdbID; title = m.title; year = m.year; poster_path = ViewFormatting.tmdbImage(m.posterPath)
        status = m.status.rawValue; monitored = m.monitored; quality_limit = m.qualityLimit
        added_at = SQLiteTime.iso8601(m.addedAt)
    }

    /// This item's JSON, written from the summary without making the item (`ListPage` pages).
    static func write(_ m: MovieSummary, to w: inout JSONWriter) {
        w.object { w in
            w.isoTimeField("added_at", m.addedAt); w.field("id", m.id); w.field("monitored", m.monitored)
            w.tmdbImageField("poster_path", m.posterPath); w.field("quality_limit", m.qualityLimit); w.field("status", m.status.rawValue)
            w.field("title", m.title); w.field("tmdb_id", m.tmdbID); w.field("year", m.year)
        }
    }
}

struct ShowListItem: Encodable {
    let id: Int64, tmdb_id: Int64, title: String, year_start: Int?, year_end: Int?, poster_path: String?
    let status: String, monitored: Bool, quality_limit: String, added_at: String

    init(_ s: ShowSummary) {
        id = s.id; tmdb_id = s.tmdbID; title = s.title; year_start = s.yearStart; year_end = s.yearEnd
        poster_path = ViewFormatting.tmdbImage(s.posterPath); status = s.status.rawValue; monitored = s.monitored
        quality_limit = s.qualityLimit; added_at = SQLiteTime.iso8601(s.addedAt)
    }

    /// This item's JSON, written from the summary without making the item.
    static func write(_ s: ShowSummary, to w: inout JSONWriter) {
        w.object { w in
            w.isoTimeField("added_at", s.addedAt); w.field("id", s.id); w.field("monitored", s.monitored)
            w.tmdbImageField("poster_path", s.posterPath); w.field("quality_limit", s.qualityLimit); w.field("status", s.status.rawValue)
            w.field("title", s.title); w.field("tmdb_id", s.tmdbID); w.field("year_end", s.yearEnd); w.field("year_start", s.yearStart)
        }
    }
}
