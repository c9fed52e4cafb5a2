import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { LineCounter, parseDocument, isNode } from 'yaml';
import type { z } from 'zod';
import type { ContentIssue } from './content-error';

export type ParseResult<T> = { ok: true; data: T } | { ok: false; issues: ContentIssue[] };

/**
 * Reads one YAML (or JSON, which is YAML) content file and validates it with a zod schema.
 * Every problem names the file, the field path and, when known, the line.
 */
export function readContentFile<S extends z.ZodType>(
  path: string,
  schema: S,
  rootDir = process.cwd(),
): ParseResult<z.infer<S>> {
  const file = relative(rootDir, path) || path;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    return { ok: false, issues: [{ file, path: '', message: `cannot read file (${(error as Error).message})` }] };
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      issues: doc.errors.map((e) => ({
        file,
        path: '',
        line: e.linePos?.[0]?.line,
        message: `YAML syntax: ${e.message.split('\n')[0] ?? e.message}`,
      })),
    };
  }
  const result = schema.safeParse(doc.toJS());
  if (result.success) return { ok: true, data: result.data };
  return {
    ok: false,
    issues: result.error.issues.map((issue) => {
      const segments = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
      return { file, path: segments.join('.'), line: lineOf(doc, lineCounter, segments), message: issue.message };
    }),
  };
}

function lineOf(
  doc: ReturnType<typeof parseDocument>,
  counter: LineCounter,
  segments: (string | number)[],
): number | undefined {
  // Walk up the path until a node with a source range is found (a missing key has no node of its own).
  for (let n = segments.length; n >= 0; n--) {
    const node: unknown = doc.getIn(segments.slice(0, n), true);
    if (isNode(node) && node.range) return counter.linePos(node.range[0]).line;
  }
  return undefined;
}
