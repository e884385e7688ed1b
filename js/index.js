// Entry `ldm-reseau` for browsers and bundlers (Vite, webpack, a plain
// <script type="module">): the functions and the schema, no DOM code.
// Call `await init()` (or `await ready`) once before the synchronous API.
export * from './api.js';
