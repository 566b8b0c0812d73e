#!/usr/bin/env python3
"""Probes every operation of the running local stack as a careless or hostile client would (issue 15 §2).

For each operation in each service's OpenAPI document it sends a baseline request built from the schema and then
mutations of every path parameter, query parameter and body field (null, wrong types, huge and tiny numbers, NaN,
NUL and control characters, long strings, absurd dates, null list elements, deep nesting, unknown enums, wrong
content types), with a case worker's token. It reports every answer that is a 5xx other than 503, and every error
answer (>= 400) whose body is not application/problem+json.

    tools/probe/probe.py [--max-per-op N] [--service NAME] [--verbose]

Read-only against nothing: it sends writes. Run it against a local stack whose data you can lose.
"""
import argparse
import collections
import copy
import json
import os
import random
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request

SERVICES = {"client-registry": 8081, "benefit-calculation": 8082, "job-placement": 8083, "reporting": 8084}
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))

STRING_MUTATIONS = [
    ("nul", "a\u0000b"), ("control", "a\u0001\u001fb"), ("long", "x" * 12_000), ("medium", "y" * 5_000), ("empty", ""),
    ("unicode", "\U0001F600\u202e"), ("number", 12), ("null", None), ("list", ["a"]), ("object", {"a": 1}),
]
NUMBER_MUTATIONS = [
    ("huge", 1e308), ("bignum", "1e1000000"), ("negative", -1), ("nan", "NaN"), ("string", "abc"), ("null", None),
    ("maxlong", 9223372036854775807), ("overlong", 99999999999999999999999999), ("fraction", 0.123456789012345),
]
DATE_MUTATIONS = [("farfuture", "+999999999-12-31"), ("bad", "2024-02-30"), ("year0", "0000-01-01"), ("text", "today"),
                  ("null", None), ("number", 20240101)]
MONTH_MUTATIONS = [("farfuture", "+999999999-12"), ("bad", "2024-13"), ("text", "now"), ("null", None)]
PATH_MUTATIONS = [("nul", "a%00b"), ("long", "x" * 3000), ("dots", ".."), ("unicode", "%F0%9F%98%80"), ("space", "a%20b"),
                  ("negative", "-1"), ("huge", "99999999999999999999999")]


def token(user):
    return subprocess.check_output([os.path.join(ROOT, "deploy/local/token"), user], text=True).strip()


ETAGS = {}


def request(method, url, tok, body=None, content_type="application/json", raw=None):
    status, ctype, rbody, etag = request_once(method, url, tok, body, content_type, raw)
    if status == 412 and etag:
        status, ctype, rbody, _ = request_once(method, url, tok, body, content_type, raw, etag)
    return status, ctype, rbody


def request_once(method, url, tok, body=None, content_type="application/json", raw=None, if_match=None):
    data = raw if raw is not None else (None if body is None else json.dumps(body).encode())
    req = urllib.request.Request(url, data=data, method=method)
    if tok:
        req.add_header("Authorization", "Bearer " + tok)
    if data is not None:
        req.add_header("Content-Type", content_type)
    req.add_header("Idempotency-Key", "probe-%d" % random.randrange(1 << 60))
    if method != "GET":
        req.add_header("If-Match", if_match or '"1"')
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            return r.status, r.headers.get("Content-Type", ""), r.read(), r.headers.get("ETag")
    except urllib.error.HTTPError as e:
        return e.code, e.headers.get("Content-Type", ""), e.read(), e.headers.get("ETag")
    except Exception as e:  # connection reset, timeout
        return -1, "", str(e).encode(), None


