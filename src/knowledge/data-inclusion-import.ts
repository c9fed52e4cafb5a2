import type { z } from 'zod';
import { categoriesFor, type CategoryRule } from './data-inclusion-categories';
import { upgradeV0Service, upgradeV0Structure } from './data-inclusion-v0';
import { Service, Structure, ZONE_CODE } from './directory';
import { toFrenchE164 } from './french-phone';

/**
 * Turns the records of a data·inclusion export into Relais directory entries (docs/adr/0005-data-inclusion-import.md).
 * Per record: null and blank values are absent; v0 field names are read when the v1 ones are absent; only the fields
 * of our Structure / Service schemas are kept; then the record is validated with those schemas. A record is a
 * service when it has a `structure_id`, else a structure.
 */
export type RecordKind = 'structure' | 'service' | 'unknown';

/** `index` is the record's position in the list given to importDataInclusion. */
export interface Rejection {
  index: number;
  id?: string;
  kind: RecordKind;
  reasons: string[];
}

export interface ImportWarning {
  index: number;
  id?: string;
  kind: RecordKind;
  message: string;
}

export interface DataInclusionImport {
  structures: Structure[];
  services: Service[];
  rejected: Rejection[];
  warnings: ImportWarning[];
}

export interface ImportOptions {
  /** knowledge/data-inclusion-categories.yaml */
  categoryRules: readonly CategoryRule[];
  /** Place ids of the territory: also accepted in `zone_eligibilite`, like INSEE codes. */
  placeIds?: readonly string[];
  /** How reasons name another record, e.g. "services.json[3]"; "record <index>" by default. */
  recordName?: (index: number) => string;
}

type Raw = Record<string, unknown>;

interface Candidate {
  index: number;
  kind: 'structure' | 'service';
  id?: string;
  value: Raw;
  /** The picked record as JSON, to tell identical duplicates from conflicting ones. */
  fingerprint: string;
  reasons: string[];
}

const STRUCTURE_FIELDS = Object.keys(Structure.shape);
const SERVICE_FIELDS = Object.keys(Service.shape).filter((field) => field !== 'categories');

function isObject(value: unknown): value is Raw {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** null → absent; strings trimmed, blank → absent; arrays lose their absent items. */
function clean(value: unknown): unknown {
  if (typeof value === 'string') return value.trim() === '' ? undefined : value.trim();
  if (Array.isArray(value)) return value.map(clean).filter((item) => item !== undefined);
  return value ?? undefined;
}

function cleanRecord(record: Raw): Raw {
  const cleaned: Raw = {};
  for (const [field, value] of Object.entries(record)) {
    const kept = clean(value);
    if (kept !== undefined) cleaned[field] = kept;
  }
  return cleaned;
}

/** v1 ids are "<source>--<producer id>"; a bare producer id (v0) gets that prefix. */
function withProducer(id: unknown, source: unknown): unknown {
  const text = typeof id === 'number' ? String(id) : id;
  if (typeof text !== 'string' || text.includes('--') || typeof source !== 'string') return text;
  return `${source}--${text}`;
}

function pick(record: Raw, kind: Candidate['kind']): Raw {
  const picked: Raw = {};
  for (const field of kind === 'structure' ? STRUCTURE_FIELDS : SERVICE_FIELDS) {
    if (record[field] !== undefined) picked[field] = record[field];
  }
  if (picked.id !== undefined) picked.id = withProducer(picked.id, record.source);
  if (picked.structure_id !== undefined) picked.structure_id = withProducer(picked.structure_id, record.source);
  if (typeof picked.date_maj === 'string') picked.date_maj = picked.date_maj.replace(/^(\d{4}-\d{2}-\d{2})T.*$/, '$1');
  if (kind === 'structure' && typeof picked.adresse === 'string' && typeof record.complement_adresse === 'string')
    picked.adresse = `${picked.adresse}, ${record.complement_adresse}`;
  return picked;
}

function shown(value: unknown): string {
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let current = value;
  for (const key of path)
    current = isObject(current) || Array.isArray(current) ? (current as Raw)[String(key)] : undefined;
  return current;
}

function reasonsOf(error: z.ZodError, value: Raw): string[] {
  return error.issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    const field = path.split('.')[0] ?? '';
    if (issue.path.length === 1 && value[field] === undefined) return `${field}: missing`;
    const got = valueAt(value, issue.path);
    const suffix = typeof got === 'string' || typeof got === 'number' ? ` (got ${shown(got)})` : '';
    return path ? `${path}: ${issue.message}${suffix}` : issue.message;
  });
}

