// Worker threads start without the main thread's TypeScript loader, so each registers tsx itself before
// loading the engine (the same loader bin/archie.js uses; tsx is a runtime dependency).
import { register } from 'tsx/esm/api';

register();
const { default: runTurn } = await import('./turn-worker.ts');
export default runTurn;