def resolve(spec, schema, depth=0):
    if schema is None or depth > 8:
        return {}
    if "$ref" in schema:
        name = schema["$ref"].split("/")[-1]
        return resolve(spec, spec["components"]["schemas"][name], depth + 1)
    if "allOf" in schema:
        merged = {"type": "object", "properties": {}, "required": []}
        for s in schema["allOf"]:
            r = resolve(spec, s, depth + 1)
            merged["properties"].update(r.get("properties", {}))
            merged["required"] += r.get("required", [])
        return merged
    if "oneOf" in schema or "anyOf" in schema:
        return resolve(spec, (schema.get("oneOf") or schema.get("anyOf"))[0], depth + 1)
    return schema


def example(spec, schema, depth=0):
    s = resolve(spec, schema, depth)
    if "example" in s and not isinstance(s["example"], (dict, list)):
        return s["example"]
    if "enum" in s:
        return s["enum"][0]
    t = s.get("type")
    f = s.get("format", "")
    if t == "object" or "properties" in s:
        return {k: example(spec, v, depth + 1) for k, v in s.get("properties", {}).items()}
    if t == "array":
        return [example(spec, s.get("items"), depth + 1)]
    if t == "string":
        if f == "date":
            return "2026-01-01"
        if f == "date-time":
            return "2026-01-01T00:00:00Z"
        if f == "uuid":
            return "0f8fad5b-d9cb-469f-a165-70867728950e"
        if "pattern" in s and "\\d{4}-\\d{2}" in s["pattern"]:
            return "2026-01"
        return "x"
    if t in ("number", "integer"):
        return 1
    if t == "boolean":
        return True
    return "x"


def field_paths(value, prefix=()):
    """Every path into a JSON value (dict keys and list index 0)."""
    if isinstance(value, dict):
        for k, v in value.items():
            yield prefix + (k,), v
            yield from field_paths(v, prefix + (k,))
    elif isinstance(value, list) and value:
        yield prefix + (0,), value[0]
        yield from field_paths(value[0], prefix + (0,))


def set_path(value, path, new):
    v = copy.deepcopy(value)
    cur = v
    for p in path[:-1]:
        cur = cur[p]
    cur[path[-1]] = new
    return v


def mutations_for(sample):
    if isinstance(sample, bool):
        return [("string", "yes"), ("null", None), ("number", 2)]
    if isinstance(sample, (int, float)):
        return NUMBER_MUTATIONS
    if isinstance(sample, str):
        if len(sample) == 10 and sample[4] == "-":
            return DATE_MUTATIONS + STRING_MUTATIONS[:3]
        if len(sample) == 7 and sample[4] == "-":
            return MONTH_MUTATIONS + STRING_MUTATIONS[:3]
        return STRING_MUTATIONS
    if isinstance(sample, list):
        return [("nulls", [None]), ("empty", []), ("many", [sample[0] if sample else 1] * 5000), ("object", {})]
    if isinstance(sample, dict):
        return [("null", None), ("list", []), ("deep", nested(200)), ("string", "x")]
    return [("null", None)]


