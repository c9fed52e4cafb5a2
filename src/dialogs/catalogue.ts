import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { ContentError, LocalisedText, readContentFile, yamlFiles, type ContentIssue } from '../content';
import { EmergencyKind } from '../knowledge/emergency-triggers';
import { IntentName } from '../knowledge/intents';
import { REPORT_FORMS } from '../knowledge/situations';
import { Form } from '../reports/form';
import { Role } from '../roles/role';
import { OrientationFlow } from './orientation-flow';
import { ReportFlow } from './report-flow';
import { QuizFlow } from './quiz-flow';
import { RulesFlow } from './rules-flow';

const Keywords = z.strictObject({
  fr: z.array(z.string().trim().min(1)).min(1),
  en: z.array(z.string().trim().min(1)).min(1),
});

/** dialogs/<id>.yaml: a capability the router can start. */
export const CapabilityDeclaration = z
  .strictObject({
    $schema: z.string().optional(),
    id: z.string().regex(/^[a-z][a-z0-9-]*$/, 'ids are kebab-case'),
    intent: IntentName,
    roles: z.array(Role).min(1),
    status: z.enum(['available', 'coming-soon']),
    menu: LocalisedText.describe('the label of the suggested action that starts it'),
    description: LocalisedText,
    comingSoon: LocalisedText.optional(),
    flow: z
      .unknown()
      .optional()
      .describe("the dialog's own settings and prompts, checked with its schema in FLOW_SCHEMAS"),
  })
  .refine((d) => d.status !== 'coming-soon' || d.comingSoon !== undefined, {
    message: 'a coming-soon capability needs a comingSoon message',
    path: ['comingSoon'],
  });
export type CapabilityDeclaration = z.infer<typeof CapabilityDeclaration>;

/** Flow schemas by capability id: a dialog's `flow` block is validated with its own schema at load. */
const FLOW_SCHEMAS: Readonly<Record<string, z.ZodType>> = {
  orientation: OrientationFlow,
  rules: RulesFlow,
  report: ReportFlow,
  quiz: QuizFlow,
};

/** A button of the public kiosk: a capability (with a question to answer at once), or the emergency answer. */
export const PublicMenuEntry = z.union([
  z.strictObject({
    label: LocalisedText,
    capability: z.string().min(1),
    question: LocalisedText.optional().describe('what the capability answers at once; absent, it asks'),
  }),
  z.strictObject({
    label: LocalisedText,
    emergency: z.array(EmergencyKind).min(1).describe('the kinds of danger whose numbers the emergency answer shows'),
  }),
]);
export type PublicMenuEntry = z.infer<typeof PublicMenuEntry>;

/** dialogs/main.yaml: the router. */
export const MainFlow = z.strictObject({
  $schema: z.string().optional(),
  id: z.literal('main'),
  menu: z.array(z.string()).min(1).describe('capability ids offered as suggested actions, in order'),
  public_menu: z
    .array(PublicMenuEntry)
    .optional()
    .describe("the public kiosk's buttons, for passers-by's commonest needs, instead of the menu"),
  recognition: z.strictObject({
    confident: z.number().min(0).max(1).describe('top score needed to route without asking'),
    margin: z.number().min(0).max(1).describe('lead over the second intent needed to route without asking'),
  }),
  interruptions: z.strictObject({ help: Keywords, cancel: Keywords, restart: Keywords }),
  smalltalk: z.strictObject({ thanks: Keywords, goodbye: Keywords }),
});
export type MainFlow = z.infer<typeof MainFlow>;

export interface DialogCatalogue {
  main: MainFlow;
  capabilities: readonly CapabilityDeclaration[];
  /** Report forms (dialogs/forms/*.yaml), in file-name order. */
  forms: readonly Form[];
}

