import { type Middleware, type TurnContext } from 'botbuilder';
import { TextPrompt, WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import { DialogTestClient } from 'botbuilder-testing';
import { toLocale } from '../../src/content';
import {
  CapabilityDialog,
  ComingSoonDialog,
  MainDialog,
  type NameLookup,
  Replies,
  setTurnInfo,
  type CapabilityDeclaration,
} from '../../src/dialogs';
import type { Recognition } from '../../src/nlu';
import type { Role } from '../../src/roles';
import {
  buttonTitles,
  buttonValues,
  content,
  messageText,
  recognizer as trainedRecognizer,
  suggestedTitles,
} from '../helpers';

const { knowledge, catalogue } = content();
const recognizer = trainedRecognizer();
const replies = new Replies(knowledge.messages, catalogue);
const text = (key: string, locale: 'fr' | 'en' = 'fr') => knowledge.messages.text(locale, key);
const declaration = (id: string) => catalogue.capabilities.find((c) => c.id === id)!;

/** A multi-turn capability (asks for a place) to prove interruptions work from inside a dialog. */
class AskPlaceDialog extends CapabilityDialog {
  constructor(decl: CapabilityDeclaration) {
    super(decl, replies);
    this.addDialog(new TextPrompt('ask-place.text'));
    this.addDialog(
      new WaterfallDialog('ask-place.steps', [
        async (step: WaterfallStepContext) => step.prompt('ask-place.text', 'Quel est le lieu ?'),
        async (step: WaterfallStepContext) => {
          await step.context.sendActivity(`Lieu noté : ${String(step.result)}`);
          return step.endDialog();
        },
      ]),
    );
    this.initialDialogId = 'ask-place.steps';
  }
}

/** Sets the turn's info as the bot would; `fixed` replaces the recogniser's answer, to test a given confidence. */
function turnInfo(role: Role, fixed?: Partial<Recognition>): Middleware {
  return {
    async onTurn(context: TurnContext, next: () => Promise<void>) {
      const locale = toLocale(context.activity.locale);
      const t = context.activity.text?.trim();
      const recognition = t ? { ...recognizer.recognize(t, locale), ...fixed } : undefined;
      setTurnInfo(context, { role, locale, recognition });
      await next();
    },
  };
}

function client(
  role: Role = 'agent',
  options: { reportIsMultiTurn?: boolean; recognition?: Partial<Recognition>; names?: NameLookup } = {},
) {
  const capabilities = catalogue.capabilities.map((d) =>
    options.reportIsMultiTurn && d.id === 'report' ? new AskPlaceDialog(d) : new ComingSoonDialog(d, replies),
  );
  const main = new MainDialog(replies, catalogue.main, capabilities, options.names ? { names: options.names } : {});
  return new DialogTestClient('test', main, undefined, [turnInfo(role, options.recognition)]);
}

describe('MainDialog routing', () => {
  it('routes a confident intent to its capability', async () => {
    const reply = await client().sendActivity('je veux réviser le CCP 1');
    expect(messageText(reply)).toBe(declaration('quiz').description.fr);
  });

  it('starts a capability from its menu button, typed with a typo', async () => {
    expect(messageText(await client().sendActivity('Réviser (quiz)'))).toBe(declaration('quiz').description.fr);
    expect(messageText(await client().sendActivity('rediger une fich'))).toBe(declaration('report').description.fr);
  });

  it('starts a capability from an Adaptive Card submission', async () => {
    const reply = await client().sendActivity({ type: 'message', value: { capability: 'quiz' } });
    expect(messageText(reply)).toBe(declaration('quiz').description.fr);
  });

  it('asks a clarifying question with the top choices when unsure, instead of guessing', async () => {
    const intents: Recognition['intents'] = [
      { intent: 'rules', score: 0.41 },
      { intent: 'orientation', score: 0.33 },
      { intent: 'none', score: 0.2 },
      { intent: 'report', score: 0.06 },
    ];
    const reply = await client('agent', { recognition: { text: 'le chien du voisin', intents } }).sendActivity(
      'le chien du voisin',
    );
    expect(messageText(reply)).toBe(text('clarify.question'));
    expect(buttonTitles(reply)).toEqual([declaration('rules').menu.fr, declaration('orientation').menu.fr]);
    // Each choice carries the question, so that the chosen capability answers it without asking again.
    expect(buttonValues(reply)).toEqual([
      { capability: 'rules', question: 'le chien du voisin' },
      { capability: 'orientation', question: 'le chien du voisin' },
    ]);
  });

  it('offers the main choices for what is out of scope', async () => {
    const reply = await client().sendActivity('qui a gagné le match de foot hier soir');
    expect(messageText(reply)).toBe(text('fallback.outOfScope'));
    expect(suggestedTitles(reply)).toEqual(catalogue.main.menu.map((id) => declaration(id).menu.fr));
  });

  it('answers small talk', async () => {
    expect(messageText(await client().sendActivity('merci beaucoup'))).toBe(text('smalltalk.thanks'));
    expect(messageText(await client().sendActivity('bonjour'))).toBe(text('smalltalk.greeting'));
  });

  it('answers in English when the activity locale is English', async () => {
    const reply = await client().sendActivity({
      type: 'message',
      text: 'I want to revise with a quiz',
      locale: 'en-US',
    });
    expect(messageText(reply)).toBe(declaration('quiz').description.en);
  });

  it('does not let a public user start an agent-only dialog, through the router or directly', async () => {
    const viaRouter = await client('public').sendActivity('nouvelle fiche de veille technique');
    expect(messageText(viaRouter)).toBe(text('roles.notAllowed'));
    const viaButton = await client('public').sendActivity({ type: 'message', value: { capability: 'report' } });
    expect(messageText(viaButton)).toBe(text('roles.notAllowed'));
    expect(suggestedTitles(viaButton)).not.toContain(declaration('report').menu.fr);
  });

  it('offers a public user what the text also resembles and is open to them, when its first reading is not', async () => {
    // At a kiosk, a text read first as the quiz (agents and trainees only) but also as orientation.
    const intents: Recognition['intents'] = [
      { intent: 'quiz', score: 0.7 },
      { intent: 'orientation', score: 0.2 },
      { intent: 'report', score: 0.05 },
    ];
    const question = 'les numéros pour les urgences';
    const reply = await client('public', { recognition: { text: question, intents } }).sendActivity(question);
    expect(messageText(reply)).toBe(text('clarify.question'));
    expect(buttonTitles(reply)).toEqual([declaration('orientation').menu.fr]);
    expect(buttonValues(reply)).toEqual([{ capability: 'orientation', question }]);
    // The same reading for an agent starts the quiz.
    const agent = await client('agent', { recognition: { text: question, intents } }).sendActivity(question);
    expect(messageText(agent)).toBe(declaration('quiz').description.fr);
  });

  it("sends a directory entry's name to orientation, whatever the intents say, for every role", async () => {
    const asked: [string, Role][] = [];
    const names: NameLookup = {
      namesAnEntry: (t, role) => {
        asked.push([t, role]);
        return t === 'fourrière';
      },
    };
    // The intent model reads "fourrière" as a rule (the roaming dogs rule mentions it).
    const intents: Recognition['intents'] = [
      { intent: 'rules', score: 0.8 },
      { intent: 'orientation', score: 0.1 },
    ];
    for (const role of ['agent', 'public'] as const) {
      const reply = await client(role, { names, recognition: { intents } }).sendActivity('fourrière');
      expect(messageText(reply)).toBe(declaration('orientation').description.fr);
    }
    expect(asked).toEqual([
      ['fourrière', 'agent'],
      ['fourrière', 'public'],
    ]);
    const rule = await client('agent', { names, recognition: { intents } }).sendActivity('la fourrière des chiens');
    expect(messageText(rule)).toBe(declaration('rules').description.fr);
  });

  it('lets a trainee start the quiz but not reports', async () => {
    expect(messageText(await client('trainee').sendActivity('lance un quiz'))).toBe(declaration('quiz').description.fr);
    expect(messageText(await client('trainee').sendActivity('Rédiger une fiche'))).toBe(text('roles.notAllowed'));
  });
});

describe('MainDialog interruptions from inside a dialog', () => {
  it('help answers and then repeats the pending question', async () => {
    const c = client('agent', { reportIsMultiTurn: true });
    expect(messageText(await c.sendActivity('Rédiger une fiche'))).toBe('Quel est le lieu ?');
    const help = await c.sendActivity('aide');
    expect(messageText(help)).toContain(text('help.body').slice(0, 20));
    expect(messageText(c.getNextReply())).toBe('Quel est le lieu ?');
    expect(messageText(await c.sendActivity('Gare centrale'))).toBe('Lieu noté : Gare centrale');
  });

  it('cancel ends the dialog and offers the menu', async () => {
    const c = client('agent', { reportIsMultiTurn: true });
    await c.sendActivity('Rédiger une fiche');
    const reply = await c.sendActivity('Annuler');
    expect(messageText(reply)).toBe(text('cancel.done'));
    expect(suggestedTitles(reply).length).toBeGreaterThan(0);
    // The next message is routed afresh, not taken as the place.
    expect(messageText(await c.sendActivity('merci'))).toBe(text('smalltalk.thanks'));
  });

  it('restart goes back to the menu', async () => {
    const c = client('agent', { reportIsMultiTurn: true });
    await c.sendActivity('Rédiger une fiche');
    expect(messageText(await c.sendActivity('menu'))).toBe(text('restart.done'));
  });

  it('cancel with nothing in progress says so', async () => {
    expect(messageText(await client().sendActivity('stop'))).toBe(text('cancel.nothing'));
  });

  it('does not read a long message as a cancel command because of a word such as "oublié"', async () => {
    const reply = await client('public').sendActivity("j'ai oublié mon parapluie sur un siège du RER ce matin");
    expect(messageText(reply)).not.toBe(text('cancel.nothing'));
  });

  it("gives cancel's share of a long message to the other intents, so that what is left can be sure", async () => {
    const intents: Recognition['intents'] = [
      { intent: 'cancel', score: 0.7 },
      { intent: 'orientation', score: 0.26 },
      { intent: 'report', score: 0.04 },
    ];
    const question = "j'ai oublié mon parapluie dans le rer";
    const reply = await client('public', { recognition: { text: question, intents } }).sendActivity(question);
    expect(messageText(reply)).toBe(declaration('orientation').description.fr);
    // Unsure all the same when the rest is split: a choice, not a guess.
    const split: Recognition['intents'] = [
      { intent: 'cancel', score: 0.5 },
      { intent: 'orientation', score: 0.26 },
      { intent: 'rules', score: 0.24 },
    ];
    const unsure = await client('agent', { recognition: { text: question, intents: split } }).sendActivity(question);
    expect(messageText(unsure)).toBe(text('clarify.question'));
  });
});
