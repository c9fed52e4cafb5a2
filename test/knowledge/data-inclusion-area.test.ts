import { departementOf, filterByDepartement, isDepartementCode } from '../../src/knowledge/data-inclusion-area';

describe('département of a data·inclusion record', () => {
  it.each([
    [{ code_insee: '93066' }, '93'],
    [{ code_insee: '2A004' }, '2A'],
    [{ code_insee: '97411' }, '974'],
    [{ code_postal: '75015' }, '75'],
    [{ code_postal: '20000' }, '2A'],
    [{ code_postal: '20200' }, '2B'],
    [{ code_postal: '97300' }, '973'],
    [{ code_insee: '93066', code_postal: '75015' }, '93'],
    [{ code_insee: 'n/a', code_postal: 'n/a' }, undefined],
    [{}, undefined],
  ])('%j → %s', (record, expected) => {
    expect(departementOf(record)).toBe(expected);
  });

  it('knows the codes that exist', () => {
    expect(['01', '93', '2a', '2B', '971', '976'].every(isDepartementCode)).toBe(true);
    expect(['00', '20', '96', '977', '9', '093', 'seine'].some(isDepartementCode)).toBe(false);
  });
});

describe('filterByDepartement', () => {
  const records = [
    { id: 's-93', code_insee: '93066' },
    { id: 's-75', code_insee: '75115' },
    { id: 's-unknown' },
    { id: 'v-in-75', structure_id: 's-75' },
    { id: 'v-in-93', structure_id: 's-93' },
    { id: 'v-own-75', structure_id: 's-93', code_insee: '75115' },
    { id: 'v-own-93', structure_id: 's-75', code_insee: '93066' },
    'not a record',
  ];

  it('keeps the structures of the département, those that say nothing of it, and their services', () => {
    const { kept, outside } = filterByDepartement(records, '93');
    expect(kept.map((r) => (typeof r === 'object' && r && 'id' in r ? r.id : r))).toEqual([
      's-93',
      's-unknown',
      'v-in-93',
      'v-own-93',
      'not a record',
    ]);
    expect(outside).toEqual({ structures: [1], services: [3, 5] });
  });
});
