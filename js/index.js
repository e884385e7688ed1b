// Entry for browsers and bundlers (Vite, webpack, a plain <script type="module">).
// Call `await init()` (or `await ready`) once before the synchronous API.
export * from './api.js';