/** Later records with an already seen id are rejected; if they differ from the first one, so is the first. */
function rejectDuplicates(candidates: readonly Candidate[], name: (index: number) => string): void {
  const groups = new Map<string, Candidate[]>();
  for (const candidate of candidates) {
    if (candidate.id === undefined) continue;
    const key = `${candidate.kind} ${candidate.id}`;
    groups.set(key, [...(groups.get(key) ?? []), candidate]);
  }
  for (const [first, ...others] of groups.values()) {
    if (!first || others.length === 0) continue;
    for (const other of others) other.reasons.push(`id: duplicate of ${name(first.index)}`);
    if (others.some((other) => other.fingerprint !== first.fingerprint))
      first.reasons.push(
        `id: ${[first, ...others].map((c) => name(c.index)).join(', ')} share this id with different content`,
      );
  }
}

export function importDataInclusion(records: readonly unknown[], options: ImportOptions): DataInclusionImport {
  const rejected: Rejection[] = [];
  const warnings: ImportWarning[] = [];
  const candidates: Candidate[] = [];

  records.forEach((record, index) => {
    if (!isObject(record)) {
      rejected.push({ index, kind: 'unknown', reasons: [`not a JSON object (got ${shown(record)})`] });
      return;
    }
    const cleaned = cleanRecord(record);
    const kind = cleaned.structure_id !== undefined ? 'service' : 'structure';
    const value = pick(kind === 'service' ? upgradeV0Service(cleaned) : upgradeV0Structure(cleaned), kind);
    const id = typeof value.id === 'string' ? value.id : undefined;
    if (value.telephone !== undefined) {
      const phone = typeof value.telephone === 'string' ? toFrenchE164(value.telephone) : undefined;
      if (phone === undefined) {
        warnings.push({
          index,
          id,
          kind,
          message: `telephone ${shown(value.telephone)} is not one French number: dropped`,
        });
        delete value.telephone;
      } else value.telephone = phone;
    }
    candidates.push({ index, kind, id, value, fingerprint: JSON.stringify(value), reasons: [] });
  });
  rejectDuplicates(candidates, options.recordName ?? ((index) => `record ${index}`));

  const structures = new Map<string, Structure>();
  const rejectedStructures = new Set<string>();
  for (const candidate of candidates.filter((c) => c.kind === 'structure')) {
    const result = Structure.safeParse(candidate.value);
    if (!result.success) candidate.reasons.push(...reasonsOf(result.error, candidate.value));
    if (result.success && candidate.reasons.length === 0) structures.set(result.data.id, result.data);
    else if (candidate.id !== undefined) rejectedStructures.add(candidate.id);
  }

  const services: Service[] = [];
  const places = new Set(options.placeIds ?? []);
  for (const candidate of candidates.filter((c) => c.kind === 'service')) {
    const result = Service.safeParse({ ...candidate.value, categories: [] });
    if (!result.success) candidate.reasons.push(...reasonsOf(result.error, candidate.value));
    const structureId = candidate.value.structure_id;
    const structure = typeof structureId === 'string' ? structures.get(structureId) : undefined;
    if (typeof structureId === 'string' && !structure)
      candidate.reasons.push(
        rejectedStructures.has(structureId)
          ? `structure_id: structure "${structureId}" was rejected`
          : `structure_id: no structure "${structureId}" in the imported records`,
      );
    if (!result.success || !structure) continue;
    (result.data.zone_eligibilite ?? []).forEach((code, index) => {
      if (!ZONE_CODE.test(code) && !places.has(code))
        candidate.reasons.push(
          `zone_eligibilite.${index}: "${code}" is neither an INSEE code nor a place of the territory`,
        );
    });
    if (candidate.reasons.length > 0) continue;
    const categories = categoriesFor(
      options.categoryRules,
      result.data.thematiques ?? [],
      structure.reseaux_porteurs ?? [],
    );
    services.push({ ...result.data, categories });
  }

  for (const candidate of candidates) {
    if (candidate.reasons.length > 0)
      rejected.push({ index: candidate.index, id: candidate.id, kind: candidate.kind, reasons: candidate.reasons });
  }
  rejected.sort((a, b) => a.index - b.index);
  return { structures: [...structures.values()], services, rejected, warnings };
}
