import Core

/// The one view the media writers (`ShowDetailView`, `EpisodeView.write`) embed as it is, written
/// by `JSONWriter`: keys in alphabetical order, as JSONEncoder gives them (JSONWriterTests).

extension MediaFileInfo: JSONWritable {
    func writeJSON(to w: inout JSONWriter) {
        w.object { w in
            w.field("audio_codec", audioCodec); w.field("container", container); w.field("duration_seconds", durationSeconds)
            w.field("height", height); w.field("video_codec", videoCodec); w.field("width", width)
        }
    }
}
