import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, normalize } from 'node:path';

/** Where uploaded files live. Local disk by default; an object store implements the same. */
export interface Storage {
  /** Stores `data` under `key` (a relative path such as "2026/11/uuid.webp"). */
  put(key: string, data: Buffer, contentType: string): Promise<void>;
  /** Public URL of `key`. */
  url(key: string): string;
}

/** Files under `root`, served by the API at `${publicBase}/…` (see http/app.ts). */
export class LocalDiskStorage implements Storage {
  constructor(readonly root: string, private readonly publicBase: string) {}

  async put(key: string, data: Buffer): Promise<void> {
    const path = normalize(join(this.root, key));
    if (!path.startsWith(normalize(this.root))) throw new Error(`Unsafe storage key ${key}`);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, data);
  }

  url(key: string): string {
    return `${this.publicBase}/${key}`;
  }
}
