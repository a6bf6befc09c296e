// One load in its own process, so the load generator shares neither an event loop nor a heap with the
// bench that drives it. Options arrive as JSON in argv[2]; the result leaves as one JSON line on stdout.
// With `bodiesFile`, every request is a POST taking the next prebuilt { path, body } in turn.
const fs = require('node:fs');
const path = require('node:path');
const { createRequire } = require('node:module');

const autocannon = createRequire(path.join(__dirname, '..', 'api', 'package.json'))('autocannon');
const options = JSON.parse(process.argv[2]);
const { bodiesFile, ...rest } = options;
if (bodiesFile) {
  const bodies = JSON.parse(fs.readFileSync(bodiesFile, 'utf8'));
  let next = Number(options.offset ?? 0);
  rest.requests = [
    {
      method: 'POST',
      setupRequest: (request) => {
        const { path: target, body } = bodies[next++ % bodies.length];
        return { ...request, path: target, body: JSON.stringify(body), headers: { ...request.headers, 'content-type': 'application/json' } };
      },
    },
  ];
  delete rest.offset;
}
autocannon(rest, (error, result) => {
  if (error) {
    console.error(error);
    process.exit(1);
  }
  process.stdout.write(`${JSON.stringify(result)}\n`);
});
