/**
 * Keeps the records of a data·inclusion export that lie in one département, before import: a national export
 * holds tens of thousands of structures, and a territory file wants those of its own area only.
 */

/** Metropolitan 01–95 (with 2A, 2B for Corsica) and overseas 971–976. */
const DEPARTEMENT = /^(?:0[1-9]|1\d|2[1-9AB]|[3-8]\d|9[0-5]|97[1-6])$/;

export function isDepartementCode(code: string): boolean {
  return DEPARTEMENT.test(code.toUpperCase());
}

export interface AreaFilter {
  /** The records in the département, in their order, with services whose structure is in it. */
  kept: unknown[];
  /** Positions (in the input) of the records left out, by kind. */
  outside: { structures: number[]; services: number[] };
}

/**
 * A structure is in the département when its code_insee (or, without one, its code_postal) says so; a structure
 * with neither is kept (the import reports what it lacks). A service follows its own code_insee when it has one,
 * else its structure.
 */
export function filterByDepartement(records: readonly unknown[], code: string): AreaFilter {
  const departement = code.toUpperCase();
  const outside: AreaFilter['outside'] = { structures: [], services: [] };
  const leftStructures = new Set<string>();
  const isService = (record: Record<string, unknown>) => typeof record.structure_id === 'string';
  records.forEach((record, index) => {
    if (!isRecord(record) || isService(record)) return;
    if (departementOf(record) === undefined || departementOf(record) === departement) return;
    outside.structures.push(index);
    if (typeof record.id === 'string') leftStructures.add(record.id);
  });
  records.forEach((record, index) => {
    if (!isRecord(record) || !isService(record)) return;
    const own = departementOf(record);
    const out = own !== undefined ? own !== departement : leftStructures.has(record.structure_id as string);
    if (out) outside.services.push(index);
  });
  const left = new Set([...outside.structures, ...outside.services]);
  return { kept: records.filter((_, index) => !left.has(index)), outside };
}

/** The département of a record, from its INSEE code (5 characters) or, failing that, its postcode. */
export function departementOf(record: Readonly<Record<string, unknown>>): string | undefined {
  const insee = typeof record.code_insee === 'string' ? record.code_insee.trim().toUpperCase() : '';
  if (/^(?:\d{5}|2[AB]\d{3})$/.test(insee)) return insee.startsWith('97') ? insee.slice(0, 3) : insee.slice(0, 2);
  const postcode = typeof record.code_postal === 'string' ? record.code_postal.trim() : '';
  if (!/^\d{5}$/.test(postcode)) return undefined;
  if (postcode.startsWith('97')) return postcode.slice(0, 3);
  // Corsican postcodes start with 20 for both 2A and 2B: 200xx and 201xx are Corse-du-Sud, 202xx and above Haute-Corse.
  if (postcode.startsWith('20')) return Number(postcode.slice(2, 3)) <= 1 ? '2A' : '2B';
  return postcode.slice(0, 2);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
