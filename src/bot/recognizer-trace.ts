import { ActivityTypes, type RecognizerResult, type TurnContext } from 'botbuilder';
import type { Recognition } from '../nlu';

export const RECOGNIZER_TRACE = 'Recognizer';
const VALUE_TYPE = 'https://www.botframework.com/schemas/recognizerResult';

/** A Recognition in the shape of botbuilder's RecognizerResult, for the Emulator's inspector. */
export function toRecognizerResult(recognition: Recognition): RecognizerResult {
  return {
    text: recognition.text,
    intents: Object.fromEntries(recognition.intents.map((i) => [i.intent, { score: round(i.score) }])),
    entities: {
      situation: recognition.situations.map((s) => ({ id: s.situation, score: round(s.score) })),
      emergency: [...recognition.emergencies],
    },
    locale: recognition.locale,
  };
}

/** Traces reach the Emulator only: see keepTracesForEmulator. */
export async function traceRecognition(context: TurnContext, recognition: Recognition): Promise<void> {
  await context.sendTraceActivity(RECOGNIZER_TRACE, toRecognizerResult(recognition), VALUE_TYPE, 'Relais recognizer');
}

/**
 * Drops trace activities (recognition, dialog state snapshots, errors) unless the channel is the Emulator.
 * botbuilder does this on normal delivery, but with deliveryMode "expectReplies" it would return them,
 * dialog memory included, to any caller.
 */
export function keepTracesForEmulator(context: TurnContext): void {
  if (context.activity.channelId === 'emulator') return;
  context.onSendActivities(async (_context, activities, next) => {
    const kept = activities.filter((a) => a.type !== ActivityTypes.Trace);
    if (kept.length === 0) return []; // adapters refuse an empty batch
    activities.splice(0, activities.length, ...kept);
    return next();
  });
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}
