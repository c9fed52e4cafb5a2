/**
 * The result a capability ends with when the message it received is not for it (a new question after an
 * answer): the router then routes that same message, in the same turn, as if no dialog had been active.
 */
export const REROUTE = 'reroute';
export type Reroute = Readonly<Record<typeof REROUTE, true>>;
/** The result to end with: `dc.endDialog(REROUTED)`. */
export const REROUTED: Reroute = Object.freeze({ [REROUTE]: true });

export function isReroute(result: unknown): result is Reroute {
  return typeof result === 'object' && result !== null && (result as Record<string, unknown>)[REROUTE] === true;
}
