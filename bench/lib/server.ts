/** Starts the real server (`node bin/reestr.js serve`) as a child process, times its start, loads it with autocannon. */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import autocannon from 'autocannon';

export interface RunningChild {
  child: ChildProcess;
  pid: number;
  base: string;
  /** Milliseconds from spawn until /api/health answered 200. */
  startupMs: number;
  output(): string;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as net.AddressInfo).port;
      server.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function startChildServer(root: string, databaseUrl: string, timeoutMs = 120_000, extraEnv: Record<string, string> = {}): Promise<RunningChild> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const started = performance.now();
  // with the Node flags of `npm start` (package.json)
  const child = spawn(process.execPath, ['--max-semi-space-size=32', 'bin/reestr.js', 'serve'], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'silent',
      REESTR_SKIP_WEB_BUILD: '1',
      REESTR_SEED: 'false',
      NODE_ENV: 'production',
      ...extraEnv,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => (output = (output + d).slice(-8000)));
  child.stderr!.on('data', (d) => (output = (output + d).slice(-8000)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let alive = true;
  void exited.then(() => (alive = false));
  const stop = async () => {
    if (alive) child.kill('SIGTERM');
    const timer = setTimeout(() => alive && child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  };
  for (;;) {
    if (!alive) throw new Error(`the server exited before answering /api/health:\n${output}`);
    try {
      const res = await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(2000) });
      await res.arrayBuffer();
      if (res.status === 200) break;
    } catch {
      // not listening yet
    }
    if (performance.now() - started > timeoutMs) {
      await stop();
      throw new Error(`the server did not answer /api/health within ${timeoutMs / 1000} s:\n${output}`);
    }
    await sleep(20);
  }
  return { child, pid: child.pid!, base, startupMs: performance.now() - started, output: () => output, stop };
}

/** Peak resident set size of a process (VmHWM), in bytes. */
export function peakRss(pid: number): number | null {
  try {
    const m = /VmHWM:\s+(\d+)\s+kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : null;
  } catch {
    return null;
  }
}

export interface LoadResult {
  requests: number;
  durationSeconds: number;
  requestsPerSecond: number;
  latencyMs: { p50: number; p95: number; p99: number; max: number; mean: number };
  non2xx: number;
  errors: number;
  timeouts: number;
}

/** Loads `paths` (rotating, shared by all connections) for `seconds` from 127.0.0.1. */
export async function load(base: string, paths: string[], seconds: number, connections: number): Promise<LoadResult> {
  let next = 0;
  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: base,
        connections,
        duration: seconds,
        pipelining: 1,
        timeout: 30,
        requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: paths[next++ % paths.length] }) }],
      },
      (error, r) => (error ? reject(error) : resolve(r)),
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  });
  latencies.sort((a, b) => a - b);
  const at = (p: number) => (latencies.length ? latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] : NaN);
  return {
    requests: result.requests.total,
    durationSeconds: result.duration,
    requestsPerSecond: result.requests.total / result.duration,
    latencyMs: { p50: at(0.5), p95: at(0.95), p99: at(0.99), max: latencies[latencies.length - 1] ?? NaN, mean: result.latency.mean },
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}

/** Requests every path once, `connections` at a time (fills the server's search cache). */
export async function requestEach(base: string, paths: string[], connections: number): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < paths.length) {
      const res = await fetch(base + paths[next++]);
      await res.arrayBuffer();
    }
  };
  await Promise.all(Array.from({ length: connections }, worker));
}
