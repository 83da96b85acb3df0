// Error classes carry the exit status of DESIGN.md: 2 for bad usage or bad input, 1 for runtime failures.

/** Bad usage or bad input (exit 2). */
export class InputError extends Error {
  readonly exitCode = 2;
}

/** A runtime failure such as an unreachable server (exit 1). */
export class RuntimeError extends Error {
  readonly exitCode = 1;
}

export function exitCodeOf(err: unknown): number {
  return err instanceof InputError ? 2 : 1;
}
