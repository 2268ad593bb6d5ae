"""Release-name parsing through the real stack (nginx → pool → parser) and the lcarsd CLI."""
import json
import subprocess

from conftest import bin_dir


def parse(stack, token, **params):
    return stack.api("GET", "/api/parse?" + "&".join(f"{k}={v}" for k, v in params.items()), token=token)


def test_parse_reads_an_episode_release(stack, admin_token):
    r = stack.session.get(stack.base_url + "/api/parse", params={"title": "The.Walking.Dead.S05E03.720p.HDTV.x264-ASAP[ettv]"},
                          headers={"Authorization": f"Bearer {admin_token}"}, timeout=10)
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["title"] == "The Walking Dead"
    assert (body["season"], body["episode"], body["episodes"]) == (5, 3, [3])
    assert (body["quality"], body["source"], body["codec"], body["group"]) == ("720p", "hdtv", "x264", "ASAP")
    assert body["year"] is None and body["artist"] is None   # unknown fields are present as null


def test_parse_reads_music_and_honours_type(stack, admin_token):
    name = "Kendrick Lamar - DAMN. (2017) [FLAC 24bit-96kHz]"
    r = stack.session.get(stack.base_url + "/api/parse", params={"title": name},
                          headers={"Authorization": f"Bearer {admin_token}"}, timeout=10)
    body = r.json()
    assert (body["artist"], body["album"], body["audio_format"], body["bit_depth"], body["sample_rate"]) == \
        ("Kendrick Lamar", "DAMN", "flac", 24, 96000)
    r = stack.session.get(stack.base_url + "/api/parse", params={"title": name, "type": "video"},
                          headers={"Authorization": f"Bearer {admin_token}"}, timeout=10)
    assert r.json()["kind"] == "movie" and r.json()["artist"] is None
    assert parse(stack, admin_token, title="x", type="opera").status_code == 400


def test_any_logged_in_user_may_parse_but_not_anonymous(stack, admin_token):
    name = "parseuser1"
    r = stack.api("POST", "/api/users", token=admin_token, json={"username": name, "password": "correct-horse-1", "role": "user"})
    assert r.status_code in (201, 409), r.text
    token = stack.login(name, "correct-horse-1")
    assert parse(stack, token, title="Movie.2010.1080p.BluRay.x264-GRP").json()["year"] == 2010
    assert parse(stack, None, title="Movie.2010.1080p").status_code == 401


def test_missing_empty_and_oversized_titles_are_400(stack, admin_token):
    for query in ["", "title=", "title=%20%20", "other=1"]:
        r = stack.api("GET", "/api/parse?" + query, token=admin_token)
        assert r.status_code == 400, query
        assert r.json()["error"]["code"] == "missing_title"
    r = stack.api("GET", "/api/parse?title=" + "a" * 3000, token=admin_token)
    assert r.status_code == 400 and r.json()["error"]["code"] == "title_too_long"


def test_odd_titles_get_an_answer_not_an_error(stack, admin_token):
    for title in ["%F0%9F%98%80%F0%9F%98%80", "%01%02%7F", "%5B%5B%5B%28%28", "-" * 2000]:
        r = stack.api("GET", "/api/parse?title=" + title, token=admin_token)
        assert r.status_code == 200, title
        assert "title" in r.json()


def test_cli_parses_one_json_object_per_line():
    names = ["Movie.Title.2010.1080p.BluRay.x264-GRP", "", "Series.S01E01E02.720p.HDTV", "\x01weird\x7f"]
    out = subprocess.run([str(bin_dir() / "lcarsd"), "parse"], input="\n".join(names) + "\n",
                         capture_output=True, text=True, timeout=30, check=True).stdout.splitlines()
    assert len(out) == len(names)
    rows = [json.loads(line) for line in out]
    assert rows[0]["title"] == "Movie Title" and rows[0]["year"] == 2010
    assert rows[1]["title"] == ""
    assert rows[2]["episodes"] == [1, 2]
    bad = subprocess.run([str(bin_dir() / "lcarsd"), "parse", "--type", "nope"], input="x\n", capture_output=True, text=True, timeout=30)
    assert bad.returncode == 2 and "--type" in bad.stderr


def test_blocklist_admin_routes(stack, admin_token):
    hash_ = "cd" * 20
    r = stack.api("POST", "/api/blocklist", token=admin_token,
                  json={"title": "Bad.Release.2010.1080p-GRP", "info_hash": hash_.upper(), "reason": "fake"})
    assert r.status_code == 201, r.text
    entry = r.json()
    assert entry["info_hash"] == hash_ and entry["reason"] == "fake" and entry["created_at"].endswith("Z")
    assert stack.api("POST", "/api/blocklist", token=admin_token, json={"title": "x", "info_hash": hash_}).status_code == 409
    assert stack.api("POST", "/api/blocklist", token=admin_token, json={"title": "x", "info_hash": "nothex"}).status_code == 422
    assert entry["id"] in [e["id"] for e in stack.api("GET", "/api/blocklist", token=admin_token).json()]

    r = stack.api("POST", "/api/users", token=admin_token, json={"username": "blockuser1", "password": "correct-horse-1"})
    assert r.status_code in (201, 409)
    user = stack.login("blockuser1", "correct-horse-1")
    assert stack.api("GET", "/api/blocklist", token=user).status_code == 403
    assert stack.api("DELETE", f"/api/blocklist/{entry['id']}", token=user).status_code == 403

    assert stack.api("DELETE", f"/api/blocklist/{entry['id']}", token=admin_token).json() == {"success": True}
    assert stack.api("DELETE", f"/api/blocklist/{entry['id']}", token=admin_token).status_code == 404
    assert entry["id"] not in [e["id"] for e in stack.api("GET", "/api/blocklist", token=admin_token).json()]
