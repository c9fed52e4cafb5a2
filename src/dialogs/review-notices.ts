import type { TurnContext } from 'botbuilder';
import { formatDate, markReviewSeen, type Form, type Report, type ReportStore } from '../reports';
import { choiceButton, sendWithButtons } from './cards';
import type { Replies } from './replies';
import { getTurnInfo } from './turn-info';

/** How many reviews one message tells at most; the others wait for the next message. */
const AT_ONCE = 3;

/**
 * Tells agents, at their next message, what their supervisor decided about their reports: validated, or to revise
 * with the comment and a button to reopen the report. A review is told once (`seen_at`).
 */
export class ReviewNotices {
  constructor(
    private readonly store: ReportStore,
    private readonly forms: readonly Form[],
    private readonly replies: Replies,
    private readonly now: () => Date,
  ) {}

  async tell(context: TurnContext): Promise<void> {
    const { role, user, locale } = getTurnInfo(context);
    if ((role !== 'agent' && role !== 'supervisor') || !user?.id) return;
    const reviewed = await this.store.list({ author: user.id, unseenReview: true, limit: AT_ONCE });
    for (const report of reviewed) {
      const review = report.review!;
      const vars = {
        title: this.forms.find((f) => f.id === report.form)?.title[locale] ?? report.form,
        date: formatDate(report.created_at, locale),
        by: review.by.name ?? review.by.id,
      };
      const lines = [
        this.replies.text(context, `report.review.${review.status === 'validated' ? 'validated' : 'toRevise'}`, vars),
      ];
      if (review.comment) lines.push(this.replies.text(context, 'report.review.comment', { comment: review.comment }));
      const buttons =
        review.status === 'to-revise' && report.status === 'to-revise'
          ? [choiceButton(this.replies.text(context, 'report.review.resume', vars), resume(report))]
          : [];
      await sendWithButtons(context, lines.join('\n\n'), buttons);
      await this.store.save(markReviewSeen(report, this.now()));
    }
  }
}

function resume(report: Report): object {
  return { capability: 'report', report: { resume: report.id } };
}
