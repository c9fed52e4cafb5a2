import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { ModelCache, RecognizerSnapshot } from '../nlu';
import { DurableJsonFile, isTemporaryFile } from './durable-json-file';

/** Keys are hex hashes (modelKey): nothing else may become a file name. */
const KEY = /^[0-9a-f]{16,128}$/;

/**
 * Trained models on disk, one file per key: `<dir>/<key>.json` (docs/adr/0010-model-cache.md). Writes are atomic
 * and durable (DurableJsonFile: temporary file, fsync, rename); storing a key deletes the files of every other key
 * and the temporary files a crash may have left. A missing file reads as undefined; a damaged one throws with its
 * name (the recogniser then trains again and replaces it).
 */
export class FileModelCache implements ModelCache {
  constructor(private readonly dir: string) {}

  async get(key: string): Promise<unknown> {
    return (await new DurableJsonFile<unknown>(this.path(key)).read()) ?? undefined;
  }

  async set(key: string, snapshot: RecognizerSnapshot): Promise<void> {
    const path = this.path(key);
    await mkdir(this.dir, { recursive: true });
    await new DurableJsonFile<RecognizerSnapshot>(path).write(snapshot);
    for (const name of await readdir(this.dir)) {
      if (name !== `${key}.json` && (name.endsWith('.json') || isTemporaryFile(name)))
        await rm(join(this.dir, name), { force: true });
    }
  }

  private path(key: string): string {
    if (!KEY.test(key)) throw new Error(`invalid model cache key "${key}"`);
    return join(this.dir, `${key}.json`);
  }
}
