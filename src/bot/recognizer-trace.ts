import type { RecognizerResult, TurnContext } from 'botbuilder';
import type { Recognition } from '../nlu';

export const RECOGNIZER_TRACE = 'Recognizer';
const VALUE_TYPE = 'https://www.botframework.com/schemas/recognizerResult';

/** A Recognition in the shape of botbuilder's RecognizerResult, for the Emulator's inspector. */
export function toRecognizerResult(recognition: Recognition): RecognizerResult {
  return {
    text: recognition.text,
    intents: Object.fromEntries(recognition.intents.map((i) => [i.intent, { score: round(i.score) }])),
    entities: { ...recognition.entities },
    locale: recognition.locale,
  };
}

/** Sent as a trace activity: TurnContext only delivers traces on the emulator channel. */
export async function traceRecognition(context: TurnContext, recognition: Recognition): Promise<void> {
  await context.sendTraceActivity(RECOGNIZER_TRACE, toRecognizerResult(recognition), VALUE_TYPE, 'Relais recognizer');
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}
