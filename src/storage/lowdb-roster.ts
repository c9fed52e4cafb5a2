import { existsSync } from 'node:fs';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import { Roster, type Role, type RosterSource } from '../roles';

/**
 * The roster (DATA_DIR/roster.json) read with lowdb. A missing file means an empty roster;
 * an invalid one stops start-up with a message naming the file and the field.
 */
export class LowdbRoster implements RosterSource {
  private roles = new Map<string, Role>();
  private teams = new Map<string, string>();

  constructor(private readonly path: string) {}

  async load(): Promise<this> {
    if (!existsSync(this.path)) {
      this.roles = new Map();
      return this;
    }
    const db = new Low<unknown>(new JSONFile<unknown>(this.path), null);
    try {
      await db.read();
    } catch (error) {
      throw new Error(`${this.path}: not valid JSON (${(error as Error).message})`, { cause: error });
    }
    const parsed = Roster.safeParse(db.data ?? {});
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new Error(`${this.path} at ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`);
    }
    this.roles = new Map(parsed.data.users.map((u) => [u.id, u.role]));
    this.teams = new Map(parsed.data.users.flatMap((u) => (u.team ? [[u.id, u.team] as const] : [])));
    return this;
  }

  roleOf(userId: string): Role | undefined {
    return this.roles.get(userId);
  }

  teamOf(userId: string): string | undefined {
    return this.teams.get(userId);
  }

  get size(): number {
    return this.roles.size;
  }
}
