"""Fills an LCARS database (already migrated) with a large library for bench/library.sh:
20,000 movies, 1,000 shows x 100 episodes, 2,000 artists x 10 albums x 12 tracks, written
directly with SQL (the FTS triggers index them as the API's own inserts would).

    python3 bench/library_data.py PATH/lcars.db
"""
import json
import random
import sqlite3
import sys
import time
import uuid

ADJECTIVES = ["Star", "Dark", "Lost", "Silent", "Golden", "Broken", "Hidden", "Final", "Crimson", "Frozen",
              "Electric", "Wild", "Distant", "Iron", "Secret", "Burning", "Endless", "Quiet", "Savage", "Bright"]
NOUNS = ["Trek", "River", "Night", "Empire", "Harbor", "Signal", "Voyage", "Garden", "Machine", "Kingdom",
         "Horizon", "Witness", "Orbit", "Legacy", "Frontier", "Shadow", "Station", "Protocol", "Summer", "Code"]
GENRES = ["Drama", "Comedy", "Action", "Science Fiction", "Thriller", "Documentary", "Animation", "Horror"]
STATUSES = ["missing"] * 6 + ["available"] * 3 + ["downloading"]
rng = random.Random(4)


def title(i):
    return f"{rng.choice(ADJECTIVES)} {rng.choice(NOUNS)}" + ("" if i % 3 else f" {i % 7 + 2}")


def sentence(words=14):
    return " ".join(rng.choice(ADJECTIVES + NOUNS).lower() for _ in range(words)).capitalize() + "."


def movies(db):
    db.executemany("""INSERT INTO movies (tmdb_id, imdb_id, title, original_title, year, overview, poster_path, backdrop_path,
                      runtime_minutes, genres, status, monitored, quality_limit) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)""",
                   ((i, f"tt{1000000 + i}", t, t, 1950 + i % 75, sentence(), f"https://image.tmdb.org/t/p/w500/p{i}.jpg",
                     f"https://image.tmdb.org/t/p/w1280/b{i}.jpg", 80 + i % 90, json.dumps(rng.sample(GENRES, 2)),
                     rng.choice(STATUSES), i % 4 != 0, "1080p") for i, t in ((i, title(i)) for i in range(1, 20001))))


def shows(db):
    db.executemany("""INSERT INTO tv_shows (id, tmdb_id, imdb_id, title, original_title, year_start, overview, poster_path,
                      status) VALUES (?,?,?,?,?,?,?,?,?)""",
                   ((i, 100000 + i, f"tt{2000000 + i}", title(i), None, 1990 + i % 35, sentence(),
                     f"https://image.tmdb.org/t/p/w500/s{i}.jpg", rng.choice(["continuing", "ended"])) for i in range(1, 1001)))
    db.executemany("""INSERT INTO episodes (show_id, tmdb_id, season_number, episode_number, title, overview, air_date,
                      runtime_minutes, still_path, status) VALUES (?,?,?,?,?,?,?,?,?,?)""",
                   ((show, show * 1000 + s * 100 + e, s, e, f"Episode {s}.{e}", sentence(20), f"20{s + 10}-0{e % 9 + 1}-1{e % 10}",
                     44, f"https://image.tmdb.org/t/p/w300/e{show}-{s}-{e}.jpg", rng.choice(STATUSES))
                    for show in range(1, 1001) for s in range(1, 6) for e in range(1, 21)))


def music(db):
    db.executemany("""INSERT INTO artists (id, mbid, name, sort_name, artist_type, country, begin_date) VALUES (?,?,?,?,?,?,?)""",
                   ((a, str(uuid.UUID(int=rng.getrandbits(128))), title(a), None, "group", "GB", str(1950 + a % 70))
                    for a in range(1, 2001)))
    db.executemany("""INSERT INTO albums (id, mbid, artist_id, title, album_type, release_date, total_tracks, release_mbid, status)
                      VALUES (?,?,?,?,?,?,?,?,?)""",
                   ((a * 10 + n, str(uuid.UUID(int=rng.getrandbits(128))), a, title(n), "album", f"{1960 + n * 5}-01-01", 12,
                     str(uuid.UUID(int=rng.getrandbits(128))), "missing") for a in range(1, 2001) for n in range(10)))
    db.executemany("""INSERT INTO tracks (album_id, artist_id, title, track_number, disc_number, duration_ms, mbid) VALUES (?,?,?,?,?,?,?)""",
                   ((album, album // 10, title(t), t, 1, 180000 + t * 1000, str(uuid.UUID(int=rng.getrandbits(128))))
                    for album in range(10, 20010) for t in range(1, 13)))


def main(path):
    started = time.monotonic()
    db = sqlite3.connect(path)
    db.execute("PRAGMA synchronous = OFF")
    with db:
        movies(db)
        shows(db)
        music(db)
    db.close()
    print(f"generated 20,000 movies, 1,000 shows x 100 episodes, 2,000 artists x 10 albums x 12 tracks "
          f"in {time.monotonic() - started:.1f} s", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1])
