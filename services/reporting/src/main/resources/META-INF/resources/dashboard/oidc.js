// Login with the authorization code flow and PKCE against the district's Keycloak (public client
// aeh-dashboard); the access token is kept in this tab only (sessionStorage) and sent as bearer token.
const OIDC = (() => {
  let issuer = null;
  let clientId = null;
  const redirect = window.location.origin + window.location.pathname;
  const b64url = bytes => btoa(String.fromCharCode(...new Uint8Array(bytes))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  async function login() {
    const verifier = b64url(crypto.getRandomValues(new Uint8Array(32)));
    const challenge = b64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
    const state = b64url(crypto.getRandomValues(new Uint8Array(16)));
    sessionStorage.setItem('aeh.pkce', JSON.stringify({ verifier, state }));
    const q = new URLSearchParams({ client_id: clientId, response_type: 'code', scope: 'openid', redirect_uri: redirect,
      code_challenge: challenge, code_challenge_method: 'S256', state });
    window.location.assign(issuer + '/protocol/openid-connect/auth?' + q);
  }
  async function completeLogin() {
    const params = new URLSearchParams(window.location.search);
    if (!params.has('code')) return false;
    const saved = JSON.parse(sessionStorage.getItem('aeh.pkce') || '{}');
    if (params.get('state') !== saved.state) throw new Error('login state does not match');
    const body = new URLSearchParams({ grant_type: 'authorization_code', client_id: clientId, code: params.get('code'),
      redirect_uri: redirect, code_verifier: saved.verifier });
    const res = await fetch(issuer + '/protocol/openid-connect/token', { method: 'POST', body });
    if (!res.ok) throw new Error('token request failed: ' + res.status);
    const token = await res.json();
    sessionStorage.setItem('aeh.token', token.access_token);
    sessionStorage.removeItem('aeh.pkce');
    window.history.replaceState({}, '', redirect);
    return true;
  }
  function token() { return sessionStorage.getItem('aeh.token'); }
  function claims() {
    const t = token();
    return t ? JSON.parse(atob(t.split('.')[1].replace(/-/g, '+').replace(/_/g, '/'))) : null;
  }
  async function ready() {
    const config = await (await fetch('/api/v1/dashboard-config')).json();
    issuer = config.issuer;
    clientId = config.clientId;
    await completeLogin();
    const c = claims();
    if (!c || c.exp * 1000 < Date.now() + 10000) { await login(); return new Promise(() => {}); }
    return c;
  }
  return { ready, token };
})();
