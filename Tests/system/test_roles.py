"""The role matrix: no token → 401 everywhere but login; a `user` → 403 on every admin route."""
import pytest

ADMIN_ROUTES = [
    ("GET", "/api/users"), ("POST", "/api/users"), ("GET", "/api/users/1"),
    ("PUT", "/api/users/1"), ("DELETE", "/api/users/1"), ("GET", "/api/system/status"),
]
USER_ROUTES = [("GET", "/api/auth/me"), ("POST", "/api/auth/logout")]


@pytest.fixture(scope="module")
def user_token(stack, admin_token):
    return stack.login_new_user(admin_token, "roleuser", "role-user-pw")


@pytest.mark.parametrize("method,path", ADMIN_ROUTES + USER_ROUTES)
def test_no_token_is_401(stack, method, path):
    r = stack.api(method, path, json={})
    assert r.status_code == 401, r.text
    assert r.json()["error"]["code"] == "unauthorized"
    assert r.headers["WWW-Authenticate"] == "Bearer"


@pytest.mark.parametrize("method,path", ADMIN_ROUTES)
def test_user_role_is_403_on_admin_routes(stack, user_token, method, path):
    r = stack.api(method, path, token=user_token, json={"username": "x", "password": "yyyyyyyy"})
    assert r.status_code == 403, r.text
    assert r.json()["error"]["code"] == "forbidden"


def test_user_role_may_use_user_routes(stack, user_token):
    assert stack.api("GET", "/api/auth/me", token=user_token).json()["role"] == "user"


def test_admin_passes_admin_routes(stack, admin_token):
    assert stack.api("GET", "/api/users", token=admin_token).status_code == 200
    assert stack.api("GET", "/api/system/status", token=admin_token).status_code == 200
