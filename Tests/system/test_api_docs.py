"""The API's three descriptions agree: docs/openapi.yaml (the contract), docs/api.md (the prose)
and the routes lcars-fcgi registers (Sources/FCGIApp/Routes) plus the one nginx hands to lcarsd.
Also: the document is valid OpenAPI 3.1, its compiled-in JSON copy is up to date, and each
operation's security and 401/403 answers match the route's access level. No stack needed."""
import pathlib
import re
import subprocess
import sys

import pytest
import yaml

REPO = pathlib.Path(__file__).resolve().parents[2]
METHODS = ("get", "post", "put", "delete", "patch")


def normalized(path: str) -> str:
    """`/api/tv/:id/season/:s` and `/api/tv/{id}/season/{season}` both become `/api/tv/{}/season/{}`."""
    return "/".join("{}" if part.startswith(":") or (part.startswith("{") and part.endswith("}")) else part
                    for part in path.split("/"))


@pytest.fixture(scope="module")
def document():
    return yaml.safe_load((REPO / "docs/openapi.yaml").read_text())


@pytest.fixture(scope="module")
def documented(document):
    return {(method.upper(), normalized(path)): op
            for path, item in document["paths"].items() for method, op in item.items() if method in METHODS}


def prose_routes() -> set[tuple[str, str]]:
    text = (REPO / "docs/api.md").read_text()
    found = re.finditer(r"\b(GET|POST|PUT|DELETE|PATCH) +(/api/[^\s`?|),]*)", text)
    return {(m[1], normalized(m[2])) for m in found if "…" not in m[2]}   # `POST /api/…/:id/refresh` names several


def router_routes() -> dict[tuple[str, str], str]:
    """(method, path) → access (everyone, user, admin), read from every `Route(...)` in the sources."""
    found = {}
    pattern = re.compile(r'Route\("(\w+)", "(/api/[^"]*)", \.(\w+)')
    for source in (REPO / "Sources/FCGIApp/Routes").rglob("*.swift"):
        for m in pattern.finditer(source.read_text()):
            found[(m[1], normalized(m[2]))] = m[3]
    return found


def nginx_routes() -> set[tuple[str, str]]:
    """Exact /api/ locations nginx proxies to lcarsd instead of the responder pool (GET only: SSE)."""
    text = (REPO / "nginx/lcars.conf").read_text()
    return {("GET", m[1]) for m in re.finditer(r"location = (/api/\S+) \{[^}]*proxy_pass", text)}


def test_the_document_is_valid_openapi_3_1(document):
    from openapi_spec_validator import validate
    assert document["openapi"].startswith("3.1")
    validate(document)


