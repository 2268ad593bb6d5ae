"""Failed logins slow down one username from one client address (429 + Retry-After, growing
1 s, 2 s, 4 s … up to 30 s) instead of locking the account; the per-address limit stays; the
client address is REMOTE_ADDR, or X-Forwarded-For only behind a trusted proxy (loopback by default:
the test client talks to nginx on 127.0.0.1)."""
import time

from conftest import sql


def login(stack, user, pw, address=None):
    headers = {"X-Forwarded-For": address} if address else None
    return stack.api("POST", "/api/auth/login", json={"username": user, "password": pw}, headers=headers)


def login_waiting(stack, user, pw, address=None):
    """Logs in as a patient client does: on 429 it waits Retry-After seconds and tries again.
    Returns the final answer and every Retry-After it was given."""
    waits = []
    for _ in range(20):
        r = login(stack, user, pw, address)
        if r.status_code != 429:
            return r, waits
        waits.append(int(r.headers["Retry-After"]))
        assert waits[-1] <= 30, f"a delay of {waits[-1]} s; the cap is 30 s"
        time.sleep(waits[-1])
    raise AssertionError(f"still limited after {waits}")


def pair_failures(stack, user, address="127.0.0.1"):
    rows = sql(stack, "SELECT failures FROM login_failures WHERE scope = 'user' AND key = ?", f"{user}\n{address}")
    return rows[0][0] if rows else 0


def test_wrong_passwords_delay_but_never_lock_out_the_right_one(stack, admin_token):
    assert stack.api("POST", "/api/users", token=admin_token, json={"username": "victim", "password": "victim-password"}).status_code == 201
    for _ in range(5):  # what locked the account for 15 minutes before
        r, waits = login_waiting(stack, "victim", "guess-guess")
        assert r.status_code == 401
    r, waits = login_waiting(stack, "victim", "victim-password")
    assert r.status_code == 200, r.text
    assert sum(waits) <= 30


def test_during_the_delay_every_attempt_is_refused_unchecked_and_uncounted(stack, admin_token):
    assert stack.api("POST", "/api/users", token=admin_token, json={"username": "delayed", "password": "delayed-password"}).status_code == 201
    # As just after a guesser's 8th wrong password from this address: the longest delay, 30 s.
    sql(stack, "INSERT INTO login_failures (scope, key, failures, window_started_at) VALUES ('user', ?, 8, ?)",
        "delayed\n127.0.0.1", time.time())
    for pw in ["delayed-password", "another-guess"]:
        r = login(stack, "delayed", pw)
        assert r.status_code == 429 and r.json()["error"]["code"] == "rate_limited"
        assert 0 < int(r.headers["Retry-After"]) <= 30
    assert pair_failures(stack, "delayed") == 8
    # The owner elsewhere is not held up at all.
    assert login(stack, "delayed", "delayed-password", address="198.51.100.20").status_code == 200
    # Once the 30 s after the last failure have passed (moved back here instead of waited for),
    # the right password works from the guesser's address too, and clears its count.
    sql(stack, "UPDATE login_failures SET window_started_at = ? WHERE key = ?", time.time() - 31, "delayed\n127.0.0.1")
    assert login(stack, "delayed", "delayed-password").status_code == 200
    assert pair_failures(stack, "delayed") == 0


def test_success_resets_the_count(stack, admin_token):
    assert stack.api("POST", "/api/users", token=admin_token, json={"username": "forgetful", "password": "forgetful-pw"}).ok
    for _ in range(4):
        assert login_waiting(stack, "forgetful", "wrong-pw")[0].status_code == 401
    assert login_waiting(stack, "forgetful", "forgetful-pw")[0].status_code == 200
    # Counting starts again: two failures cause no delay at all.
    for _ in range(2):
        assert login(stack, "forgetful", "wrong-pw").status_code == 401
    assert login(stack, "forgetful", "forgetful-pw").status_code == 200


def test_per_address_limit_spans_usernames_and_trusts_the_local_proxy(make_stack):
    s = make_stack({"LCARS_AUTH__MAX_FAILURES_PER_ADDRESS": 3})
    for i in range(3):
        assert login(s, f"ghost{i}", "nope-nope", address="203.0.113.7").status_code == 401
    r = login(s, "admin", s.admin_password, address="203.0.113.7")
    assert r.status_code == 429 and int(r.headers["Retry-After"]) > 0
    # Other clients behind the same (trusted, loopback) proxy are not affected.
    assert login(s, "admin", s.admin_password, address="203.0.113.8").status_code == 200
    assert login(s, "admin", s.admin_password).status_code == 200
    # A client-written entry left of the proxy's own is not believed.
    r = login(s, "admin", s.admin_password, address="192.0.2.1, 203.0.113.7")
    assert r.status_code == 429


def test_without_trusted_proxies_x_forwarded_for_is_ignored(make_stack):
    s = make_stack({"LCARS_AUTH__MAX_FAILURES_PER_ADDRESS": 3, "LCARS_SERVER__TRUSTED_PROXIES": ""})
    for i in range(3):
        assert login(s, f"ghost{i}", "nope-nope", address=f"203.0.113.{i + 1}").status_code == 401
    r = login(s, "admin", s.admin_password, address="198.51.100.99")
    assert r.status_code == 429 and int(r.headers["Retry-After"]) > 0
    assert [row[0] for row in sql(s, "SELECT key FROM login_failures WHERE scope = 'address'")] == ["127.0.0.1"]
