"""Repeated failed logins are limited per username and per client address (429 + Retry-After)."""


def login(stack, user, pw):
    return stack.api("POST", "/api/auth/login", json={"username": user, "password": pw})


def test_per_user_limit_blocks_even_the_right_password(stack, admin_token):
    r = stack.api("POST", "/api/users", token=admin_token, json={"username": "victim", "password": "victim-password"})
    assert r.status_code == 201
    for _ in range(5):  # auth.max_failures_per_user defaults to 5
        assert login(stack, "victim", "guess-guess").status_code == 401
    r = login(stack, "victim", "victim-password")
    assert r.status_code == 429
    assert r.json()["error"]["code"] == "rate_limited"
    retry = int(r.headers["Retry-After"])
    assert 0 < retry <= 15 * 60
    # The limit is per user: another account still logs in.
    assert login(stack, "admin", stack.admin_password).status_code == 200


def test_success_resets_the_user_counter(stack, admin_token):
    assert stack.api("POST", "/api/users", token=admin_token, json={"username": "forgetful", "password": "forgetful-pw"}).ok
    for _ in range(4):
        assert login(stack, "forgetful", "wrong-pw").status_code == 401
    assert login(stack, "forgetful", "forgetful-pw").status_code == 200
    for _ in range(4):
        assert login(stack, "forgetful", "wrong-pw").status_code == 401
    assert login(stack, "forgetful", "forgetful-pw").status_code == 200


def test_per_address_limit_spans_usernames(make_stack):
    s = make_stack({"LCARS_AUTH__MAX_FAILURES_PER_ADDRESS": 3})
    for i in range(3):
        assert login(s, f"ghost{i}", "nope-nope").status_code == 401
    r = login(s, "admin", s.admin_password)
    assert r.status_code == 429 and int(r.headers["Retry-After"]) > 0
