import { z } from 'zod';
import { fill, type Locale } from '../content';

type MessageTree = { [key: string]: string | MessageTree };
const MessageTree: z.ZodType<MessageTree> = z.lazy(() =>
  z.record(
    z.string().regex(/^[a-z][a-zA-Z0-9-]*$/, 'keys are lowerCamelCase or kebab-case'),
    z.union([z.string().min(1), MessageTree]),
  ),
);

/** knowledge/messages/<locale>.yaml: the sentences the bot says outside of content items. */
export const MessageCatalogue = z.strictObject({ locale: z.enum(['fr', 'en']), messages: MessageTree });
export type MessageCatalogue = z.infer<typeof MessageCatalogue>;

export function flattenMessages(tree: MessageTree, prefix = '', out = new Map<string, string>()): Map<string, string> {
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else flattenMessages(value, path, out);
  }
  return out;
}

/** Localised sentences by dotted key, with {{placeholders}}. */
export class Messages {
  constructor(private readonly byLocale: Readonly<Record<Locale, ReadonlyMap<string, string>>>) {}

  has(key: string): boolean {
    return this.byLocale.fr.has(key);
  }

  /** The sentence for `key`; an unknown key is returned as is, so a gap shows instead of crashing a turn. */
  text(locale: Locale, key: string, vars?: Readonly<Record<string, string | number>>): string {
    const template = this.byLocale[locale].get(key) ?? this.byLocale.fr.get(key);
    return template === undefined ? key : fill(template, vars);
  }

  keys(locale: Locale): string[] {
    return [...this.byLocale[locale].keys()];
  }
}
