import { buildDemoData, type DemoCategory } from '../core/db/demo/demo-data.js';

/**
 * The categories every new database starts with (Indonesian and English names, barter base
 * points; PRODUCT §2–§3). They are defined next to the demo products that fill them, in
 * core/db/demo/demo-data.ts; admins own them once loaded.
 */
export const DEFAULT_CATEGORIES: readonly DemoCategory[] = Object.freeze(buildDemoData().categories);
