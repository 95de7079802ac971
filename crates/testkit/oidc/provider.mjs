// A real OpenID provider for the single sign-on tests: the certified
// `oidc-provider` package (pinned in ../package-lock.json) with its
// development login and consent pages, on a free port of 127.0.0.1,
// reached as http://localhost:<port> so its cookies never mix with ssp's
// (which the tests reach as 127.0.0.1).
//
// Configuration comes as JSON in the OIDC_TEST_CONFIG variable:
//   { "clients":  [{ "client_id", "client_secret", "redirect_uris": [...] }],
//     "accounts": { "<login>": { "claims": { "email": ..., "sourcedId": ... },
//                                "token": { "set": { "aud": ... }, "exp_offset": -3600, "tamper": true } } } }
// A login's optional "token" changes the ID token the provider issued for
// it, re-signed with the provider's own key (a wrong audience, issuer or
// nonce, an expired token) or, with "tamper", changed without re-signing.
// Prints "ready <issuer>" once it listens.

import http from 'node:http';
import * as jose from 'jose';
import Provider from 'oidc-provider';

const config = JSON.parse(process.env.OIDC_TEST_CONFIG || '{}');
const accounts = config.accounts || {};

const { privateKey } = await jose.generateKeyPair('RS256', { extractable: true });
const jwk = { ...(await jose.exportJWK(privateKey)), kid: 'ssp-test', alg: 'RS256', use: 'sig' };

const server = http.createServer();
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const issuer = `http://localhost:${server.address().port}`;

const provider = new Provider(issuer, {
  clients: (config.clients || []).map((c) => ({
    client_id: c.client_id,
    client_secret: c.client_secret,
    redirect_uris: c.redirect_uris,
    grant_types: ['authorization_code'],
    response_types: ['code'],
    token_endpoint_auth_method: 'client_secret_basic',
  })),
  jwks: { keys: [jwk] },
  cookies: { keys: ['ssp-test-only-cookie-key'] },
  // The claims of the requested scopes go into the ID token itself.
  conformIdTokenClaims: false,
  claims: {
    openid: ['sub'],
    email: ['email', 'email_verified'],
    profile: ['name', 'sourcedId', 'identifier'],
  },
  pkce: { required: () => true },
  features: { devInteractions: { enabled: true } },
  async findAccount(ctx, id) {
    const account = accounts[id];
    if (!account) return undefined;
    return { accountId: id, claims: async () => ({ sub: id, ...account.claims }) };
  },
});

const issue = provider.IdToken.prototype.issue;
provider.IdToken.prototype.issue = async function patched(options) {
  const token = await issue.call(this, options);
  if (options?.use !== 'idtoken') return token;
  const payload = jose.decodeJwt(token);
  const change = accounts[payload.sub]?.token;
  if (!change) return token;
  const changed = { ...payload, ...(change.set || {}) };
  if (change.exp_offset !== undefined) {
    const now = Math.floor(Date.now() / 1000);
    changed.exp = now + change.exp_offset;
    changed.iat = changed.exp - 600;
  }
  if (change.tamper) {
    const [head, , signature] = token.split('.');
    const body = Buffer.from(JSON.stringify({ ...changed, name: 'Someone Else' })).toString('base64url');
    return `${head}.${body}.${signature}`;
  }
  return new jose.SignJWT(changed).setProtectedHeader({ alg: 'RS256', kid: jwk.kid }).sign(privateKey);
};

server.on('request', provider.callback());
process.on('SIGTERM', () => server.close(() => process.exit(0)));
console.log(`ready ${issuer}`);
