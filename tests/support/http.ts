/** API clients for tests against a listening server (a child process or a journey's server): cookie session + CSRF token. */
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

/** A signed-in client whose calls return the parsed answer and throw on anything but 2xx, for test setup. */
export async function signedInApi(baseUrl: string, email: string, password: string) {
  const client = await signInOver(baseUrl, email, password);
  return async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const res = await client.request(method, path, body);
    if (res.status < 200 || res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${res.text}`);
    return (res.text ? JSON.parse(res.text) : undefined) as T;
  };
}
