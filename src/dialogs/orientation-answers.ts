import type { CardAction, TurnContext } from 'botbuilder';
import {
  directoryContact,
  numberContact,
  openingState,
  situationContacts,
  type Contact,
  type EmergencyKind,
  type Orientation,
  type Situation,
} from '../knowledge';
import type { DirectoryHit } from '../nlu';
import { choiceButton, sendWithButtons } from './cards';
import { localeTag, longDate } from './format';
import type { Replies } from './replies';
import { getTurnInfo } from './turn-info';

/** What a button of an orientation answer sends back (Action.Submit / messageBack value). */
export interface OrientationChoice {
  capability: 'orientation';
  situation?: string;
  show?: 'contacts' | 'alternatives' | 'alert-call';
  alternatives?: string[];
}

/** Most contacts per local category in a normal answer, and in "other contacts". */
const CONTACTS_PER_CATEGORY = 2;
const ALL_CONTACTS_PER_CATEGORY = 6;

/**
 * Turns orientation content into replies: the emergency answer, a situation's playbook with its contacts
 * (phone as a tel: link, open now or next opening, address, stale warning), directory look-ups and choices.
 * Every sentence comes from knowledge/messages; agent-only lines are left out for the public.
 */
export class OrientationAnswers {
  constructor(
    private readonly orientation: Orientation,
    private readonly replies: Replies,
    private readonly now: () => Date = () => new Date(),
  ) {}

  situationById(id: string | undefined): Situation | undefined {
    return id === undefined ? undefined : this.orientation.situations.find((s) => s.id === id);
  }

  /** Whether the public may be shown this situation (some playbooks are for agents only). */
  isShownTo(situation: Situation, context: TurnContext): boolean {
    return getTurnInfo(context).role !== 'public' || situation.public_ok;
  }

  /** The emergency answer: whom to call now for these kinds of danger, and what to say. */
  async emergency(context: TurnContext, kinds: readonly EmergencyKind[], paused: boolean): Promise<void> {
    const { locale } = getTurnInfo(context);
    const ids = [...new Set(kinds.flatMap((kind) => this.orientation.emergencyNumbers[kind]))];
    const numbers = ids
      .map((id) => this.orientation.numbers.find((n) => n.id === id))
      .filter((n) => n !== undefined && n.id !== 'urgence-114');
    const list = numbers
      .map((n) => `[${n!.display}](tel:${n!.number}) (${n!.name[locale]})`)
      .join(this.text(context, 'orientation.emergency.or'));
    const lines = [this.text(context, 'orientation.emergency.title', { numbers: list })];
    if (ids.includes('urgence-114')) lines.push(this.text(context, 'orientation.emergency.sms'));
    lines.push(this.text(context, 'orientation.emergency.alert'));
    if (paused) lines.push(this.text(context, 'orientation.emergency.paused'));
    const buttons = paused ? [] : [this.button(context, 'orientation.buttons.alertCall', { show: 'alert-call' })];
    await this.send(context, lines.join('\n\n'), buttons);
  }

