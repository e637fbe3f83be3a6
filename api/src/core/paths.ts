import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Absolute path of the api package (works from src/ under vitest and from dist/ when built). */
export const API_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** Absolute path of the repository root. */
export const REPO_ROOT = resolve(API_ROOT, '..');