def nested(n):
    v = {}
    for _ in range(n):
        v = {"a": v}
    return v


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--max-per-op", type=int, default=400)
    ap.add_argument("--service")
    ap.add_argument("--user", default="cw-meschede")
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("--municipality", default="05958032")
    args = ap.parse_args()
    tok = token(args.user)
    # a real household of the user's municipality, so that mutations reach the domain and not only a 404
    status, _, body = request("POST", "http://127.0.0.1:8081/api/v1/cases", tok, {"municipality": args.municipality})
    real = {}
    if status == 201:
        real["caseId"] = json.loads(body)["caseId"]
        status, _, body = request("POST", "http://127.0.0.1:8081/api/v1/cases/%s/persons" % real["caseId"], tok,
                                  {"role": "HEAD", "firstName": "Probe", "lastName": "Person", "birthDate": "1980-05-01", "sex": "FEMALE",
                                   "employable": True})
        if status in (200, 201):
            doc = json.loads(body)
            real["personId"] = (doc.get("member") or doc).get("personId")
    print("probing with case %s, person %s" % (real.get("caseId"), real.get("personId")))
    findings = collections.defaultdict(list)
    sent = 0
    for service, port in SERVICES.items():
        if args.service and args.service != service:
            continue
        base = "http://127.0.0.1:%d" % port
        status, _, body = request("GET", base + "/q/openapi?format=json", None)
        if status != 200:
            print("no OpenAPI from %s (%s)" % (service, status))
            continue
        spec = json.loads(body)
        for path, ops in spec.get("paths", {}).items():
            for method, op in ops.items():
                if method not in ("get", "post", "put", "patch", "delete"):
                    continue
                params = op.get("parameters", []) + ops.get("parameters", [])
                path_params = {p["name"]: real.get(p["name"], example(spec, p.get("schema"))) for p in params if p.get("in") == "path"}
                query = {p["name"]: example(spec, p.get("schema")) for p in params if p.get("in") == "query"}
                body_schema = None
                rb = op.get("requestBody", {}).get("content", {})
                ctype = next(iter(rb), None)
                if ctype and "schema" in rb[ctype]:
                    body_schema = rb[ctype]["schema"]
                base_body = example(spec, body_schema) if body_schema is not None and "json" in (ctype or "") else None
                cases = []

                def url(pp, q):
                    p = path
                    for k, v in pp.items():
                        p = p.replace("{" + k + "}", v if isinstance(v, str) and "%" in v else urllib.parse.quote(str(v), safe=""))
                    qs = urllib.parse.urlencode({k: "" if v is None else v for k, v in q.items()}) if q else ""
                    return base + p + ("?" + qs if qs else "")

                cases.append(("baseline", url(path_params, query), base_body, None, None))
                for name in path_params:
                    for label, m in PATH_MUTATIONS:
                        cases.append(("path %s %s" % (name, label), url(dict(path_params, **{name: m}), query), base_body, None, None))
                for name, sample in query.items():
                    for label, m in mutations_for(sample):
                        if m is None or isinstance(m, (dict, list)):
                            continue
                        cases.append(("query %s %s" % (name, label), url(path_params, dict(query, **{name: m})), base_body, None, None))
                if base_body is not None:
                    for fpath, sample in list(field_paths(base_body)):
                        for label, m in mutations_for(sample):
                            cases.append(("body %s %s" % (".".join(map(str, fpath)), label), url(path_params, query),
                                          set_path(base_body, fpath, m), None, None))
                    cases.append(("body not json", url(path_params, query), None, "application/json", b"{\"a\":"))
                    cases.append(("body deep", url(path_params, query), None, "application/json", ("{\"a\":" * 2000 + "1" + "}" * 2000).encode()))
                    cases.append(("body wrong content type", url(path_params, query), None, "text/plain", b"hello"))
                    cases.append(("body array", url(path_params, query), [base_body], None, None))
                    cases.append(("body nul raw", url(path_params, query), None, "application/json", b"{\"x\":\"\\u0000\"}"))
                random.shuffle(cases)
                for label, u, b, ct, raw in cases[: args.max_per_op]:
                    status, rtype, rbody = request(method.upper(), u, tok, b, ct or "application/json", raw)
                    sent += 1
                    bad = None
                    if status == -1 or (status >= 500 and status != 503):
                        bad = "5xx"
                    elif status >= 400 and "application/problem+json" not in rtype:
                        bad = "not problem+json"
                    if bad:
                        key = (service, method.upper(), path, bad, status)
                        findings[key].append((label, rbody[:200]))
                    if args.verbose:
                        print(status, method.upper(), u[:120], label)
    print("sent %d requests" % sent)
    total = 0
    for (service, method, path, bad, status), items in sorted(findings.items()):
        total += len(items)
        print("%s %s %s -> %s (%s): %d, e.g. %s" % (service, method, path, status, bad, len(items),
                                                   "; ".join(sorted({i[0] for i in items})[:8])))
    print("findings: %d" % total)
    return 1 if total else 0


if __name__ == "__main__":
    sys.exit(main())
