import Core

/// The views `GET /api/tv/:id` and the list pages answer, written by `JSONWriter` (a show is
/// 100+ episodes of 15 fields). Keys in alphabetical order; JSONWriterTests holds each to
/// JSONEncoder's bytes for the same value.

extension PageView: JSONWritable where Item: JSONWritable {
    func writeJSON(to w: inout JSONWriter) {
        w.object { w in
            w.field("items", items); w.field("page", page); w.field("pages", pages); w.field("total", total)
        }
    }
}

extension ShowView: JSONWritable {
    func writeJSON(to w: inout JSONWriter) {
        w.object { w in
            w.field("added_at", added_at); w.field("backdrop_path", backdrop_path); w.field("id", id)
            w.field("imdb_id", imdb_id); w.field("monitored", monitored); w.field("original_title", original_title)
            w.field("overview", overview); w.field("poster_path", poster_path); w.field("quality_limit", quality_limit)
            w.field("seasons", seasons); w.field("status", status); w.field("title", title); w.field("tmdb_id", tmdb_id)
            w.field("year_end", year_end); w.field("year_start", year_start)
        }
    }
}

extension SeasonView: JSONWritable {
    func writeJSON(to w: inout JSONWriter) {
        w.object { w in
            w.field("available_count", available_count); w.field("episode_count", episode_count)
            w.field("episodes", episodes); w.field("season_number", season_number)
        }
    }
}

extension EpisodeView: JSONWritable {
    func writeJSON(to w: inout JSONWriter) {
        w.object { w in
            w.field("air_date", air_date); w.field("episode_number", episode_number); w.field("file_path", file_path)
            w.field("file_size", file_size); w.field("id", id); w.field("media_info", media_info); w.field("monitored", monitored)
            w.field("overview", overview); w.field("runtime_minutes", runtime_minutes); w.field("season_number", season_number)
            w.field("show_id", show_id); w.field("status", status); w.field("still_path", still_path); w.field("title", title)
            w.field("tmdb_id", tmdb_id)
        }
    }
}

extension MediaFileInfo: JSONWritable {
    func writeJSON(to w: inout JSONWriter) {
        w.object { w in
            w.field("audio_codec", audioCodec); w.field("container", container); w.field("duration_seconds", durationSeconds)
            w.field("height", height); w.field("video_codec", videoCodec); w.field("width", width)
        }
    }
}