/** Loads and validates dialogs/; throws a ContentError listing every problem. */
export function loadDialogCatalogue(dialogsDir: string, rootDir = process.cwd()): DialogCatalogue {
  const issues: ContentIssue[] = [];
  const mainPath = join(dialogsDir, 'main.yaml');
  const main = readContentFile(mainPath, MainFlow, rootDir);
  if (!main.ok) issues.push(...main.issues);

  const capabilities: CapabilityDeclaration[] = [];
  const files = readdirSync(dialogsDir)
    .filter((f) => /\.ya?ml$/.test(f) && f !== 'main.yaml')
    .sort();
  for (const name of files) {
    const flow = FLOW_SCHEMAS[name.replace(/\.ya?ml$/, '')];
    const schema = flow ? CapabilityDeclaration.and(z.object({ flow })) : CapabilityDeclaration;
    const result = readContentFile(join(dialogsDir, name), schema, rootDir);
    if (!result.ok) {
      issues.push(...result.issues);
      continue;
    }
    const stem = name.replace(/\.ya?ml$/, '');
    if (result.data.id !== stem) {
      issues.push({
        file: relName(dialogsDir, name, rootDir),
        path: 'id',
        message: `must equal the file name "${stem}"`,
      });
    }
    capabilities.push(result.data);
  }

  if (main.ok) {
    const ids = new Set(capabilities.map((c) => c.id));
    main.data.menu.forEach((id, i) => {
      if (!ids.has(id))
        issues.push({
          file: relName(dialogsDir, 'main.yaml', rootDir),
          path: `menu.${i}`,
          message: `no dialog "${id}" in dialogs/`,
        });
    });
    main.data.public_menu?.forEach((entry, i) => {
      if (!('capability' in entry)) return;
      const capability = capabilities.find((c) => c.id === entry.capability);
      if (!capability || !capability.roles.includes('public'))
        issues.push({
          file: relName(dialogsDir, 'main.yaml', rootDir),
          path: `public_menu.${i}.capability`,
          message: capability
            ? `"${entry.capability}" is not open to the public role`
            : `no dialog "${entry.capability}" in dialogs/`,
        });
    });
  }
  const byIntent = new Map<string, string>();
  for (const c of capabilities) {
    const other = byIntent.get(c.intent);
    if (other)
      issues.push({
        file: relName(dialogsDir, `${c.id}.yaml`, rootDir),
        path: 'intent',
        message: `intent "${c.intent}" is already handled by "${other}"`,
      });
    byIntent.set(c.intent, c.id);
  }
  const forms = loadForms(join(dialogsDir, 'forms'), rootDir, issues);
  if (issues.length > 0 || !main.ok) throw new ContentError(issues);
  return { main: main.data, capabilities, forms };
}

/** dialogs/forms/<id>.yaml: each form's id is its file name; every form that situations and rules name exists. */
function loadForms(formsDir: string, rootDir: string, issues: ContentIssue[]): Form[] {
  const forms: Form[] = [];
  for (const name of yamlFiles(formsDir, relName(formsDir, '', rootDir).replace(/\/$/, ''), issues)) {
    const result = readContentFile(join(formsDir, name), Form, rootDir);
    if (!result.ok) {
      issues.push(...result.issues);
      continue;
    }
    const stem = name.replace(/\.ya?ml$/, '');
    if (result.data.id !== stem)
      issues.push({
        file: relName(formsDir, name, rootDir),
        path: 'id',
        message: `must equal the file name "${stem}"`,
      });
    forms.push(result.data);
  }
  const ids = new Set(forms.map((f) => f.id));
  for (const id of REPORT_FORMS)
    if (!ids.has(id))
      issues.push({
        file: relName(formsDir, `${id}.yaml`, rootDir),
        path: '',
        message: `missing: situations and rules name the report form "${id}"`,
      });
  return forms;
}

function relName(dir: string, name: string, rootDir: string): string {
  const full = join(dir, name);
  return full.startsWith(rootDir) ? full.slice(rootDir.length + 1) : full;
}
