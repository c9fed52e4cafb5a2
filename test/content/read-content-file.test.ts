import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { formatIssue, readContentFile } from '../../src/content';

const Schema = z.strictObject({ items: z.array(z.strictObject({ id: z.string(), phone: z.string().regex(/^\d+$/) })) });

function write(text: string): { dir: string; path: string } {
  const dir = mkdtempSync(join(tmpdir(), 'relais-content-'));
  const path = join(dir, 'sample.yaml');
  writeFileSync(path, text);
  return { dir, path };
}

describe('readContentFile', () => {
  it('returns the parsed data of a valid file', () => {
    const { dir, path } = write('items:\n  - id: a\n    phone: "15"\n');
    expect(readContentFile(path, Schema, dir)).toEqual({ ok: true, data: { items: [{ id: 'a', phone: '15' }] } });
  });

  it('names the file, the field path and the line of an invalid value', () => {
    const { dir, path } = write('items:\n  - id: a\n    phone: "15"\n  - id: b\n    phone: "dix-sept"\n');
    const result = readContentFile(path, Schema, dir);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues[0]).toMatchObject({ file: 'sample.yaml', path: 'items.1.phone', line: 5 });
    expect(formatIssue(result.issues[0]!)).toMatch(/^sample\.yaml:5 at items\.1\.phone: /);
  });

  it('reports a misspelt key as unknown', () => {
    const { dir, path } = write('items:\n  - id: a\n    phnoe: "15"\n');
    const result = readContentFile(path, Schema, dir);
    expect(!result.ok && result.issues.map((i) => i.path)).toEqual(expect.arrayContaining(['items.0']));
  });

  it('reports YAML syntax errors with their line', () => {
    const { dir, path } = write('items:\n  - id: a\n   phone: [unclosed\n');
    const result = readContentFile(path, Schema, dir);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues[0]?.message).toMatch(/^YAML syntax/);
  });

  it('reports a missing file without throwing', () => {
    const result = readContentFile('/nonexistent/relais.yaml', Schema, '/');
    expect(result.ok).toBe(false);
  });
});
