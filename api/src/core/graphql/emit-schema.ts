import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../paths.js';
import { buildAppSchema, printAppSchema } from './schema.js';

/** Writes /schema.graphql from the type-graphql schema (run by `pnpm --filter @pasar/api build`). */
const sdl = printAppSchema(await buildAppSchema());
writeFileSync(join(REPO_ROOT, 'schema.graphql'), sdl);
console.log(`schema.graphql written (${sdl.length} bytes)`);
