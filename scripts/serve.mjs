// Serves the demo: www/ at /, the built package at /pkg/, DSFR at /dsfr/,
// and a local endpoint POST /submit that plays the academy's server.
// `node scripts/serve.mjs [port]` (default 8080); tests import startServer.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const MOUNTS = [
  ['/pkg/', join(root, 'dist')],
  ['/dsfr/', join(root, 'node_modules', '@gouvfr', 'dsfr', 'dist')],
  ['/', join(root, 'www')],
];
const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.css': 'text/css', '.wasm': 'application/wasm', '.json': 'application/json', '.svg': 'image/svg+xml',
  '.woff': 'font/woff', '.woff2': 'font/woff2', '.png': 'image/png', '.map': 'application/json',
};

function resolve(urlPath) {
  for (const [prefix, dir] of MOUNTS) {
    if (!urlPath.startsWith(prefix)) continue;
    const rel = normalize(decodeURIComponent(urlPath.slice(prefix.length))).replace(/^(\.\.[/\\])+/, '');
    const file = join(dir, rel);
    if (file.startsWith(dir)) return file;
  }
  return null;
}

/** Starts the server; resolves to { url, requests, submissions, close }. */
export function startServer(port = 0) {
  const requests = [];
  const submissions = [];
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://localhost');
    requests.push(`${req.method} ${url.pathname}`);
    if (req.method === 'POST' && url.pathname === '/submit') {
      let body = '';
      for await (const chunk of req) body += chunk;
      submissions.push(body);
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end('<!doctype html><html lang="fr"><title>Demande reçue</title><h1>Demande reçue</h1></html>');
      return;
    }
    let file = resolve(url.pathname);
    try {
      if (file && (await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  return new Promise((ok) => {
    server.listen(port, '127.0.0.1', () => {
      const url = `http://127.0.0.1:${server.address().port}`;
      ok({ url, requests, submissions, close: () => new Promise((done) => server.close(done)) });
    });
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const port = Number(process.argv[2] ?? process.env.PORT ?? 8080);
  const { url } = await startServer(port);
  console.log(`ldm-reseau demo: ${url}/ (DSFR form), ${url}/plain.html (plain form with a selector map), ${url}/table.html (members as table rows), ${url}/fallback.html (the form when the wasm cannot load)`);
}
