#!/usr/bin/env python3
"""What a portal does to act for a citizen (issue 15 §1), scripted against the local Keycloak:

1. The citizen signs in at the portal's sign-in client (portal-demo-web): authorization code flow with
   PKCE (S256), the login form filled in as a browser would. The token it yields names portal-demo as its
   audience, not the APIs: it cannot call the services.
2. The portal's backend (confidential client portal-demo) exchanges that token for one to the APIs
   (OAuth 2.0 token exchange, RFC 8693, Keycloak's standard token exchange): subject = the citizen,
   azp = portal-demo (the actor), aud = aeh-api.

    tools/portal/portal_token.py citizen-anna [password]    # prints the exchanged access token
    tools/portal/portal_token.py --web citizen-anna         # prints the sign-in token (before the exchange)

Local stack only: the demo citizens' password and the portal secret are local-only demo credentials.
Stdlib only. A real portal keeps the secret on its server and the citizen's browser never sees step 2.
"""
import base64
import hashlib
import html
import http.cookiejar
import json
import os
import re
import secrets
import sys
import urllib.error
import urllib.parse
import urllib.request

ISSUER = os.environ.get("AEH_ISSUER", "http://127.0.0.1:8180/realms/aus-einer-hand")
WEB_CLIENT = "portal-demo-web"
PORTAL_CLIENT = "portal-demo"
PORTAL_SECRET = os.environ.get("AEH_PORTAL_SECRET", "portal-demo-local-only")
REDIRECT = "http://127.0.0.1:8090/callback"
AUDIENCE = "aeh-api"


class LoopbackPolicy(http.cookiejar.DefaultCookiePolicy):
    """Keycloak marks its login cookies Secure; browsers send them to http://127.0.0.1 too (a loopback address
    counts as a secure context), Python's cookie jar does not. This one does, for the loopback issuer only."""

    def return_ok_secure(self, cookie, request):
        host = urllib.parse.urlparse(request.get_full_url()).hostname
        return host in ("127.0.0.1", "localhost") or super().return_ok_secure(cookie, request)


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


def _post(url, fields, opener=None):
    data = urllib.parse.urlencode(fields).encode()
    req = urllib.request.Request(url, data=data, headers={"Content-Type": "application/x-www-form-urlencoded"})
    try:
        with (opener or urllib.request.build_opener()).open(req, timeout=20) as r:
            return r.status, dict(r.headers), r.read().decode()
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers), e.read().decode(errors="replace")


def sign_in(username, password):
    """The portal's sign-in: authorization code + PKCE; returns the token response of portal-demo-web."""
    verifier = secrets.token_urlsafe(48)
    challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
    state = secrets.token_urlsafe(16)
    jar = http.cookiejar.CookieJar(LoopbackPolicy())
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect)
    query = urllib.parse.urlencode({"client_id": WEB_CLIENT, "response_type": "code", "scope": "openid",
                                    "redirect_uri": REDIRECT, "state": state, "code_challenge": challenge,
                                    "code_challenge_method": "S256"})
    with opener.open(f"{ISSUER}/protocol/openid-connect/auth?{query}", timeout=20) as r:
        page = r.read().decode()
    form = re.search(r'<form[^>]*id="kc-form-login"[^>]*action="([^"]+)"', page)
    if not form:
        raise SystemExit("portal sign-in: no login form in Keycloak's answer")
    status, headers, body = _post(html.unescape(form.group(1)), {"username": username, "password": password,
                                                                 "credentialId": ""}, opener)
    location = headers.get("Location") or headers.get("location")
    if status not in (302, 303) or not location or not location.startswith(REDIRECT):
        raise SystemExit(f"portal sign-in of {username} refused (HTTP {status})")
    params = urllib.parse.parse_qs(urllib.parse.urlparse(location).query)
    if params.get("state") != [state] or "code" not in params:
        raise SystemExit("portal sign-in: no code or a wrong state in the redirect")
    status, _, body = _post(f"{ISSUER}/protocol/openid-connect/token", {
        "grant_type": "authorization_code", "client_id": WEB_CLIENT, "code": params["code"][0],
        "redirect_uri": REDIRECT, "code_verifier": verifier})
    if status != 200:
        raise SystemExit(f"portal sign-in: code exchange failed (HTTP {status}): {body[:300]}")
    return json.loads(body)


def exchange(subject_token):
    """The portal backend's token exchange (RFC 8693): the citizen's sign-in token for one to the APIs."""
    status, _, body = _post(f"{ISSUER}/protocol/openid-connect/token", {
        "grant_type": "urn:ietf:params:oauth:grant-type:token-exchange",
        "client_id": PORTAL_CLIENT, "client_secret": PORTAL_SECRET,
        "subject_token": subject_token, "subject_token_type": "urn:ietf:params:oauth:token-type:access_token",
        "requested_token_type": "urn:ietf:params:oauth:token-type:access_token", "audience": AUDIENCE})
    if status != 200:
        raise SystemExit(f"token exchange failed (HTTP {status}): {body[:300]}")
    return json.loads(body)["access_token"]


def citizen_token(username, password="demo-local-only"):
    return exchange(sign_in(username, password)["access_token"])


if __name__ == "__main__":
    args = sys.argv[1:]
    web = bool(args) and args[0] == "--web"
    if web:
        args = args[1:]
    if not args:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    user, pw = args[0], (args[1] if len(args) > 1 else "demo-local-only")
    signed_in = sign_in(user, pw)
    print(signed_in["access_token"] if web else exchange(signed_in["access_token"]))
