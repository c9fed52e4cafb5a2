import { z } from 'zod';
import { Reference, ReportStatus, type ReportQuery } from './report';

/**
 * A supervisor's filters on their team's reports, in a form that survives a turn and a signed link: dates as ISO
 * strings, the place as a reference. The team is never part of it: it always comes from who is asking.
 */
export const TeamQuery = z.strictObject({
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  forms: z.array(z.string().min(1)).min(1).optional(),
  statuses: z.array(ReportStatus).min(1).optional(),
  place: Reference.optional(),
});
export type TeamQuery = z.infer<typeof TeamQuery>;

/** The store query for a team: drafts are the agents' own and never listed for the supervisor. */
export function teamReportQuery(team: string, query: TeamQuery): ReportQuery {
  return {
    team,
    statuses: query.statuses ?? ['submitted', 'validated', 'to-revise'],
    ...(query.forms ? { forms: query.forms } : {}),
    ...(query.from ? { from: new Date(query.from) } : {}),
    ...(query.to ? { to: new Date(query.to) } : {}),
    ...(query.place ? { place: query.place.id ?? query.place.text } : {}),
  };
}
