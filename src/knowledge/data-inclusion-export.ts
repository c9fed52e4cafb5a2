/**
 * The JSON shapes a data·inclusion export comes in:
 * - an array of records: the open-data dumps `structures.json`, `services.json` (data.gouv.fr);
 * - a page of the API v1 (`GET /api/v1/structures`, `/services`, `/search/services`):
 *   `{"items": [...], "total", "page", "size", "pages"}`, search results wrapping each service as `{"service": {...}}`;
 * - one object holding both lists: `{"structures": [...], "services": [...]}`.
 */
export type ExportRecords = { ok: true; records: unknown[] } | { ok: false; message: string };

const EXPECTED =
  'expected a JSON array of records, an API page {"items": [...]} or an object {"structures": [...], "services": [...]}';

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A search result `{"service": {...}, "distance": 12}` is its service; any other item is itself. */
function unwrap(item: unknown): unknown {
  return isObject(item) && item.id === undefined && isObject(item.service) ? item.service : item;
}

export function exportRecords(json: unknown): ExportRecords {
  if (Array.isArray(json)) return { ok: true, records: json.map(unwrap) };
  if (!isObject(json)) return { ok: false, message: EXPECTED };
  if ('items' in json) {
    return Array.isArray(json.items)
      ? { ok: true, records: json.items.map(unwrap) }
      : { ok: false, message: '"items" must be an array of records' };
  }
  if ('structures' in json || 'services' in json) {
    const records: unknown[] = [];
    for (const key of ['structures', 'services'] as const) {
      const list: unknown = json[key] ?? [];
      if (!Array.isArray(list)) return { ok: false, message: `"${key}" must be an array of records` };
      records.push(...(list as unknown[]));
    }
    return { ok: true, records };
  }
  return { ok: false, message: EXPECTED };
}
