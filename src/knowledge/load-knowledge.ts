import { join } from 'node:path';
import { ContentError, LOCALES, readContentFile, type ContentIssue, type Locale } from '../content';
import { IntentCorpus, type IntentName } from './intents';
import { MessageCatalogue, Messages, flattenMessages } from './messages';
import { PersonalDataTerms } from './personal-data-terms';

export interface Knowledge {
  intents: Readonly<Record<Locale, Readonly<Record<IntentName, readonly string[]>>>>;
  messages: Messages;
  /** What the personal-data guard of reports looks for (knowledge/personal-data.yaml). */
  personalData: PersonalDataTerms;
}

/** Loads and validates everything under knowledge/; throws a ContentError listing every problem. */
export function loadKnowledge(knowledgeDir: string, rootDir = process.cwd()): Knowledge {
  const issues: ContentIssue[] = [];
  const intents: Partial<Record<Locale, Record<IntentName, string[]>>> = {};
  const messages: Partial<Record<Locale, Map<string, string>>> = {};

  for (const locale of LOCALES) {
    const intentFile = join(knowledgeDir, 'intents', `${locale}.yaml`);
    const corpus = readContentFile(intentFile, IntentCorpus, rootDir);
    if (corpus.ok) {
      if (corpus.data.locale !== locale) issues.push(localeMismatch(intentFile, rootDir, locale));
      intents[locale] = corpus.data.intents;
    } else issues.push(...corpus.issues);

    const messageFile = join(knowledgeDir, 'messages', `${locale}.yaml`);
    const catalogue = readContentFile(messageFile, MessageCatalogue, rootDir);
    if (catalogue.ok) {
      if (catalogue.data.locale !== locale) issues.push(localeMismatch(messageFile, rootDir, locale));
      messages[locale] = flattenMessages(catalogue.data.messages);
    } else issues.push(...catalogue.issues);
  }

  const personalData = readContentFile(join(knowledgeDir, 'personal-data.yaml'), PersonalDataTerms, rootDir);
  if (!personalData.ok) issues.push(...personalData.issues);

  if (messages.fr && messages.en)
    issues.push(...compareKeys(messages.fr, messages.en, join(knowledgeDir, 'messages'), rootDir));
  if (issues.length > 0 || !intents.fr || !intents.en || !messages.fr || !messages.en || !personalData.ok)
    throw new ContentError(issues);

  return {
    intents: { fr: intents.fr, en: intents.en },
    messages: new Messages({ fr: messages.fr, en: messages.en }),
    personalData: personalData.data,
  };
}

function localeMismatch(path: string, rootDir: string, locale: Locale): ContentIssue {
  return { file: rel(path, rootDir), path: 'locale', message: `must be "${locale}" to match the file name` };
}

function compareKeys(fr: Map<string, string>, en: Map<string, string>, dir: string, rootDir: string): ContentIssue[] {
  const issues: ContentIssue[] = [];
  for (const key of fr.keys()) {
    if (!en.has(key))
      issues.push({
        file: rel(join(dir, 'en.yaml'), rootDir),
        path: `messages.${key}`,
        message: 'missing (present in fr.yaml)',
      });
  }
  for (const key of en.keys()) {
    if (!fr.has(key))
      issues.push({
        file: rel(join(dir, 'fr.yaml'), rootDir),
        path: `messages.${key}`,
        message: 'missing (present in en.yaml)',
      });
  }
  return issues;
}

function rel(path: string, rootDir: string): string {
  return path.startsWith(rootDir) ? path.slice(rootDir.length + 1) : path;
}
