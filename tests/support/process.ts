/** A real `reestr serve` process (no web build, silent log) on a free port, for tests across processes and crashes. */
import { spawn, type ChildProcess } from 'node:child_process';

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  output: () => string;
  /** SIGTERM and wait for the exit. */
  stop(): Promise<void>;
}

export function startServerProcess(env: Record<string, string>, timeoutMs = 60_000): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['bin/reestr.js', 'serve'], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', REESTR_SKIP_WEB_BUILD: '1', LOG_LEVEL: 'silent', REESTR_SEED: 'false', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`reestr serve did not start in ${timeoutMs} ms:\n${out}`));
    }, timeoutMs);
    const onData = () => {
      const m = /open (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
      if (!m) return;
      clearTimeout(timer);
      child.stdout!.off('data', onData);
      resolve({
        url: m[1]!,
        child,
        output: () => out,
        stop: async () => {
          if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
          await exited;
        },
      });
    };
    child.stdout!.on('data', onData);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`reestr serve exited (${code ?? signal}) before it started:\n${out}`));
    });
  });
}

/** A minimal API client with a cookie session (and its CSRF token) for a server process. */
export interface HttpClient {
  request(method: string, path: string, body?: unknown): Promise<{ status: number; json: () => any; text: string }>; // eslint-disable-line @typescript-eslint/no-explicit-any
  cookie: string;
  csrf: string;
}

export async function signInOver(baseUrl: string, email: string, password: string): Promise<HttpClient> {
  const login = await fetch(new URL('/api/auth/login', baseUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (login.status !== 200) throw new Error(`sign-in of ${email} failed: ${login.status} ${await login.text()}`);
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  return sessionOver(baseUrl, cookie, csrfToken);
}

/** The same session used against another server process. */
export function sessionOver(baseUrl: string, cookie: string, csrf: string): HttpClient {
  return {
    cookie,
    csrf,
    async request(method, path, body) {
      const res = await fetch(new URL(path, baseUrl), {
        method,
        headers: { cookie, 'x-csrf-token': csrf, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      return { status: res.status, text, json: () => JSON.parse(text) };
    },
  };
}
