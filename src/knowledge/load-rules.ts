import { join, relative } from 'node:path';
import type { z } from 'zod';
import { ContentError, readContentFile, yamlFiles, type ContentIssue } from '../content';
import { AudiencesFile, type Audience } from './audiences';
import { GuidanceCard } from './guidance';
import type { Orientation } from './load-orientation';
import { RoleLimit } from './role-limits';
import { RuleContextsFile } from './rule-contexts';
import { LocalRulesDocument, Rule, type LocalOverride, type LocalRule } from './rules';

/** A rule a local document adds, with the document it comes from. */
export interface PlacedRule extends LocalRule {
  document: LocalRulesDocument;
}

/** What a local document says about a national rule, with the document. */
export interface PlacedOverride extends LocalOverride {
  document: LocalRulesDocument;
}

export interface RulesKnowledge {
  rules: readonly Rule[];
  /** Local documents, each with the rules it adds and the national rules it specifies at its places. */
  documents: readonly LocalRulesDocument[];
  limits: readonly RoleLimit[];
  guidance: readonly GuidanceCard[];
  audiences: readonly Audience[];
  contexts: RuleContextsFile['contexts'];
}

const FOLDERS = { rules: 'rules', documents: 'local-rules', limits: 'limits', guidance: 'guidance' } as const;

/**
 * Loads and validates knowledge/rules/, knowledge/local-rules/, knowledge/limits/, knowledge/guidance/,
 * knowledge/audiences.yaml and knowledge/rule-contexts.yaml, with their cross-references to each other and to
 * the orientation knowledge (situations, the territory and its places); throws a ContentError listing every problem.
 */
export function loadRules(knowledgeDir: string, rootDir: string, orientation: Orientation): RulesKnowledge {
  const issues: ContentIssue[] = [];
  const situationIds = new Set(orientation.situations.map((s) => s.id));
  const territory = orientation.directory.territory;
  const placeIds = new Set(territory.places.map((p) => p.id));

  const situationRef = (situation: string | undefined, path: (string | number)[], ctx: z.RefinementCtx) => {
    if (situation !== undefined && !situationIds.has(situation))
      ctx.addIssue({ code: 'custom', path, message: `unknown situation "${situation}": not a file in situations/` });
  };

  const rules = readFolder(knowledgeDir, rootDir, FOLDERS.rules, issues, (id) =>
    Rule.superRefine((rule, ctx) => {
      matchName(rule.id, id, ctx);
      situationRef(rule.situation, ['situation'], ctx);
    }),
  );
  const ruleIds = new Set(rules.map((r) => r.id));

  const documents = readFolder(knowledgeDir, rootDir, FOLDERS.documents, issues, (id) =>
    LocalRulesDocument.superRefine((doc, ctx) => {
      matchName(doc.id, id, ctx);
      if (doc.territory !== territory.id)
        ctx.addIssue({
          code: 'custom',
          path: ['territory'],
          message: `must be "${territory.id}", the territory of knowledge/directory/`,
        });
      if (doc.demo !== territory.demo)
        ctx.addIssue({ code: 'custom', path: ['demo'], message: `must be ${territory.demo}, like the territory` });
      doc.places.forEach((place, i) => {
        if (!placeIds.has(place))
          ctx.addIssue({ code: 'custom', path: ['places', i], message: `unknown place "${place}" in the territory` });
      });
      doc.adds.forEach((rule, i) => situationRef(rule.situation, ['adds', i, 'situation'], ctx));
      doc.overrides.forEach((override, i) => {
        if (!ruleIds.has(override.rule))
          ctx.addIssue({
            code: 'custom',
            path: ['overrides', i, 'rule'],
            message: `unknown rule "${override.rule}": not a file in rules/`,
          });
      });
    }),
  );

  const limits = readFolder(knowledgeDir, rootDir, FOLDERS.limits, issues, (id) =>
    RoleLimit.superRefine((limit, ctx) => matchName(limit.id, id, ctx)),
  );
  const guidance = readFolder(knowledgeDir, rootDir, FOLDERS.guidance, issues, (id) =>
    GuidanceCard.superRefine((card, ctx) => matchName(card.id, id, ctx)),
  );

  const audiences = readContentFile(join(knowledgeDir, 'audiences.yaml'), AudiencesFile, rootDir);
  if (!audiences.ok) issues.push(...audiences.issues);
  const contexts = readContentFile(join(knowledgeDir, 'rule-contexts.yaml'), RuleContextsFile, rootDir);
  if (!contexts.ok) issues.push(...contexts.issues);

  // Every recognisable entry shares one id space: the recogniser answers with an id.
  const seen = new Map<string, string>();
  const claim = (id: string, file: string, path: string) => {
    const other = seen.get(id);
    if (other) issues.push({ file, path, message: `id "${id}" is already used by ${other}` });
    else seen.set(id, file);
  };
  const rel = (folder: string, name: string) => relative(rootDir, join(knowledgeDir, folder, `${name}.yaml`));
  for (const r of rules) claim(r.id, rel(FOLDERS.rules, r.id), 'id');
  for (const d of documents) d.adds.forEach((r, i) => claim(r.id, rel(FOLDERS.documents, d.id), `adds.${i}.id`));
  for (const l of limits) claim(l.id, rel(FOLDERS.limits, l.id), 'id');
  for (const g of guidance) claim(g.id, rel(FOLDERS.guidance, g.id), 'id');

  if (issues.length > 0 || !audiences.ok || !contexts.ok) throw new ContentError(issues);
  return {
    rules,
    documents,
    limits,
    guidance,
    audiences: audiences.data.audiences,
    contexts: contexts.data.contexts,
  };
}

/** Every local rule with its document, in file order. */
export function placedRules(knowledge: Pick<RulesKnowledge, 'documents'>): PlacedRule[] {
  return knowledge.documents.flatMap((document) => document.adds.map((rule) => ({ ...rule, document })));
}

/** What the local documents say about one national rule. */
export function placedOverrides(knowledge: Pick<RulesKnowledge, 'documents'>, ruleId: string): PlacedOverride[] {
  return knowledge.documents.flatMap((document) =>
    document.overrides.filter((o) => o.rule === ruleId).map((o) => ({ ...o, document })),
  );
}

function matchName(actual: string, expected: string, ctx: z.RefinementCtx): void {
  if (actual !== expected)
    ctx.addIssue({ code: 'custom', path: ['id'], message: `must be "${expected}" to match the file name` });
}

function readFolder<T>(
  knowledgeDir: string,
  rootDir: string,
  folder: string,
  issues: ContentIssue[],
  schemaFor: (id: string) => z.ZodType<T>,
): T[] {
  const dir = join(knowledgeDir, folder);
  const entries: T[] = [];
  for (const name of yamlFiles(dir, relative(rootDir, dir), issues)) {
    const result = readContentFile(join(dir, name), schemaFor(name.replace(/\.yaml$/, '')), rootDir);
    if (result.ok) entries.push(result.data);
    else issues.push(...result.issues);
  }
  return entries;
}
