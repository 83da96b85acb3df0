// Worker-thread entry when zhpipe runs from its TypeScript sources (vitest, or the CLI's tsx fallback): loads
// the stages through tsx, which workers do not inherit from the main thread. Run from the build, pool.js finds
// dist/pipeline/worker.js instead (this file's name, worker.ts compiled), and no tsx is loaded.
import { register } from 'tsx/esm/api';

register();
const { runTask } = await import('./worker.ts');
export default runTask;
