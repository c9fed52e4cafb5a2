import { RulesFlow } from '../../src/dialogs/rules-flow';
import { RuleResolver } from '../../src/nlu/rule-resolver';
import { content, recognizer } from '../helpers';

const { rules, orientation, catalogue } = content();
const flow = RulesFlow.parse(catalogue.capabilities.find((c) => c.id === 'rules')!.flow);
const resolver = new RuleResolver(rules, orientation.directory.territory.places, flow.rule);
const agent = { publicOnly: false };

function resolve(text: string, options = agent, locale: 'fr' | 'en' = 'fr') {
  const recognition = recognizer().recognize(text, locale);
  return resolver.resolve(recognition.rules, recognition.text, options);
}

describe('RuleResolver', () => {
  it('answers a clear rule question with one rule', () => {
    expect(resolve('un mec fume dans le bus')).toMatchObject({ kind: 'entry', id: 'smoking-transport' });
    expect(resolve("est-ce que j'ai le droit de fouiller le sac d'un jeune ?")).toMatchObject({
      kind: 'entry',
      id: 'search-and-palpation',
    });
  });

  it('asks the context when the topic has rules in several contexts and the text names none', () => {
    const resolution = resolve('on peut fumer ?');
    expect(resolution).toEqual({
      kind: 'ask-context',
      topic: 'smoking',
      ids: ['smoking-transport', 'smoking-enclosed-public-places'],
    });
  });

  it('takes the context from the words of the question, or from a place of the territory', () => {
    expect(resolve('on peut fumer dans le centre commercial ?')).toMatchObject({
      id: 'smoking-enclosed-public-places',
    });
    expect(resolve("on peut vapoter à l'arrêt République ?")).toMatchObject({ id: 'vaping-transport' });
    expect(resolver.question("à l'arrêt République avec un ado").contexts).toEqual(['transport']);
    expect(resolver.question("à l'arrêt République avec un ado").places).toEqual(['tram-republique']);
    expect(resolver.question("à l'arrêt République avec un ado").audiences).toEqual(['teenager-group']);
  });

  it('keeps role limits and guidance away from the public kiosk', () => {
    const recognition = recognizer().recognize("j'ai le droit de fouiller un sac ?", 'fr');
    expect(recognition.rules[0]?.rule).toBe('search-and-palpation');
    const resolution = resolver.resolve(recognition.rules, recognition.text, { publicOnly: true });
    const ids = resolution.kind === 'entry' ? [resolution.id] : resolution.kind === 'choose' ? resolution.ids : [];
    for (const id of ids) expect(resolver.isPublic(resolver.entry(id)!)).toBe(true);
  });

  it('offers a choice, never a guess, when nothing is sure, and nothing for an empty text', () => {
    expect(resolver.resolve([], 'bonjour', agent)).toEqual({ kind: 'none' });
    const close = [
      { rule: 'begging', score: 0.3 },
      { rule: 'aggressive-begging', score: 0.28 },
      { rule: 'unknown-id', score: 0.2 },
    ];
    expect(resolver.resolve(close, 'mendicité', agent)).toEqual({
      kind: 'choose',
      ids: ['begging', 'aggressive-begging'],
    });
  });

  it('gives what local documents say about a rule, narrowed to the places named', () => {
    const everywhere = resolver.localNotes('alcohol-in-street').map((n) => n.document.id);
    expect(everywhere).toEqual(['arrete-municipal-tranquillite']);
    expect(resolver.localNotes('alcohol-in-street', ['parc-des-berges'])).toHaveLength(1);
    expect(resolver.localNotes('alcohol-in-street', ['cite-du-moulin'])).toEqual([]);
  });
});
