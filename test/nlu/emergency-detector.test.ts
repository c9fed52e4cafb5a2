import { EmergencyDetector } from '../../src/nlu/emergency-detector';
import { content } from '../helpers';

const detector = new EmergencyDetector(content().orientation.triggers);

describe('EmergencyDetector (knowledge/emergency-triggers.yaml)', () => {
  it.each([
    ['Il ne respire plus !!', ['medical']],
    ['un homme INCONSCIENT sur le quai', ['medical']],
    ['au feu, il y a le feu au 3e', ['fire']],
    ['he is not breathing', ['medical']],
    ['il a sorti un couteau et il saigne beaucoup', ['violence', 'bleeding']],
  ] as const)('finds danger in "%s"', (text, kinds) => {
    expect(detector.detect(text)).toEqual(expect.arrayContaining([...kinds]));
  });

  it.each([
    'le feu rouge est en panne',
    "l'alarme de la porte sonne",
    'where is the fire exit',
    'numéro de prévention du suicide',
    'bonjour',
    '',
    '🙂🙂🙂',
  ])('stays quiet for "%s"', (text) => {
    expect(detector.detect(text)).toEqual([]);
  });

  it('reads French in an English conversation and the other way round', () => {
    expect(detector.detect("quelqu'un s'est évanoui")).toContain('medical');
    expect(detector.detect('someone collapsed and is unconscious')).toContain('medical');
  });

  it('does not fail on very long text', () => {
    expect(detector.detect('bla '.repeat(100_000))).toEqual([]);
  });
});
