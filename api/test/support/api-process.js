// One Soundings API instance in a process of its own, on a free loopback port, driven over IPC by
// oidc.e2e.spec.ts. Single sign-on loads openid-client (an ES module) with import(), which Jest's module
// sandbox cannot do without --experimental-vm-modules; a plain Node process can, as the built server does.
// Configuration comes from the environment, as in production (OIDC_ISSUER, OIDC_CLIENT_ID, ...).
const fs = require('node:fs');
const swc = require('@swc/core');

// SWC rather than typescript's transpileModule: the app's ~80 files take ~0.1 s here instead of ~7 s.
require.extensions['.ts'] = (module, filename) => {
  const { code } = swc.transformSync(fs.readFileSync(filename, 'utf8'), {
    filename,
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      // Nest reads constructor parameter types from decorator metadata.
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
    // ignoreDynamic keeps import() a real dynamic import, as the build does.
    module: { type: 'commonjs', ignoreDynamic: true },
    sourceMaps: 'inline',
  });
  module._compile(code, filename);
};

require('reflect-metadata');
const { createApp } = require('../../src/app.factory.ts');

const [databaseUrl] = process.argv.slice(2);
let app = null;

(async () => {
  try {
    app = await createApp({ databaseUrl, logLevels: ['error', 'warn'] });
    await app.listen({ port: 0, host: '127.0.0.1' });
    process.send({ url: `http://127.0.0.1:${app.getHttpServer().address().port}` });
  } catch (error) {
    process.send({ error: error instanceof Error ? error.stack : String(error) });
  }
})();

process.on('disconnect', () => {
  void Promise.resolve(app?.close()).finally(() => process.exit(0));
});
