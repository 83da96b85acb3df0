// Worker-thread entry: loads the TypeScript stages through tsx (workers do not inherit the main thread's loader).
import { register } from 'tsx/esm/api';

register();
const { runTask } = await import('./worker.ts');
export default runTask;
