// Shared helpers for the browser tests: Debian's Chromium through
// playwright-core (which downloads no browser of its own), and a tiny static
// HTTP server on 127.0.0.1 that records every request it gets.
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import { createReadStream, existsSync, mkdirSync, statSync } from 'node:fs';
import { after, before } from 'node:test';
import { extname, join, resolve, sep } from 'node:path';
import { chromium } from 'playwright-core';

/** The browser the tests drive: Debian's package, never one downloaded by a tool. */
export const CHROMIUM = process.env.LDM_CHROMIUM || '/usr/bin/chromium';

/**
 * Starts headless Chromium. The flags keep it off the network (no
 * background requests, updates, sync or QUIC) and let it run as root.
 * Returns playwright's Browser: call `browser.close()` when done.
 */
export function launch(options = {}) {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
    ...options,
  });
}

/** MIME types by extension; anything else is application/octet-stream. */
export const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.cjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Serves the files of `dir` on 127.0.0.1 at a free port. `/` and directory
 * paths serve their index.html. Every request is pushed to `requests` as
 * `{ method, url, status, body }` (body: the request body as text, for
 * methods that send one). `routes` adds handlers by "METHOD /path"
 * (or "/path" for any method): `(req, res, body) => void` where body is the
 * request body as text; they take precedence over files.
 * Resolves to `{ url, requests, close }`: `url` ends without a slash,
 * `close()` resolves once the server is closed.
 */
export async function serve(dir, { routes = {} } = {}) {
  const root = resolve(dir);
  const requests = [];
  const server = createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const entry = { method: req.method, url: req.url, status: 0, body };
      requests.push(entry);
      res.on('finish', () => {
        entry.status = res.statusCode;
      });
      try {
        handle(req, res, body);
      } catch (err) {
        res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(String(err && err.stack));
      }
    });
  });

  function handle(req, res, body) {
    const pathname = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
    const route = routes[`${req.method} ${pathname}`] || routes[pathname];
    if (route) return route(req, res, body);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' });
      return res.end();
    }
    let file = join(root, pathname);
    if (file !== root && !file.startsWith(root + sep)) {
      res.writeHead(403);
      return res.end();
    }
    let st = statOrNull(file);
    if (st && st.isDirectory()) {
      file = join(file, 'index.html');
      st = statOrNull(file);
    }
    if (!st || !st.isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      return res.end('not found');
    }
    res.writeHead(200, {
      'content-type': MIME[extname(file).toLowerCase()] || 'application/octet-stream',
      'content-length': st.size,
      'cache-control': 'no-store',
    });
    if (req.method === 'HEAD') return res.end();
    createReadStream(file).pipe(res);
  }

  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', ok);
  });
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}

function statOrNull(file) {
  try {
    return statSync(file);
  } catch {
    return null;
  }
}

/**
 * Opens `url` in a new page of `browser` and records what would show that
 * the page misbehaved: requests to any origin but `allowedOrigin` (default:
 * the url's own), console errors and uncaught exceptions. Returns
 * `{ page, foreign, errors }`; the arrays fill while the page lives.
 * Foreign requests are aborted, so nothing leaves the machine.
 */
export async function openPage(browser, url, { allowedOrigin = new URL(url).origin } = {}) {
  const page = await browser.newPage();
  const foreign = [];
  const errors = [];
  await page.route('**/*', (route) => {
    const u = route.request().url();
    let origin = null;
    try {
      origin = new URL(u).origin;
    } catch {}
    if (origin === allowedOrigin || u.startsWith('data:') || u.startsWith('blob:')) return route.continue();
    foreign.push(u);
    return route.abort();
  });
  page.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith(allowedOrigin + '/') && !u.startsWith('data:') && !u.startsWith('blob:') && !foreign.includes(u)) {
      foreign.push(u);
    }
  });
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  await page.goto(url);
  return { page, foreign, errors };
}

/**
 * For a test file of the demo pages: before its tests, builds the package
 * when one of `files` (in dist/) is missing, makes tests/output/, starts the
 * demo server (scripts/serve.mjs) and Chromium, and hands both to `ready`;
 * after them, closes both.
 */
export function withDemo(files, ready) {
  const repo = join(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '..', '..');
  let server;
  let browser;
  before(async () => {
    if (files.some((f) => !existsSync(join(repo, 'dist', f)))) {
      const built = spawnSync(process.execPath, [join(repo, 'scripts', 'build.mjs')], { cwd: repo, stdio: 'inherit' });
      if (built.status !== 0) throw new Error('node scripts/build.mjs failed');
    }
    mkdirSync(join(repo, 'tests', 'output'), { recursive: true });
    const { startServer } = await import('../../scripts/serve.mjs');
    server = await startServer(0);
    browser = await launch();
    ready(server, browser);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });
}
