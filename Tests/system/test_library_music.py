"""Music through the real stack: MusicBrainz search (escaped Lucene), artists with their albums
(primary-type filter, paging through 150 release groups), tracks loaded on an album's first GET
from the canonical release (multi-disc), cover art, tracks, deletion cascading."""
import pytest

from conftest import sql

PILOTS = "a1a1a1a1-0000-4000-8000-000000000001"
PROLIFIC = "b2b2b2b2-0000-4000-8000-000000000002"
FIRST_FLIGHT = "c3c3c3c3-0000-4000-8000-000000000101"
CANONICAL = "d4d4d4d4-0000-4000-8000-000000000202"


@pytest.fixture(scope="module")
def pilots(library_stack, lib_user):
    r = library_stack.api("POST", "/api/artists", token=lib_user, json={"mbid": PILOTS})
    assert r.status_code == 201, r.text
    return r.json()


def test_artist_search_escapes_lucene_and_flags_library(library_stack, lib_user, pilots, services):
    r = library_stack.session.get(library_stack.base_url + "/api/search/musicbrainz/artists", params={"q": 'AC/DC (live) AND "x"'},
                                  headers={"Authorization": f"Bearer {lib_user}"})
    assert r.status_code == 200, r.text
    by_mbid = {a["mbid"]: a for a in r.json()}
    assert by_mbid[PILOTS]["in_library"] is True and by_mbid[PILOTS]["library_id"] == pilots["id"]
    assert by_mbid[PROLIFIC]["in_library"] is False and by_mbid[PILOTS]["score"] == 100
    sent = services.arrivals("/mb/ws/2/artist")[-1]
    assert sent.query["query"] == r'artist:(AC\/DC \(live\) and \"x\")' and sent.query["fmt"] == "json"
    assert sent.headers["user-agent"] == "LCARS/0.1.0 ( tests@example.org )"


def test_album_search(library_stack, lib_user, pilots, services):
    r = library_stack.api("GET", f"/api/search/musicbrainz/albums?q=first%20flight&artist_mbid={PILOTS}", token=lib_user)
    assert r.status_code == 200, r.text
    hit = r.json()[0]
    assert hit["mbid"] == FIRST_FLIGHT and hit["artist"] == "The Test Pilots" and hit["in_library"] is True
    assert services.arrivals("/mb/ws/2/release-group")[-1].query["query"] == f"releasegroup:(first flight) AND arid:{PILOTS}"
    assert library_stack.api("GET", "/api/search/musicbrainz/albums?q=x&artist_mbid=nope", token=lib_user).status_code == 400


def test_artist_has_albums_of_the_configured_types(pilots):
    assert pilots["name"] == "The Test Pilots" and pilots["sort_name"] == "Test Pilots, The"
    assert pilots["artist_type"] == "group" and pilots["country"] == "GB" and pilots["begin_date"] == "1995"
    types = sorted(a["album_type"] for a in pilots["albums"])
    assert types == ["album", "album", "ep", "single"]   # the broadcast is not an album type by default
    assert all("tracks" not in a for a in pilots["albums"])


def test_artist_409_and_bad_mbid(library_stack, lib_user, pilots):
    r = library_stack.api("POST", "/api/artists", token=lib_user, json={"mbid": PILOTS})
    assert r.status_code == 409 and r.json()["error"]["existing_id"] == pilots["id"]
    assert library_stack.api("POST", "/api/artists", token=lib_user, json={"mbid": "../../etc"}).status_code == 422
    r = library_stack.api("POST", "/api/artists", token=lib_user, json={"mbid": "00000000-0000-4000-8000-000000000000"})
    assert r.status_code == 404 and "MusicBrainz" in r.json()["error"]["message"]


def test_artist_with_150_release_groups_pages_through_them(library_stack, lib_user, services):
    services.clear()
    r = library_stack.api("POST", "/api/artists", token=lib_user, json={"mbid": PROLIFIC, "quality_limit": "320"}, timeout=30)
    assert r.status_code == 201, r.text
    assert len(r.json()["albums"]) == 150 and r.json()["albums"][0]["quality_limit"] == "320"
    offsets = [a.query["offset"] for a in services.arrivals("/mb/ws/2/release-group")]
    assert offsets == ["0", "100"]
    page = library_stack.api("GET", f"/api/albums?artist_id={r.json()['id']}&limit=500", token=lib_user).json()
    assert page["total"] == 150


