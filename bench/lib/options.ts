/** Command-line flags and environment variables of the benchmark (flags win over the environment). */

export interface Sizes {
  productTypes: number;
  foreignParts: number;
  analogLinks: number;
  organizations: number;
  /** Share of product types that get parameters. */
  parameterShare: number;
}

export interface BenchOptions {
  scale: number;
  sizes: Sizes;
  seed: string;
  regenerate: boolean;
  /** How the SQLite FTS/trigram indexes are filled: by the triggers row by row, or rebuilt once after loading. */
  ftsMode: 'triggers' | 'rebuild';
  postgres: boolean;
  postgresUrl: string;
  runs: number;
  warmup: number;
  /** Time budget of one query class (warm-up included); slow classes stop early with fewer runs. */
  classSeconds: number;
  durationSeconds: number;
  connections: number;
  startups: number;
  http: boolean;
  /** Measure with the page cache as found, without reading the SQLite file first. */
  cold: boolean;
  /** Only these query classes (comma-separated), for investigation. */
  classes: string[] | null;
  write: boolean;
}

const FULL: Sizes = { productTypes: 1_000_000, foreignParts: 2_000_000, analogLinks: 3_000_000, organizations: 3_000, parameterShare: 0.25 };

function flags(argv: string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) throw new Error(`unexpected argument "${arg}" (flags are --name value or --name=value)`);
    const eq = arg.indexOf('=');
    if (eq > 0) out.set(arg.slice(2, eq), arg.slice(eq + 1));
    else if (i + 1 < argv.length && !argv[i + 1].startsWith('--')) out.set(arg.slice(2), argv[++i]);
    else out.set(arg.slice(2), 'true');
  }
  return out;
}

const KNOWN = new Set([
  'scale',
  'product-types',
  'foreign-parts',
  'analog-links',
  'organizations',
  'seed',
  'regenerate',
  'fts-mode',
  'no-postgres',
  'postgres-url',
  'runs',
  'warmup',
  'class-seconds',
  'duration',
  'connections',
  'startups',
  'no-http',
  'cold',
  'classes',
  'no-write',
  'help',
]);

export const USAGE = `npm run bench -- [flags]            (or: npx tsx bench/generate.ts [flags] to generate only)

  --scale N            data size relative to 1M product types / 2M foreign parts / 3M links (default 1; env BENCH_SCALE)
  --product-types N    override one size (also --foreign-parts, --analog-links, --organizations)
  --seed S             generator and sampling seed (default 1)
  --regenerate         rebuild the cached databases even when bench/data holds a current one
  --fts-mode M         rebuild (default: drop triggers and indexes, load, rebuild) or triggers (row by row)
  --no-postgres        SQLite only (otherwise PostgreSQL at BENCH_DATABASE_URL when reachable)
  --postgres-url URL   default postgres://postgres@127.0.0.1:5432/test (env BENCH_DATABASE_URL)
  --runs N             measured searches per query class (default 250) after --warmup N (default 25)
  --class-seconds S    time budget per query class (default 25): a class whose searches take more than
                       ~0.1 s stops early and reports how many runs it made
  --duration S         seconds per HTTP load (default 10; 5 below scale 0.1) with --connections N (default 20)
  --startups N         server start-ups timed on SQLite, median reported (default 3; 1 below scale 0.1)
  --no-http            skip start-up and HTTP measurements
  --cold               do not read the SQLite file into the OS page cache first (see bench/lib/page-cache.ts)
  --classes a,b        only these query classes
  --no-write           do not write bench/results`;

export function parseOptions(argv: string[], env: NodeJS.ProcessEnv = process.env): BenchOptions {
  const f = flags(argv);
  for (const name of f.keys()) if (!KNOWN.has(name)) throw new Error(`unknown flag --${name}\n\n${USAGE}`);
  if (f.has('help')) {
    console.log(USAGE);
    process.exit(0);
  }
  const num = (name: string, fallback: number) => {
    const raw = f.get(name);
    if (raw === undefined) return fallback;
    const n = Number(raw);
    if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} must be a positive number (got "${raw}")`);
    return n;
  };
  const scale = num('scale', env.BENCH_SCALE ? Number(env.BENCH_SCALE) : 1);
  const size = (name: string, full: number, min: number) => Math.round(num(name, Math.max(min, Math.round(full * scale))));
  const sizes: Sizes = {
    productTypes: size('product-types', FULL.productTypes, 100),
    foreignParts: size('foreign-parts', FULL.foreignParts, 200),
    analogLinks: size('analog-links', FULL.analogLinks, 300),
    organizations: size('organizations', FULL.organizations, 40),
    parameterShare: FULL.parameterShare,
  };
  const ftsMode = f.get('fts-mode') ?? 'rebuild';
  if (ftsMode !== 'rebuild' && ftsMode !== 'triggers') throw new Error('--fts-mode must be rebuild or triggers');
  return {
    scale,
    sizes,
    seed: f.get('seed') ?? '1',
    regenerate: f.has('regenerate'),
    ftsMode,
    postgres: !f.has('no-postgres'),
    postgresUrl: f.get('postgres-url') ?? env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
    runs: Math.round(num('runs', 250)),
    warmup: Math.round(num('warmup', 25)),
    classSeconds: num('class-seconds', 25),
    durationSeconds: num('duration', scale < 0.1 ? 5 : 10),
    connections: Math.round(num('connections', 20)),
    startups: Math.round(num('startups', scale < 0.1 ? 1 : 3)),
    http: !f.has('no-http'),
    cold: f.has('cold'),
    classes: f.get('classes')?.split(',').filter(Boolean) ?? null,
    write: !f.has('no-write'),
  };
}

/** A name for the data size: "1" for 1M product types, "0_01" for 10,000 (database and file names). */
export function sizeTag(o: Pick<BenchOptions, 'scale' | 'sizes'>): string {
  const s = o.sizes;
  const standard =
    s.productTypes === Math.max(100, Math.round(FULL.productTypes * o.scale)) &&
    s.foreignParts === Math.max(200, Math.round(FULL.foreignParts * o.scale)) &&
    s.analogLinks === Math.max(300, Math.round(FULL.analogLinks * o.scale)) &&
    s.organizations === Math.max(40, Math.round(FULL.organizations * o.scale));
  if (standard) return String(o.scale).replace(/\./g, '_');
  return `p${s.productTypes}_f${s.foreignParts}_l${s.analogLinks}_o${s.organizations}`;
}

export function formatCount(n: number): string {
  if (n >= 1_000_000) return `${+(n / 1_000_000).toFixed(2)}M`;
  if (n >= 1_000) return `${+(n / 1_000).toFixed(1)}k`;
  return String(n);
}
