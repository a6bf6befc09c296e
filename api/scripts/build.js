// Compiles the API (and the top-level migrations) with the @nestjs/swagger transformer, which reads
// DTO and controller types so the OpenAPI document stays in step with the code without hand-written
// @ApiProperty on every field. Equivalent to `nest build` with the swagger plugin, minus the CLI.
const ts = require('typescript');
const path = require('node:path');
const fs = require('node:fs');
const swaggerPlugin = require('@nestjs/swagger/plugin');

const configPath = path.join(__dirname, '..', 'tsconfig.json');
const config = ts.getParsedCommandLineOfConfigFile(configPath, { types: ['node'] }, {
  ...ts.sys,
  onUnRecoverableConfigFileDiagnostic: (d) => {
    throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
  },
});
const rootNames = config.fileNames.filter((f) => !f.endsWith('.spec.ts') && !f.includes(`${path.sep}test${path.sep}`));
const outDir = config.options.outDir;
fs.rmSync(outDir, { recursive: true, force: true });

const program = ts.createProgram({ rootNames, options: { ...config.options, isolatedModules: false } });
const result = program.emit(undefined, undefined, undefined, false, {
  before: [swaggerPlugin.before({ introspectComments: true, classValidatorShim: true }, program)],
});
const diagnostics = ts.getPreEmitDiagnostics(program).concat(result.diagnostics);
if (diagnostics.length > 0) {
  process.stderr.write(
    ts.formatDiagnosticsWithColorAndContext(diagnostics, {
      getCanonicalFileName: (f) => f,
      getCurrentDirectory: ts.sys.getCurrentDirectory,
      getNewLine: () => ts.sys.newLine,
    }),
  );
  process.exit(1);
}