def test_first_get_of_an_album_loads_the_canonical_release(library_stack, lib_user, pilots, services):
    album_id = next(a["id"] for a in pilots["albums"] if a["mbid"] == FIRST_FLIGHT)
    r = library_stack.api("GET", f"/api/albums/{album_id}", token=lib_user)
    assert r.status_code == 200, r.text
    album = r.json()
    assert album["release_mbid"] == CANONICAL and album["total_tracks"] == 5
    assert album["cover_path"] == f"/api/images/caa/{FIRST_FLIGHT}"   # served from our origin
    assert [(t["disc_number"], t["track_number"], t["title"]) for t in album["tracks"]] == [
        (1, 1, "Preflight"), (1, 2, "Clearance"), (1, 3, "Ascent"), (2, 1, "Cruise"), (2, 2, "Final Approach")]
    assert album["tracks"][3]["mbid"] == "e5e5e5e5-0000-4000-8000-000000000201" and album["tracks"][3]["duration_ms"] == 182001
    before = len(services.arrivals("/mb/ws/2/"))
    assert len(library_stack.api("GET", f"/api/albums/{album_id}", token=lib_user).json()["tracks"]) == 5
    assert len(services.arrivals("/mb/ws/2/")) == before   # loaded once


def test_tracks_list_update_and_album_refresh_keep_files(library_stack, lib_user, pilots):
    album_id = next(a["id"] for a in pilots["albums"] if a["mbid"] == FIRST_FLIGHT)
    library_stack.api("GET", f"/api/albums/{album_id}", token=lib_user)
    page = library_stack.api("GET", f"/api/tracks?album_id={album_id}&limit=2", token=lib_user).json()
    assert page["total"] == 5 and page["pages"] == 3
    track = page["items"][0]
    r = library_stack.api("PUT", f"/api/tracks/{track['id']}", token=lib_user, json={"monitored": False})
    assert r.status_code == 200 and r.json()["monitored"] is False
    assert library_stack.api("GET", "/api/tracks?search=x", token=lib_user).status_code == 400
    sql(library_stack, "UPDATE tracks SET file_path = '/library/music/1.flac', status = 'available' WHERE id = ?", track["id"])
    r = library_stack.api("POST", f"/api/albums/{album_id}/refresh", token=lib_user)
    assert r.status_code == 200, r.text
    kept = next(t for t in r.json()["tracks"] if t["id"] == track["id"])
    assert kept["file_path"] == "/library/music/1.flac" and kept["monitored"] is False and kept["status"] == "available"


def test_album_without_cover_or_releases(library_stack, lib_user, pilots):
    runway = next(a for a in pilots["albums"] if a["album_type"] == "ep")
    r = library_stack.api("GET", f"/api/albums/{runway['id']}", token=lib_user)
    assert r.status_code == 200, r.text
    assert r.json()["tracks"] == [] and "cover_path" not in r.json() and "release_mbid" not in r.json()


def test_album_update_list_and_delete(library_stack, lib_admin, lib_user, pilots):
    album = next(a for a in pilots["albums"] if a["album_type"] == "single")
    r = library_stack.api("PUT", f"/api/albums/{album['id']}", token=lib_user, json={"quality_limit": "alac"})
    assert r.status_code == 200 and r.json()["quality_limit"] == "alac"
    assert library_stack.api("PUT", f"/api/albums/{album['id']}", token=lib_user, json={"quality_limit": "1080p"}).status_code == 422
    assert library_stack.api("GET", "/api/albums?search=takeoff", token=lib_user).json()["items"][0]["id"] == album["id"]
    assert library_stack.api("GET", "/api/albums?status=partial", token=lib_user).status_code == 200
    assert library_stack.api("DELETE", f"/api/albums/{album['id']}", token=lib_user).status_code == 403
    assert library_stack.api("DELETE", f"/api/albums/{album['id']}", token=lib_admin).json() == {"success": True}
    assert library_stack.api("GET", f"/api/albums/{album['id']}", token=lib_user).status_code == 404


def test_artist_list_refresh_and_cascading_delete(library_stack, lib_admin, lib_user):
    r = library_stack.api("POST", "/api/artists", token=lib_user, json={"mbid": PILOTS})
    id = r.json()["id"] if r.status_code == 201 else r.json()["error"]["existing_id"]
    assert library_stack.api("GET", "/api/artists?search=pilot", token=lib_user).json()["items"][0]["id"] == id
    assert library_stack.api("GET", "/api/artists?status=missing", token=lib_user).status_code == 400
    sql(library_stack, "UPDATE artists SET name = 'stale' WHERE id = ?", id)
    r = library_stack.api("POST", f"/api/artists/{id}/refresh", token=lib_user)
    assert r.status_code == 200 and r.json()["name"] == "The Test Pilots"
    albums = [a["id"] for a in r.json()["albums"]]
    assert library_stack.api("DELETE", f"/api/artists/{id}", token=lib_admin).json() == {"success": True}
    assert library_stack.api("GET", f"/api/artists/{id}", token=lib_user).status_code == 404
    marks = ",".join("?" * len(albums))
    assert sql(library_stack, f"SELECT COUNT(*) FROM albums WHERE id IN ({marks})", *albums)[0][0] == 0
    assert sql(library_stack, f"SELECT COUNT(*) FROM tracks WHERE album_id IN ({marks})", *albums)[0][0] == 0
