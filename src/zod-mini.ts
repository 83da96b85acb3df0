// zod/mini: zod's functional API on the same core, for the schemas a search builds at start-up. zod's classic
// API costs some 25 ms of every start-up that zod/mini does not (measured on a bundled toy schema, and in
// npm run bench:search). zod/mini brings no error messages of its own: these are zod's English ones, which the
// classic API sets too, so a refusal reads the same from either.
import { config } from 'zod/mini';
import en from 'zod/v4/locales/en.js';

config(en());

export * as z from 'zod/mini';
