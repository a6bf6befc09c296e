// A real OpenID Provider (oidc-provider, ES module only) in a process of its own, driven over IPC by
// oidc.e2e.spec.ts. It listens first, so its issuer URL is known before the Soundings instances start;
// it is configured once they are up and their callback URLs are known.
//
// `{ command: 'configure', client, accounts }` answers `{ ready: true }`. `client` is the static client
// ({ client_id, client_secret, redirect_uris }); `accounts` maps a login name, typed into the
// development login form, to `{ email?, email_verified?, idTokenEmail? }` (idTokenEmail: false puts the
// email only in the UserInfo answer, as some providers do). `signWithUnpublishedKey: true` signs ID
// tokens with another key under the published key's kid, as a forger would: only checking the
// signature against the JWKS tells the two apart.
import { generateKeyPairSync } from 'node:crypto';
import http from 'node:http';
import Provider from 'oidc-provider';

let handle = (_request, response) => {
  response.statusCode = 503;
  response.end('not configured yet');
};
const server = http.createServer((request, response) => handle(request, response));

function signingKey(kid) {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { ...privateKey.export({ format: 'jwk' }), kid, use: 'sig', alg: 'RS256' };
}
// Made once: the Soundings instances cache the published key by its kid across reconfigurations.
const publishedKey = signingKey('published');
const unpublishedKey = signingKey('published');
const publicPart = ({ kty, n, e, kid, use, alg }) => ({ kty, n, e, kid, use, alg });

function configure({ client, accounts, signWithUnpublishedKey = false }) {
  const provider = new Provider(issuer, {
    clients: [{ ...client, grant_types: ['authorization_code'], response_types: ['code'], token_endpoint_auth_method: 'client_secret_basic' }],
    jwks: { keys: [signWithUnpublishedKey ? unpublishedKey : publishedKey] },
    cookies: { keys: ['a test-only cookie signing key'] },
    claims: { openid: ['sub'], email: ['email', 'email_verified'] },
    // Scope claims in the ID token too (most enterprise providers do this); an account can opt out.
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: true } },
    pkce: { required: () => true },
    async findAccount(_ctx, accountId) {
      const account = accounts[accountId];
      if (!account) return undefined;
      return {
        accountId,
        async claims(use) {
          if (account.idTokenEmail === false && use === 'id_token') return { sub: accountId };
          return {
            sub: accountId,
            ...(account.email !== undefined && { email: account.email }),
            ...(account.email_verified !== undefined && { email_verified: account.email_verified }),
          };
        },
      };
    },
  });
  provider.on('server_error', (_ctx, error) => console.error('oidc-provider server_error', error));
  const callback = provider.callback();
  handle = (request, response) => {
    if (request.url === '/jwks') {
      response.setHeader('content-type', 'application/jwk-set+json');
      return response.end(JSON.stringify({ keys: [publicPart(publishedKey)] }));
    }
    return callback(request, response);
  };
}

let issuer;
server.listen(0, '127.0.0.1', () => {
  issuer = `http://127.0.0.1:${server.address().port}`;
  process.send({ issuer });
});

process.on('message', (message) => {
  try {
    if (message.command === 'configure') {
      configure(message);
      process.send({ ready: true });
    }
  } catch (error) {
    process.send({ error: error instanceof Error ? error.stack : String(error) });
  }
});

process.on('disconnect', () => {
  server.close();
  process.exit(0);
});