  /** A situation's playbook in one message, with buttons for the closest alternatives, the report and more contacts. */
  async situation(
    context: TurnContext,
    situation: Situation,
    options: { allContacts?: boolean; alternatives?: string[] } = {},
  ): Promise<void> {
    const { locale } = getTurnInfo(context);
    const lines: string[] = [];
    if (situation.urgency === 'critical' || situation.urgency === 'high')
      lines.push(this.text(context, `orientation.banner.${situation.urgency}`));
    lines.push(
      options.allContacts
        ? this.text(context, 'orientation.moreContacts', { title: situation.title[locale] })
        : this.text(context, 'orientation.recognised', { title: situation.title[locale] }),
    );
    if (!options.allContacts) {
      lines.push(this.text(context, 'orientation.dangerCheck', { text: situation.danger_check[locale] }));
      lines.push(
        `${this.text(context, 'orientation.reflexes')}\n${situation.reflexes.map((r, i) => `${i + 1}. ${r.text[locale]}`).join('\n')}`,
      );
    }
    const perCategory = options.allContacts ? ALL_CONTACTS_PER_CATEGORY : CONTACTS_PER_CATEGORY;
    const contacts = situationContacts(this.orientation, situation, { ...this.contactOptions(context), perCategory });
    lines.push(this.contactBlock(context, contacts));
    if (!options.allContacts) {
      lines.push(this.text(context, 'orientation.say', { text: situation.say_when_calling[locale] }));
      lines.push(this.text(context, 'orientation.reportAfter', { text: situation.report_after[locale] }));
    }
    if (this.orientation.directory.territory.demo)
      lines.push(this.text(context, 'orientation.demo', { territory: this.orientation.directory.territory.name }));

    const buttons: CardAction[] = [];
    if (situation.urgency === 'critical' || situation.urgency === 'high')
      buttons.push(
        this.button(context, 'orientation.buttons.alertCall', { show: 'alert-call', situation: situation.id }),
      );
    if (options.alternatives && options.alternatives.length > 0)
      buttons.push(
        this.button(context, 'orientation.buttons.notThis', {
          show: 'alternatives',
          alternatives: options.alternatives,
        }),
      );
    if (getTurnInfo(context).role !== 'public') {
      buttons.push(
        choiceButton(this.text(context, 'orientation.buttons.report'), {
          capability: 'report',
          form: situation.report_form,
          situation: situation.id,
        }),
      );
    }
    if (!options.allContacts)
      buttons.push(this.button(context, 'orientation.buttons.contacts', { show: 'contacts', situation: situation.id }));
    await this.send(context, lines.join('\n\n'), buttons);
  }

  /** Directory look-up results: services, emergency lines, national numbers. */
  async lookup(context: TurnContext, hits: readonly DirectoryHit[]): Promise<boolean> {
    const options = this.contactOptions(context);
    const contacts = hits
      .map((hit) =>
        hit.kind === 'number'
          ? numberContact(this.orientation, hit.id, options)
          : directoryContact(this.orientation, hit.kind, hit.id, options),
      )
      .filter((c) => c !== undefined);
    if (contacts.length === 0) return false;
    const lines = [this.text(context, 'orientation.lookup'), this.contactList(context, contacts)];
    if (this.orientation.directory.territory.demo && contacts.some((c) => c.kind !== 'number'))
      lines.push(this.text(context, 'orientation.demo', { territory: this.orientation.directory.territory.name }));
    await this.send(context, lines.join('\n\n'), []);
    return true;
  }

  /** The national numbers for immediate danger (marked `emergency` in knowledge/numbers.yaml), and how to alert. */
  async emergencyNumbers(context: TurnContext): Promise<void> {
    const options = this.contactOptions(context);
    const contacts = this.orientation.numbers
      .filter((n) => n.emergency)
      .map((n) => numberContact(this.orientation, n.id, options))
      .filter((c) => c !== undefined);
    const lines = [
      this.text(context, 'orientation.emergencyNumbers'),
      this.contactList(context, contacts),
      this.text(context, 'orientation.emergency.alert'),
    ];
    const buttons = [this.button(context, 'orientation.buttons.alertCall', { show: 'alert-call' })];
    await this.send(context, lines.join('\n\n'), buttons);
  }

  /** Asks which situation was meant, with one button per candidate. */
  async choose(context: TurnContext, candidates: readonly Situation[], key = 'orientation.clarify'): Promise<void> {
    const { locale } = getTurnInfo(context);
    const buttons = candidates.map((s) => this.choice(s.title[locale], { situation: s.id }));
    await this.send(context, this.text(context, key), buttons);
  }

