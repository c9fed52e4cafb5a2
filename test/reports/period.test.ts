import { lastDays, namedPeriod, type PeriodName } from '../../src/reports';

/** Thursday 26 November 2026, 14:30 (jest runs in Europe/Paris). */
const NOW = new Date(2026, 10, 26, 14, 30);
const day = (d: Date) => d.toLocaleDateString('fr-FR');

describe('periods', () => {
  it.each<[PeriodName, string, string]>([
    ['today', '26/11/2026', '27/11/2026'],
    ['yesterday', '25/11/2026', '26/11/2026'],
    ['this-week', '23/11/2026', '30/11/2026'],
    ['last-week', '16/11/2026', '23/11/2026'],
    ['this-month', '01/11/2026', '01/12/2026'],
    ['last-month', '01/10/2026', '01/11/2026'],
  ])('%s runs from %s to %s (excluded), weeks starting on Monday', (name, from, to) => {
    const period = namedPeriod(name, NOW);
    expect([day(period.from), day(period.to)]).toEqual([from, to]);
  });

  it('takes Sunday as the end of its week, and January back to December', () => {
    const sunday = new Date(2026, 10, 29, 23, 0);
    expect(day(namedPeriod('this-week', sunday).from)).toBe('23/11/2026');
    expect(day(namedPeriod('last-month', new Date(2027, 0, 5)).from)).toBe('01/12/2026');
  });

  it('counts the last days with today included, across the change to winter time', () => {
    const period = lastDays(7, NOW);
    expect([day(period.from), day(period.to)]).toEqual(['20/11/2026', '27/11/2026']);
    const october = lastDays(3, new Date(2026, 9, 26, 12));
    expect(october.from.getHours()).toBe(0);
    expect(day(october.from)).toBe('24/10/2026');
  });
});
