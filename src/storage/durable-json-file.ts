import { randomBytes } from 'node:crypto';
import { open, readFile, rename } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Adapter } from 'lowdb';

/**
 * A lowdb adapter that writes durably: the JSON goes to a temporary file of its own, is flushed to the disk
 * (fsync), renamed over the file, and the folder is flushed too. A write that resolved survives a crash or a power
 * cut; a crash during a write leaves the previous file whole. lowdb's own JSONFile (steno) renames without fsync.
 * Reads refuse invalid JSON with the file's name: a damaged file is never silently replaced.
 */
export class DurableJsonFile<T> implements Adapter<T> {
  constructor(readonly path: string) {}

  async read(): Promise<T | null> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    try {
      return JSON.parse(text) as T;
    } catch (error) {
      throw new Error(`${this.path} is not valid JSON (${(error as Error).message})`, { cause: error });
    }
  }

  async write(data: T): Promise<void> {
    const temporary = join(dirname(this.path), `.${basename(this.path)}.${randomBytes(6).toString('hex')}.tmp`);
    const file = await open(temporary, 'w');
    try {
      await file.writeFile(JSON.stringify(data));
      await file.sync();
    } finally {
      await file.close();
    }
    await rename(temporary, this.path);
    const folder = await open(dirname(this.path), 'r');
    try {
      await folder.sync();
    } finally {
      await folder.close();
    }
  }
}

/** Temporary files a crash may leave behind: never the truth, safe to delete at start-up. */
export const isTemporaryFile = (name: string) => name.startsWith('.') && name.endsWith('.tmp');
