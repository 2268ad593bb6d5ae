"""Login, me, logout and token handling through nginx → pool → SQLite."""
import base64
import json

import requests


def test_login_returns_token_and_user(stack):
    r = stack.api("POST", "/api/auth/login", json={"username": "admin", "password": stack.admin_password})
    assert r.status_code == 200
    body = r.json()
    assert body["user"]["username"] == "admin" and body["user"]["role"] == "admin"
    assert "password_hash" not in body["user"]
    assert body["token"].count(".") == 2 and body["expires_at"].endswith("Z")


def test_wrong_password_and_unknown_user_are_401(stack):
    for user, pw in [("admin", "not-the-password"), ("nobody-here", "whatever123")]:
        r = stack.api("POST", "/api/auth/login", json={"username": user, "password": pw})
        assert r.status_code == 401
        assert r.json()["error"]["code"] == "invalid_credentials"


def test_me_returns_the_caller(stack, admin_token):
    r = stack.api("GET", "/api/auth/me", token=admin_token)
    assert r.status_code == 200
    assert r.json()["username"] == "admin"


def test_logout_revokes_the_token(stack):
    token = stack.login()
    assert stack.api("GET", "/api/auth/me", token=token).status_code == 200
    r = stack.api("POST", "/api/auth/logout", token=token)
    assert r.status_code == 200 and r.json() == {"success": True}
    r = stack.api("GET", "/api/auth/me", token=token)
    assert r.status_code == 401 and r.json()["error"]["code"] == "unauthorized"


def test_forged_and_garbage_tokens_are_401(stack, admin_token):
    header, payload, sig = admin_token.split(".")
    claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    claims["sub"] = 999
    forged_payload = base64.urlsafe_b64encode(json.dumps(claims).encode()).decode().rstrip("=")
    for token in [f"{header}.{forged_payload}.{sig}", "garbage", "a.b.c", admin_token + "x", "ü" * 10]:
        r = stack.api("GET", "/api/auth/me", headers={"Authorization": f"Bearer {token}"})
        assert r.status_code == 401, token
    assert stack.api("GET", "/api/auth/me", headers={"Authorization": "Basic YWRtaW46eA=="}).status_code == 401


def test_malformed_json_is_400(stack):
    for body in [b"{not json", b"", b"\xff\xfe"]:
        r = stack.api("POST", "/api/auth/login", data=body, headers={"Content-Type": "application/json"})
        assert r.status_code == 400, body
        assert r.json()["error"]["code"] == "malformed_json"


def test_missing_or_mistyped_fields_are_422(stack):
    r = stack.api("POST", "/api/auth/login", json={"username": "admin"})
    assert r.status_code == 422 and "password" in r.json()["error"]["message"]
    r = stack.api("POST", "/api/auth/login", json={"username": 5, "password": "x"})
    assert r.status_code == 422 and "username" in r.json()["error"]["message"]


def test_oversized_bodies_are_413_json(stack):
    # Over the responder's limit (64 KiB in this stack) but under nginx's 1 MiB: the pool refuses it.
    r = stack.api("POST", "/api/auth/login", data=b"x" * 100_000, headers={"Content-Type": "application/json"})
    assert r.status_code == 413 and r.json()["error"]["code"] == "payload_too_large"
    # Over nginx's limit: nginx refuses it, in the same JSON error format.
    r = stack.api("POST", "/api/auth/login", data=b"x" * (2 * 1024 * 1024), headers={"Content-Type": "application/json"})
    assert r.status_code == 413 and r.json()["error"]["code"] == "payload_too_large"
    # The stack still serves normal requests afterwards.
    assert stack.api("POST", "/api/auth/login", json={"username": "admin", "password": stack.admin_password}).ok


def test_unknown_route_404_and_wrong_method_405(stack, admin_token):
    r = stack.api("GET", "/api/no/such/thing", token=admin_token)
    assert r.status_code == 404 and r.json()["error"]["code"] == "not_found"
    for path in ["/api/users/abc", "/api/users/0", "/api/users/1%2F2", "/api/users/-1"]:
        r = stack.api("GET", path, token=admin_token)
        assert r.status_code == 404 and r.json()["error"]["code"] == "not_found", path
    r = stack.api("GET", "/api/auth/login")
    assert r.status_code == 405 and r.headers["Allow"] == "POST"
    r = stack.api("PATCH", "/api/users/1", token=admin_token)
    assert r.status_code == 405 and set(r.headers["Allow"].split(", ")) == {"GET", "PUT", "DELETE"}


def test_security_headers_and_no_store_on_api(stack):
    r = stack.api("GET", "/api/auth/me")
    assert r.headers["X-Content-Type-Options"] == "nosniff"
    assert "frame-ancestors 'none'" in r.headers["Content-Security-Policy"]
    assert r.headers["Cache-Control"] == "no-store"


def test_static_ui_and_spa_fallback(stack):
    index = requests.get(stack.base_url + "/", timeout=5)
    assert index.status_code == 200 and "<html" in index.text.lower()
    deep = requests.get(stack.base_url + "/dashboard/some/client/route", timeout=5)
    assert deep.status_code == 200 and deep.text == index.text
    assert "no-cache" in index.headers["Cache-Control"]
