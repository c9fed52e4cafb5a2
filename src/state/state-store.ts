/**
 * Key-value store for conversation and user state, with optimistic concurrency on `eTag`.
 * Structurally the same as botbuilder's `Storage`, so the bot layer can hand any implementation to
 * ConversationState/UserState while this module (and storage/) stay free of botbuilder.
 *
 * Semantics (as botbuilder's MemoryStorage): a write whose item has no eTag or "*" always wins;
 * otherwise the eTag must equal the stored one, else the write fails with an eTag conflict error.
 * Every successful write stores a new eTag.
 */
export interface StoreItem {
  eTag?: string;
  [key: string]: unknown;
}

export type StoreItems = Record<string, StoreItem>;

export interface StateStore {
  read(keys: string[]): Promise<StoreItems>;
  write(changes: StoreItems): Promise<void>;
  delete(keys: string[]): Promise<void>;
}

/** Stores that buffer or hold files open expose this, so shutdown can wait for durable writes. */
export interface Closable {
  close(): Promise<void>;
}

export class ETagConflictError extends Error {
  constructor(readonly key: string) {
    super(`Storage: error writing "${key}" due to eTag conflict.`);
    this.name = 'ETagConflictError';
  }
}

export function isWriteAllowed(stored: StoreItem | undefined, incoming: StoreItem): boolean {
  return !stored || !incoming.eTag || incoming.eTag === '*' || incoming.eTag === stored.eTag;
}
