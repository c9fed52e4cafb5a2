/** One problem found in a content file, located by file, field path and line. */
export interface ContentIssue {
  file: string;
  path: string;
  line?: number;
  message: string;
}

export class ContentError extends Error {
  constructor(readonly issues: ContentIssue[]) {
    super(
      `Invalid content (${issues.length} problem${issues.length > 1 ? 's' : ''}):\n` +
        issues.map((i) => `  ${formatIssue(i)}`).join('\n'),
    );
    this.name = 'ContentError';
  }
}

export function formatIssue(issue: ContentIssue): string {
  const where = issue.line ? `${issue.file}:${issue.line}` : issue.file;
  return issue.path ? `${where} at ${issue.path}: ${issue.message}` : `${where}: ${issue.message}`;
}
