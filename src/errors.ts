// Error classes carry the exit status of DESIGN.md: 2 for bad usage or bad input, 1 for runtime failures.
// zod's core error: what zod and zod/mini both throw (the classic ZodError is one too).
import { $ZodError } from 'zod/v4/core';

/** Bad usage or bad input (exit 2). */
export class InputError extends Error {
  readonly exitCode = 2;
}

/** A runtime failure such as an unreachable server (exit 1). */
export class RuntimeError extends Error {
  readonly exitCode = 1;
}

/** The user stopped the command (Ctrl-C): exit 130, as a shell reports SIGINT. */
export class InterruptedError extends Error {
  readonly exitCode = 130;
}

/** Input a zod schema refused at a boundary (a too long query, an offset out of range): bad input. */
function isZodError(err: unknown): err is $ZodError {
  return err instanceof $ZodError;
}

export function exitCodeOf(err: unknown): number {
  if (err instanceof InterruptedError) return err.exitCode;
  return err instanceof InputError || isZodError(err) ? 2 : 1;
}

/**
 * The one line a command prints for an error: a zod refusal names the field and the reason (its own message
 * is a multi-line JSON dump of every issue), anything else its message.
 */
export function errorLine(err: unknown): string {
  if (isZodError(err)) {
    const issue = err.issues[0];
    const field = issue?.path.length ? issue.path.join('.') : '(input)';
    const more = err.issues.length > 1 ? ` (and ${err.issues.length - 1} more problem(s))` : '';
    return `bad input: field "${field}": ${issue?.message ?? 'invalid'}${more}`;
  }
  return err instanceof Error ? err.message : String(err);
}