  private contactBlock(context: TurnContext, contacts: readonly Contact[]): string {
    if (contacts.length === 0)
      return `${this.text(context, 'orientation.contacts')}\n${this.text(context, 'orientation.noContact')}`;
    return `${this.text(context, 'orientation.contacts')}\n${this.contactList(context, contacts)}`;
  }

  private contactList(context: TurnContext, contacts: readonly Contact[]): string {
    return contacts.map((c) => `- ${this.contactLine(context, c)}`).join('\n');
  }

  /** "**Name** : [01 99 00 02 00](tel:+33199000200) — when · open, closes at 17:00 · address · ⚠️ stale" */
  private contactLine(context: TurnContext, contact: Contact): string {
    const parts = [`**${contact.name}**`];
    if (contact.phone) parts[0] += ` : [${contact.phone.display}](tel:${contact.phone.dial})`;
    if (contact.when) parts[0] += ` — ${contact.when}`;
    const hours = contact.hours ? this.hours(context, contact.hours) : contact.hoursText;
    if (hours) parts.push(hours);
    if (contact.address) parts.push(contact.address);
    if (contact.stale)
      parts.push(this.text(context, 'orientation.stale', { date: this.date(context, contact.verifiedOn) }));
    return parts.join(' · ');
  }

  /** "open, closes at 17:00", "closed, opens Monday at 09:00"… from an opening_hours string, at the injected now. */
  private hours(context: TurnContext, horaires: string): string | undefined {
    const now = this.now();
    const state = openingState(horaires, now);
    if (state.state === 'open') {
      if (!state.closesAt) return this.text(context, 'orientation.hours.openAlways');
      return this.text(context, 'orientation.hours.openUntil', { time: this.time(context, state.closesAt) });
    }
    if (state.state === 'closed') {
      if (!state.opensAt) return this.text(context, 'orientation.hours.closed');
      const key = state.publicHoliday ? 'orientation.hours.closedHoliday' : 'orientation.hours.closedUntil';
      return this.text(context, key, {
        day: this.day(context, state.opensAt, now),
        time: this.time(context, state.opensAt),
      });
    }
    return state.comment ? this.text(context, 'orientation.hours.comment', { comment: state.comment }) : undefined;
  }

  private time(context: TurnContext, date: Date): string {
    return new Intl.DateTimeFormat(localeTag(getTurnInfo(context).locale), {
      hour: '2-digit',
      minute: '2-digit',
    }).format(date);
  }

  private day(context: TurnContext, date: Date, now: Date): string {
    const days = Math.round((startOfDay(date) - startOfDay(now)) / 86_400_000);
    if (days === 0) return this.text(context, 'orientation.hours.today');
    if (days === 1) return this.text(context, 'orientation.hours.tomorrow');
    return new Intl.DateTimeFormat(localeTag(getTurnInfo(context).locale), { weekday: 'long', day: 'numeric' }).format(
      date,
    );
  }

  private date(context: TurnContext, isoDate: string): string {
    return longDate(getTurnInfo(context).locale, isoDate);
  }

  private contactOptions(context: TurnContext) {
    const { locale, role } = getTurnInfo(context);
    return { locale, now: this.now(), includeAgentOnly: role !== 'public' };
  }

  private text(context: TurnContext, key: string, vars?: Record<string, string | number>): string {
    return this.replies.text(context, key, vars);
  }

  private button(context: TurnContext, key: string, choice: Omit<OrientationChoice, 'capability'>): CardAction {
    return this.choice(this.text(context, key), choice);
  }

  /** A button that sends its value back, showing its title as what the user "said". */
  private choice(title: string, choice: Omit<OrientationChoice, 'capability'>): CardAction {
    const value: OrientationChoice = { capability: 'orientation', ...choice };
    return choiceButton(title, value);
  }

  private async send(context: TurnContext, text: string, buttons: CardAction[]): Promise<void> {
    await sendWithButtons(context, text, buttons);
  }
}

function startOfDay(date: Date): number {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate()).getTime();
}
