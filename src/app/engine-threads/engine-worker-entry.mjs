// An engine thread's entry point. Worker threads do not inherit the main thread's TypeScript loader, so
// this registers tsx (as bin/archie.js does) before loading the worker written in TypeScript.
import { register } from 'tsx/esm/api';

register();
await import('./engine-worker.ts');
