// zod/mini: zod's functional API on the same core, for the schemas a search builds at start-up. Loading it
// instead of zod's classic API took some 11 ms off a search (docs/benchmarks.md). zod/mini brings no error
// messages of its own: these are zod's English ones, which the classic API sets too, so a refusal reads the same
// from either. Only what zhpipe uses is re-exported, so the bundle leaves the rest of zod/mini (JSON Schema and
// the like) out of what a search loads.
import { config } from 'zod/mini';
import en from 'zod/v4/locales/en.js';

config(en());

export {
  _default,
  array,
  enum,
  int,
  lazy,
  maximum,
  maxLength,
  minimum,
  minLength,
  number,
  object,
  optional,
  positive,
  regex,
  safeParse,
  strictObject,
  string,
  union,
} from 'zod/mini';
export type { infer, input, output, ZodMiniType } from 'zod/mini';
