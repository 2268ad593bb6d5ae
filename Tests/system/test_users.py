"""Users CRUD for admins, with the rules that protect accounts."""
import itertools

_names = (f"user{n}" for n in itertools.count(1))


def new_user(stack, token, role="user", password="correct-horse-1"):
    name = next(_names)
    r = stack.api("POST", "/api/users", token=token, json={"username": name, "password": password, "role": role})
    assert r.status_code == 201, r.text
    return r.json(), password


def test_create_list_get_update_delete(stack, admin_token):
    user, _ = new_user(stack, admin_token)
    assert user["role"] == "user" and set(user) == {"id", "username", "role", "created_at"}
    listed = stack.api("GET", "/api/users", token=admin_token).json()
    assert user["id"] in [u["id"] for u in listed]
    assert stack.api("GET", f"/api/users/{user['id']}", token=admin_token).json()["username"] == user["username"]

    r = stack.api("PUT", f"/api/users/{user['id']}", token=admin_token, json={"username": user["username"] + "x", "role": "admin"})
    assert r.status_code == 200 and r.json()["role"] == "admin" and r.json()["username"].endswith("x")

    assert stack.api("DELETE", f"/api/users/{user['id']}", token=admin_token).json() == {"success": True}
    assert stack.api("GET", f"/api/users/{user['id']}", token=admin_token).status_code == 404
    assert stack.api("DELETE", f"/api/users/{user['id']}", token=admin_token).status_code == 404


def test_duplicate_username_is_409_case_insensitive(stack, admin_token):
    user, _ = new_user(stack, admin_token)
    r = stack.api("POST", "/api/users", token=admin_token, json={"username": user["username"].upper(), "password": "abcdefgh1"})
    assert r.status_code == 409 and r.json()["error"]["code"] == "conflict"


def test_invalid_input_is_422_and_writes_nothing(stack, admin_token):
    before = len(stack.api("GET", "/api/users", token=admin_token).json())
    bad = [
        {"username": "a", "password": "long-enough-pw"},
        {"username": "has space", "password": "long-enough-pw"},
        {"username": "../etc", "password": "long-enough-pw"},
        {"username": "okname", "password": "short"},
        {"username": "okname", "password": "é" * 600},   # 600 characters, but 1200 bytes for argon2
        {"username": "okname", "password": "long-enough-pw", "role": "root"},
    ]
    for body in bad:
        r = stack.api("POST", "/api/users", token=admin_token, json=body)
        assert r.status_code == 422, body
    # Over the API's bound for the field: refused before decoding.
    for body in [{"username": "okname", "password": "x" * 2000}, {"username": "u" * 65, "password": "long-enough-pw"}]:
        r = stack.api("POST", "/api/users", token=admin_token, json=body)
        assert r.status_code == 400 and r.json()["error"]["code"] == "field_too_long", body
    assert len(stack.api("GET", "/api/users", token=admin_token).json()) == before


def test_password_change_revokes_that_users_sessions(stack, admin_token):
    user, password = new_user(stack, admin_token)
    token = stack.login(user["username"], password)
    r = stack.api("PUT", f"/api/users/{user['id']}", token=admin_token, json={"password": "brand-new-pass"})
    assert r.status_code == 200
    assert stack.api("GET", "/api/auth/me", token=token).status_code == 401
    assert stack.api("POST", "/api/auth/login", json={"username": user["username"], "password": password}).status_code == 401
    assert stack.login(user["username"], "brand-new-pass")


def test_deleting_a_user_revokes_their_sessions(stack, admin_token):
    user, password = new_user(stack, admin_token)
    token = stack.login(user["username"], password)
    assert stack.api("DELETE", f"/api/users/{user['id']}", token=admin_token).status_code == 200
    assert stack.api("GET", "/api/auth/me", token=token).status_code == 401


def test_last_admin_cannot_be_deleted_or_demoted(stack, admin_token):
    admins = [u for u in stack.api("GET", "/api/users", token=admin_token).json() if u["role"] == "admin"]
    # Other tests may have promoted users; demote them so that "admin" is the only admin.
    me = stack.api("GET", "/api/auth/me", token=admin_token).json()
    for other in admins:
        if other["id"] != me["id"]:
            assert stack.api("PUT", f"/api/users/{other['id']}", token=admin_token, json={"role": "user"}).ok
    r = stack.api("DELETE", f"/api/users/{me['id']}", token=admin_token)
    assert r.status_code == 409 and "last admin" in r.json()["error"]["message"]
    r = stack.api("PUT", f"/api/users/{me['id']}", token=admin_token, json={"role": "user"})
    assert r.status_code == 409
    assert stack.api("GET", "/api/auth/me", token=admin_token).json()["role"] == "admin"

    # With a second admin, demoting the first works.
    second, pw = new_user(stack, admin_token, role="admin")
    second_token = stack.login(second["username"], pw)
    assert stack.api("PUT", f"/api/users/{me['id']}", token=second_token, json={"role": "user"}).json()["role"] == "user"
    assert stack.api("PUT", f"/api/users/{me['id']}", token=second_token, json={"role": "admin"}).json()["role"] == "admin"
    assert stack.api("DELETE", f"/api/users/{second['id']}", token=admin_token).ok
