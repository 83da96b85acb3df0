#!/usr/bin/env node
// Runs the TypeScript CLI directly through tsx, so `npx zhpipe` works right after `npm ci` with no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../cli/main.ts');
const code = await main(process.argv);
// A failed command exits at once: retries, timers or sockets left over from the failure must not keep it
// alive. A successful one ends when its work does (`serve` keeps running).
if (code !== 0) process.exit(code);
process.exitCode = 0;
