import { join } from 'node:path';
import { ContentError } from '../../src/content';
import { RULE_CONTEXTS, loadOrientation, loadRules, placedRules } from '../../src/knowledge';
import { brokenKnowledgeCopy, content } from '../helpers';

const { rules } = content();

/** The ContentError that loading the rules content of the project copy `dir` throws. */
function rulesError(dir: string): ContentError {
  try {
    loadRules(join(dir, 'knowledge'), dir, loadOrientation(join(dir, 'knowledge'), dir));
  } catch (error) {
    if (error instanceof ContentError) return error;
    throw error;
  }
  throw new Error('expected a ContentError');
}

describe('rules content in knowledge/', () => {
  it('has at least 40 rules across the four contexts, national and local', () => {
    const all = [...rules.rules, ...placedRules(rules)];
    expect(all.length).toBeGreaterThanOrEqual(40);
    for (const context of RULE_CONTEXTS)
      expect({ context, rules: all.filter((r) => r.context === context).length >= 4 }).toEqual({
        context,
        rules: true,
      });
  });

  it('gives every national rule a legal basis or says what is not confirmed, a source, a status and a date', () => {
    for (const rule of rules.rules) {
      const { reference, not_confirmed } = rule.legal;
      expect({ id: rule.id, basis: reference !== undefined || not_confirmed !== undefined }).toEqual({
        id: rule.id,
        basis: true,
      });
      expect(rule.sources.length).toBeGreaterThan(0);
      expect(['V', 'S']).toContain(rule.status);
      expect(rule.verified_on).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  it('never lets the mediator sanction: every rule says who may, in both languages', () => {
    for (const rule of [...rules.rules, ...placedRules(rules)]) {
      expect({ id: rule.id, fr: /médiateur|mediat/i.test(rule.sanctioned_by.fr) }).toEqual({ id: rule.id, fr: true });
      expect({ id: rule.id, en: /mediator/i.test(rule.sanctioned_by.en) }).toEqual({ id: rule.id, en: true });
    }
  });

  it('has the limits of the role, each with a clear answer, a source and a date', () => {
    const ids = rules.limits.map((l) => l.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'identity-check',
        'search-and-palpation',
        'fines-and-sanctions',
        'citizens-arrest',
        'self-defence',
        'duty-to-assist',
        'confidentiality',
      ]),
    );
    const arrest = rules.limits.find((l) => l.id === 'citizens-arrest')!;
    expect(arrest.answer).toBe('only-if');
    expect(arrest.legal.reference?.fr).toMatch(/art\. 73 du Code de procédure pénale/);
  });

  it('marks every local document of the demo territory as demo, with fictional sources', () => {
    for (const doc of rules.documents) {
      expect(doc.demo).toBe(true);
      expect(doc.document.fr).toMatch(/démo/);
      for (const source of doc.sources) expect(source).toMatch(/^https:\/\/val-de-relais\.example\.org\//);
    }
  });

  it('never teaches the methods marked unverified in the domain notes', () => {
    const text = JSON.stringify(rules.guidance);
    expect(text).not.toMatch(/3 temps|trois temps|Evalm[ée]diation/i);
  });

  it('stops with a message naming the file and the field when a rule links an unknown situation', () => {
    const dir = brokenKnowledgeCopy('rules/night-noise-rule.yaml', (text) =>
      text.replace('situation: night-noise', 'situation: no-such-situation'),
    );
    expect(rulesError(dir).message).toMatch(
      /knowledge\/rules\/night-noise-rule\.yaml:\d+ at situation: unknown situation "no-such-situation"/,
    );
  });

  it('refuses an unverified (U) rule with a clear message', () => {
    const dir = brokenKnowledgeCopy('rules/night-noise-rule.yaml', (text) => text.replace('status: S', 'status: U'));
    expect(rulesError(dir).message).toMatch(
      /night-noise-rule\.yaml:\d+ at status: status U \(unverified\) is not allowed/,
    );
  });

  it('stops when a local document names a place the territory does not have, or overrides an unknown rule', () => {
    const dir = brokenKnowledgeCopy('local-rules/arrete-municipal-tranquillite.yaml', (text) =>
      text.replace('parc-des-berges', 'parc-imaginaire').replace('rule: alcohol-in-street', 'rule: no-such-rule'),
    );
    const { message } = rulesError(dir);
    expect(message).toMatch(/arrete-municipal-tranquillite\.yaml:\d+ at places\.\d: unknown place "parc-imaginaire"/);
    expect(message).toMatch(
      /arrete-municipal-tranquillite\.yaml:\d+ at overrides\.\d\.rule: unknown rule "no-such-rule"/,
    );
  });

  it('stops when a local rule takes the id of a national rule: the recogniser answers with ids', () => {
    const dir = brokenKnowledgeCopy('local-rules/arrete-municipal-tranquillite.yaml', (text) =>
      text.replace('- id: firecrackers', '- id: begging'),
    );
    expect(rulesError(dir).message).toMatch(
      /arrete-municipal-tranquillite\.yaml at adds\.0\.id: id "begging" is already used by knowledge\/rules\/begging\.yaml/,
    );
  });
});
