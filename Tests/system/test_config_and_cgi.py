"""Start-up configuration errors, env overrides, CGI mode and the schema check."""
import subprocess

from conftest import REPO, Stack, bin_dir, clean_env


def run(binary, *args, env=None, input=None):
    return subprocess.run([str(bin_dir() / binary), *args], capture_output=True, text=True, timeout=30,
                          env=clean_env(env), input=input)


def write(tmp_path, text) -> str:
    path = tmp_path / "config.toml"
    path.write_text(text)
    return str(path)


BASE = '[server]\njwt_secret = "0123456789abcdef0123456789abcdef"\n'


def test_unknown_key_fails_with_one_line_naming_file_and_key(tmp_path):
    path = write(tmp_path, BASE + "prot = 8080\n")
    for binary, args in [("lcarsd", ["migrate", "--config", path]), ("lcars-fcgi", ["--config", path])]:
        r = run(binary, *args)
        assert r.returncode == 2, binary
        lines = r.stderr.strip().splitlines()
        assert len(lines) == 1 and path in lines[0] and "server.prot" in lines[0] and "unknown key" in lines[0]


def test_wrong_type_and_missing_value(tmp_path):
    r = run("lcarsd", "migrate", "--config", write(tmp_path, BASE + 'port = "eighty"\n'))
    assert r.returncode == 2 and "server.port: expected an integer" in r.stderr
    r = run("lcarsd", "migrate", "--config", write(tmp_path, "[server]\nport = 1\n"))
    assert r.returncode == 2 and "server.jwt_secret: missing" in r.stderr
    r = run("lcarsd", "migrate", "--config", write(tmp_path, BASE + "[torrent]\nport_range = [10, 5]\n"))
    assert r.returncode == 2 and "torrent.port_range" in r.stderr
    r = run("lcarsd", "migrate", "--config", write(tmp_path, "[server\n"))
    assert r.returncode == 2 and "not valid TOML" in r.stderr and "line 1" in r.stderr


def test_env_override_and_lookup_order(tmp_path):
    path = write(tmp_path, BASE + f'data_dir = "{tmp_path}/d"\n')
    r = run("lcarsd", "render-nginx", "--root", str(REPO), env={"LCARS_CONFIG": path, "LCARS_SERVER__PORT": "9191"})
    assert r.returncode == 0, r.stderr
    assert r.stdout.splitlines()[1] == "http://127.0.0.1:9191"
    assert "listen 127.0.0.1:9191;" in (tmp_path / "d/nginx/lcars-site.conf").read_text()
    r = run("lcarsd", "migrate", env={"LCARS_CONFIG": path, "LCARS_SERVER__PROT": "1"})
    assert r.returncode == 2 and "LCARS_SERVER__PROT" in r.stderr
    r = run("lcarsd", "migrate", env={"LCARS_CONFIG": str(tmp_path / "missing.toml")})
    assert r.returncode == 2 and "missing.toml" in r.stderr and "cannot read" in r.stderr


def test_cgi_mode_serves_one_request(tmp_path):
    s = Stack()
    try:
        s.cli("migrate")
        body = b'{"username":"nobody","password":"xx12"}'
        env = {**s.env, "GATEWAY_INTERFACE": "CGI/1.1", "REQUEST_METHOD": "POST", "REQUEST_URI": "/api/auth/login",
               "CONTENT_TYPE": "application/json", "CONTENT_LENGTH": str(len(body)), "REMOTE_ADDR": "127.0.0.1"}
        r = subprocess.run([str(bin_dir() / "lcars-fcgi"), "--config", str(s.config)], input=body,
                           capture_output=True, env=clean_env(env), timeout=30)
        assert r.returncode == 0, r.stderr
        head, answer = r.stdout.split(b"\r\n\r\n", 1)
        assert head.startswith(b"Status: 401 Unauthorized") and b'"invalid_credentials"' in answer
        # A body shorter than CONTENT_LENGTH is refused, not half-read.
        env["CONTENT_LENGTH"] = str(len(body) + 10)
        r = subprocess.run([str(bin_dir() / "lcars-fcgi"), "--config", str(s.config)], input=body,
                           capture_output=True, env=clean_env(env), timeout=30)
        assert r.stdout.startswith(b"Status: 400 Bad Request")
    finally:
        s.stop()


def test_responders_answer_503_until_migrated(tmp_path):
    s = Stack()
    try:
        # The pool starts on an empty database; only lcarsd migrates.
        s.nginx_conf = s.cli("render-nginx", "--root", str(REPO)).stdout.splitlines()[0]
        s.start_pool()
        s.spawn("nginx", ["nginx", "-c", s.nginx_conf, "-g", "daemon off;"])
        from conftest import wait_until
        import requests

        def status():
            try:
                return requests.get(s.base_url + "/api/auth/me", timeout=2).status_code
            except requests.ConnectionError:
                return None
        wait_until(lambda: status() == 503, what="503 from the unmigrated stack")
        r = s.api("POST", "/api/auth/login", json={"username": "a", "password": "b"})
        assert r.status_code == 503 and r.json()["error"]["code"] == "schema_outdated"
        s.cli("migrate")
        assert s.api("POST", "/api/auth/login", json={"username": "a", "password": "bbbbbbbb"}).status_code == 401
    finally:
        s.stop()
