-- What ffprobe read from a placed movie or episode file (post-processing): JSON
-- {duration_seconds, video_codec, audio_codec, width, height, container}; NULL without a file.
ALTER TABLE movies ADD COLUMN media_info TEXT;
ALTER TABLE episodes ADD COLUMN media_info TEXT;
