import { ReviewError, canReopen, markReviewSeen, matches, reviewReport } from '../../src/reports';
import { report } from './sample-reports';

const NOW = new Date(2026, 10, 26, 14, 30);
const claire = { id: 'sup-1', name: 'Claire' };

describe('reviewReport', () => {
  it('validates a sent report, with or without a comment, and leaves it unseen by the author', () => {
    const reviewed = reviewReport(report(1, { at: NOW }), { status: 'validated', by: claire, comment: '  ' }, NOW);
    expect(reviewed.status).toBe('validated');
    expect(reviewed.review).toEqual({ status: 'validated', by: claire, at: NOW.toISOString() });
    expect(matches(reviewed, { author: 'agent-1', unseenReview: true })).toBe(true);
    const seen = markReviewSeen(reviewed, NOW);
    expect(seen.review?.seen_at).toBe(NOW.toISOString());
    expect(matches(seen, { unseenReview: true })).toBe(false);
    expect(markReviewSeen(seen, new Date(2027, 0, 1))).toBe(seen); // told once
  });

  it('needs a comment to send a report back, and never reviews a draft', () => {
    const sent = report(1, { at: NOW });
    expect(() => reviewReport(sent, { status: 'to-revise', by: claire }, NOW)).toThrow(ReviewError);
    const back = reviewReport(sent, { status: 'to-revise', by: claire, comment: ' Heure ? ' }, NOW);
    expect(back.review?.comment).toBe('Heure ?');
    expect(canReopen(back, 'agent-1')).toBe(true);
    expect(canReopen(back, 'agent-2')).toBe(false);
    expect(canReopen(sent, 'agent-1')).toBe(false);
    const draft = report(2, { at: NOW, status: 'draft' });
    expect(() => reviewReport(draft, { status: 'validated', by: claire }, NOW)).toThrow(
      expect.objectContaining({ reason: 'not-submitted' }),
    );
  });
});
