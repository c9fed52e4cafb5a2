/**
 * npm run validate: checks every file in knowledge/ and dialogs/ with the same loaders as start-up,
 * prints each problem as "file:line at field: message", and ends with one summary line.
 */
import { join, resolve } from 'node:path';
import { ContentError, formatIssue } from '../content';
import { loadDialogCatalogue } from '../dialogs/catalogue';
import { INTENTS, loadKnowledge, loadOrientation, staleEntries } from '../knowledge';

const root = resolve(__dirname, '..', '..');

try {
  const knowledge = loadKnowledge(join(root, 'knowledge'), root);
  const catalogue = loadDialogCatalogue(join(root, 'dialogs'), root);
  const orientation = loadOrientation(join(root, 'knowledge'), root);
  const stale = staleEntries(orientation, new Date());
  for (const entry of stale)
    console.warn(`stale (verified more than 6 months ago): ${entry.file} ${entry.id} (${entry.date})`);
  const d = orientation.directory;
  const utterances = (['fr', 'en'] as const).map((l) =>
    INTENTS.reduce((n, i) => n + knowledge.intents[l][i].length, 0),
  );
  console.log(
    `content ok: ${INTENTS.length} intents (${utterances[0]} fr + ${utterances[1]} en utterances), ` +
      `${knowledge.messages.keys('fr').length} messages × 2 locales, ${catalogue.capabilities.length} dialogs + main, ` +
      `${orientation.numbers.length} national numbers, ${orientation.situations.length} situations, ` +
      `directory "${d.territory.name}" (${d.structures.length} structures, ${d.services.length} services, ` +
      `${d.contacts_urgence.length} emergency contacts), ${stale.length} stale entr${stale.length === 1 ? 'y' : 'ies'}`,
  );
} catch (error) {
  if (!(error instanceof ContentError)) throw error;
  for (const issue of error.issues) console.error(formatIssue(issue));
  console.error(`content invalid: ${error.issues.length} problem(s)`);
  process.exit(1);
}
