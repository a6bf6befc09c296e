import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

/**
 * `docker compose up` has to work on a machine where nobody has run it before, so the wiring in
 * docker-compose.yml is checked here: PostgreSQL healthy before the app starts, data on a named
 * volume, the app pointed at that server, and health checks that test what they say.
 */
const repoRoot = path.resolve(__dirname, '..', '..');

interface ComposeService {
  image?: string;
  build?: string | { context?: string; dockerfile?: string };
  environment?: Record<string, string | number> | string[];
  volumes?: (string | { type?: string; source?: string; target?: string })[];
  healthcheck?: { test?: string | string[]; interval?: string; retries?: number };
  depends_on?: string[] | Record<string, { condition?: string }>;
  ports?: (string | { target?: number; published?: string | number })[];
}

interface ComposeFile {
  services: Record<string, ComposeService>;
  volumes?: Record<string, unknown>;
}

/** `${NAME:-default}` and `${NAME-default}` as compose reads them with nothing set in the environment. */
function withDefaults(value: string): string {
  return value.replace(/\$\{(\w+)(?::?-([^}]*))?\}/g, (_match, _name, fallback) => fallback ?? '');
}

function environment(service: ComposeService): Record<string, string> {
  const env = service.environment ?? {};
  const entries = Array.isArray(env)
    ? env.map((line) => {
        const [key, ...rest] = line.split('=');
        return [key, rest.join('=')];
      })
    : Object.entries(env).map(([key, value]) => [key, String(value)]);
  return Object.fromEntries(entries.map(([key, value]) => [key, withDefaults(value)]));
}

function healthcheckCommand(service: ComposeService): string {
  const test = service.healthcheck?.test;
  return Array.isArray(test) ? test.join(' ') : (test ?? '');
}

describe('docker-compose.yml', () => {
  const composePath = path.join(repoRoot, 'docker-compose.yml');
  let compose: ComposeFile;
  let postgresName: string;
  let postgres: ComposeService;
  let appName: string;
  let app: ComposeService;

  beforeAll(() => {
    compose = parse(fs.readFileSync(composePath, 'utf8'));
    [postgresName, postgres] = Object.entries(compose.services).find(([, service]) => /^postgres(:|$)/.test(service.image ?? ''))!;
    [appName, app] = Object.entries(compose.services).find(([, service]) => service.build !== undefined)!;
  });

  it('has a PostgreSQL service and an app service built from source', () => {
    expect(postgres).toBeDefined();
    expect(app).toBeDefined();
    expect(appName).not.toBe(postgresName);
  });

  describe('the PostgreSQL service', () => {
    it('reports its health with pg_isready against the app database', () => {
      const command = healthcheckCommand(postgres);
      expect(command).toMatch(/pg_isready/);
      const env = environment(postgres);
      if (env.POSTGRES_USER) expect(command).toContain(env.POSTGRES_USER);
      expect(postgres.healthcheck?.retries).toBeGreaterThan(0);
    });

    it('keeps its data on a named volume declared at the top level', () => {
      const mounts = (postgres.volumes ?? []).map((volume) =>
        typeof volume === 'string' ? { source: volume.split(':')[0], target: volume.split(':')[1] } : volume,
      );
      const dataMount = mounts.find((mount) => mount.target?.startsWith('/var/lib/postgresql'));
      expect(dataMount).toBeDefined();
      // A named volume, not a bind mount of a host folder.
      expect(dataMount!.source).toMatch(/^[\w-]+$/);
      expect(Object.keys(compose.volumes ?? {})).toContain(dataMount!.source);
    });
  });

  describe('the app service', () => {
    it('is built from a Dockerfile that exists, whose start command points at a real entry file', () => {
      const build = typeof app.build === 'string' ? { context: app.build } : app.build!;
      const context = path.resolve(repoRoot, build.context ?? '.');
      const dockerfilePath = path.resolve(context, build.dockerfile ?? 'Dockerfile');
      expect(fs.existsSync(dockerfilePath)).toBe(true);

      const dockerfile = fs.readFileSync(dockerfilePath, 'utf8');
      const cmd = /^CMD\s+\[(.+)\]\s*$/m.exec(dockerfile);
      expect(cmd).not.toBeNull();
      const [node, ...args] = JSON.parse(`[${cmd![1]}]`) as string[];
      const entry = args[args.length - 1];
      // The image starts Node as `npm run serve` does, heap cap included.
      const serve: string = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')).scripts.serve;
      expect([node, ...args].join(' ')).toBe(serve);
      // The build compiles api/ with rootDir at the repository root: api/dist/<path>.js comes from <path>.ts.
      const source = path.join(context, entry.replace(/^api\/dist\//, '').replace(/\.js$/, '.ts'));
      expect(fs.existsSync(source)).toBe(true);
    });

    it('gets a DATABASE_URL that points at the PostgreSQL service with its user, password and database', () => {
      const appEnv = environment(app);
      const postgresEnv = environment(postgres);
      expect(appEnv.DATABASE_URL).toBeDefined();
      const url = new URL(appEnv.DATABASE_URL);
      expect(url.protocol).toMatch(/^postgres(ql)?:$/);
      expect(url.hostname).toBe(postgresName);
      expect(url.port === '' || url.port === '5432').toBe(true);
      expect(decodeURIComponent(url.username)).toBe(postgresEnv.POSTGRES_USER ?? 'postgres');
      expect(decodeURIComponent(url.password)).toBe(postgresEnv.POSTGRES_PASSWORD);
      expect(url.pathname.slice(1)).toBe(postgresEnv.POSTGRES_DB ?? postgresEnv.POSTGRES_USER ?? 'postgres');
    });

    it('waits for PostgreSQL to be healthy before starting', () => {
      const dependsOn = app.depends_on;
      expect(dependsOn).toBeDefined();
      expect(Array.isArray(dependsOn)).toBe(false);
      expect((dependsOn as Record<string, { condition?: string }>)[postgresName]).toEqual(expect.objectContaining({ condition: 'service_healthy' }));
    });

    it('checks its health on /api/health at the port it listens on', () => {
      const command = healthcheckCommand(app);
      const port = environment(app).PORT ?? '3000';
      expect(command).toMatch(new RegExp(`https?://(127\\.0\\.0\\.1|localhost):${port}/api/health\\b`));
    });

    it('publishes the port it listens on', () => {
      const port = environment(app).PORT ?? '3000';
      const targets = (app.ports ?? []).map((entry) => (typeof entry === 'string' ? entry.split(':').at(-1) : String(entry.target)));
      expect(targets).toContain(port);
    });
  });
});
