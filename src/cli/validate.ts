/**
 * npm run validate: checks every file in knowledge/ and dialogs/ with the same loaders as start-up,
 * prints each problem as "file:line at field: message", and ends with one summary line.
 */
import { join, resolve } from 'node:path';
import { ContentError, formatIssue } from '../content';
import { loadDialogCatalogue } from '../dialogs/catalogue';
import { loadDataInclusionCategories } from '../knowledge/data-inclusion-categories';
import {
  INTENTS,
  loadKnowledge,
  hasEnglish,
  loadOrientation,
  loadQuiz,
  loadRules,
  openingHoursWarnings,
  placedRules,
  staleEntries,
} from '../knowledge';

const root = resolve(__dirname, '..', '..');

try {
  const knowledge = loadKnowledge(join(root, 'knowledge'), root);
  const catalogue = loadDialogCatalogue(join(root, 'dialogs'), root);
  const orientation = loadOrientation(join(root, 'knowledge'), root);
  const rules = loadRules(join(root, 'knowledge'), root, orientation);
  const quiz = loadQuiz(join(root, 'knowledge'), root, { orientation, rules });
  // Read by `npm run import` only: checked here so that a broken rule is found before an import needs it.
  const categoryRules = loadDataInclusionCategories(join(root, 'knowledge'), root);
  if (!categoryRules.ok) throw new ContentError(categoryRules.issues);
  const d = orientation.directory;
  for (const entry of [...d.structures, ...d.services]) {
    for (const warning of entry.horaires_accueil ? openingHoursWarnings(entry.horaires_accueil) : [])
      console.warn(`opening hours: ${orientation.files.directory} ${entry.id}: ${warning}`);
  }
  const stale = staleEntries(orientation, new Date());
  for (const entry of stale)
    console.warn(`stale (verified more than 6 months ago): ${entry.file} ${entry.id} (${entry.date})`);
  const utterances = (['fr', 'en'] as const).map((l) =>
    INTENTS.reduce((n, i) => n + knowledge.intents[l][i].length, 0),
  );
  console.log(
    `content ok: ${INTENTS.length} intents (${utterances[0]} fr + ${utterances[1]} en utterances), ` +
      `${knowledge.messages.keys('fr').length} messages × 2 locales, ${catalogue.capabilities.length} dialogs + main, ` +
      `${catalogue.forms.length} report forms (${catalogue.forms.reduce((n, f) => n + f.fields.length, 0)} fields), ` +
      `${orientation.numbers.length} national numbers, ${orientation.situations.length} situations, ` +
      `directory "${d.territory.name}" (${d.structures.length} structures, ${d.services.length} services, ` +
      `${d.contacts_urgence.length} emergency contacts), ` +
      `${rules.rules.length} national rules + ${placedRules(rules).length} local rules in ${rules.documents.length} local documents, ` +
      `${rules.limits.length} role limits, ${rules.guidance.length} guidance cards, ${rules.audiences.length} audiences, ` +
      `${stale.length} stale entr${stale.length === 1 ? 'y' : 'ies'}, ` +
      `${quiz.questions.length} quiz questions (${quiz.questions.filter(hasEnglish).length} in English too)`,
  );
  console.log(`quiz questions per competency (référentiel ${quiz.referentiel.version.wording}):`);
  for (const c of quiz.competencies) {
    const own = quiz.questions.filter((q) => q.competency === c.id);
    console.log(
      `  ${c.ccp.toUpperCase()} ${c.id.padEnd(30)} ${String(own.length).padStart(3)} (${own.filter(hasEnglish).length} en)`,
    );
  }
} catch (error) {
  if (!(error instanceof ContentError)) throw error;
  for (const issue of error.issues) console.error(formatIssue(issue));
  console.error(`content invalid: ${error.issues.length} problem(s)`);
  process.exit(1);
}
