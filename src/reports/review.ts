import type { Person, Report, Review } from './report';

export type ReviewDecision = Review['status'];

/** Why a review was refused: only submitted reports are reviewed, and "to revise" says what to revise. */
export class ReviewError extends Error {
  constructor(readonly reason: 'not-submitted' | 'comment-needed') {
    super(reason === 'not-submitted' ? 'a draft cannot be reviewed' : 'a report to revise needs a comment');
    this.name = 'ReviewError';
  }
}

/**
 * The supervisor's decision on a report: `validated`, or `to-revise` with a comment saying what to change. The author
 * is told at their next message (`seen_at` unset until then); a new review replaces the previous one.
 */
export function reviewReport(
  report: Report,
  decision: { status: ReviewDecision; by: Person; comment?: string },
  now: Date,
): Report {
  if (report.status === 'draft') throw new ReviewError('not-submitted');
  const comment = decision.comment?.trim();
  if (decision.status === 'to-revise' && !comment) throw new ReviewError('comment-needed');
  const at = now.toISOString();
  return {
    ...report,
    status: decision.status,
    updated_at: at,
    review: { status: decision.status, by: decision.by, at, ...(comment ? { comment } : {}) },
  };
}

/** The report once its author has been told about its review. */
export function markReviewSeen(report: Report, now: Date): Report {
  if (!report.review || report.review.seen_at) return report;
  return { ...report, review: { ...report.review, seen_at: now.toISOString() } };
}

/** Whether the author may reopen the report: their own draft, or their report sent back for revision. */
export function canReopen(report: Report, authorId: string): boolean {
  return report.author.id === authorId && (report.status === 'draft' || report.status === 'to-revise');
}