def test_the_served_copy_is_generated_from_the_yaml():
    result = subprocess.run([sys.executable, str(REPO / "scripts/openapi.py"), "--check"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_router_and_nginx_routes_are_all_in_the_document(documented):
    served = set(router_routes()) | nginx_routes()
    assert len(router_routes()) > 60, "the Route(...) pattern no longer matches the sources"
    assert sorted(served - set(documented)) == [], "routes the server has that docs/openapi.yaml lacks"
    assert sorted(set(documented) - served) == [], "operations in docs/openapi.yaml that no route serves"


def test_api_md_and_the_document_list_the_same_routes(documented):
    prose = prose_routes()
    assert sorted(prose - set(documented)) == [], "in docs/api.md but not in docs/openapi.yaml"
    assert sorted(set(documented) - prose) == [], "in docs/openapi.yaml but not in docs/api.md"


def test_security_and_auth_answers_match_each_route_access(document, documented):
    default = document["security"]
    for key, access in router_routes().items():
        op = documented[key]
        security = op.get("security", default)
        if access == "everyone":
            assert security == [], f"{key}: open routes declare `security: []`"
            assert "403" not in op["responses"], key
        else:
            assert security == [{"bearerAuth": []}], f"{key}: needs the bearer token"
            assert "401" in op["responses"], f"{key}: 401 is not documented"
            assert ("403" in op["responses"]) == (access == "admin"), f"{key}: 403 iff admin-only ({access})"


def test_every_error_answer_uses_the_one_error_shape(document):
    ref = "#/components/schemas/Error"
    for name, response in document["components"]["responses"].items():
        schema = response.get("content", {}).get("application/json", {}).get("schema", {})
        if name in ("Success", "Deleted", "Releases"):
            continue
        assert schema.get("$ref") == ref, f"components.responses.{name} is not an Error"


def field_limits() -> tuple[dict[str, int], int, set[str], int]:
    """FieldLimits.swift's bounds: by field name, the default, the unbounded names, the query bound."""
    text = (REPO / "Sources/FCGIApp/HTTP/FieldLimits.swift").read_text()
    by_name = {m[1]: int(m[2].replace("_", "")) for m in re.finditer(r'"(\w+)": ([0-9_]+)', text)}
    default = int(re.search(r"defaultLength = ([0-9_]+)", text)[1].replace("_", ""))
    unbounded = set(re.findall(r'"(\w+)"', re.search(r"unbounded: Set<String> = \[([^\]]*)\]", text)[1]))
    query = int(re.search(r"queryLength = ([0-9_]+)", text)[1].replace("_", ""))
    assert by_name and "torrent" in unbounded, "FieldLimits.swift no longer reads as expected"
    return by_name, default, unbounded, query


def resolved(document, schema):
    while isinstance(schema, dict) and "$ref" in schema:
        node = document
        for part in schema["$ref"].lstrip("#/").split("/"):
            node = node[part]
        schema = {**node, **{k: v for k, v in schema.items() if k != "$ref"}}
    return schema


def string_schemas(document, schema, name=""):
    """(field name, schema) of every string a schema lets a client send, at any depth."""
    schema = resolved(document, schema)
    types = schema.get("type", [])
    types = [types] if isinstance(types, str) else types
    if "string" in types:
        yield name, schema
    for key in ("oneOf", "anyOf", "allOf"):
        for sub in schema.get(key, []):
            yield from string_schemas(document, sub, name)
    for key, sub in schema.get("properties", {}).items():
        yield from string_schemas(document, sub, key)
    if "items" in schema:
        yield from string_schemas(document, schema["items"], name)


def bounded(schema) -> bool:
    """A string the schema bounds by itself: a fixed set, an anchored pattern, a UUID."""
    return "enum" in schema or "const" in schema or schema.get("format") == "uuid" or schema.get("pattern", "").endswith("$")


def test_every_string_a_client_sends_has_the_servers_bound(document):
    """The document's maxLength is never looser than FieldLimits (400 `field_too_long`), so a
    client that keeps to the document is never refused for length, and every operation that takes
    a body or query parameters lists the 400."""
    by_name, default, unbounded, query_bound = field_limits()
    bad_request = document["components"]["responses"]["BadRequest"]["content"]["application/json"]["schema"]
    assert "field_too_long" in bad_request["properties"]["error"]["properties"]["code"]["enum"]
    for path, item in document["paths"].items():
        for method, op in item.items():
            if method not in METHODS:
                continue
            where = f"{method.upper()} {path}"
            params = [resolved(document, p) for p in item.get("parameters", []) + op.get("parameters", [])]
            queries = [p for p in params if p["in"] == "query"]
            body = op.get("requestBody")
            if body:
                body = resolved(document, body)["content"]["application/json"]["schema"]
                for field, schema in string_schemas(document, body):
                    if field in unbounded:
                        continue
                    limit = by_name.get(field, default)
                    assert bounded(schema) or schema.get("maxLength", limit + 1) <= limit, f"{where}: {field} needs maxLength <= {limit}"
            for param in queries:
                limit = 200 if param["name"] in ("search", "q") else query_bound
                for _, schema in string_schemas(document, param["schema"]):
                    assert bounded(schema) or schema.get("maxLength", limit + 1) <= limit, f"{where}: ?{param['name']} needs maxLength <= {limit}"
            if body or queries:
                assert "400" in op["responses"], f"{where}: takes input but does not list 400"
