import type { Locale } from '../content';
import type { Orientation } from './load-orientation';
import { isProfessionalsOnly } from './directory';
import { isStale } from './load-orientation';
import type { LocalCategory, Situation } from './situations';

/** A phone number ready to show and to dial. */
export interface Phone {
  /** What the tel: link dials ("15", "+33199000200"). */
  dial: string;
  /** How it is written for people ("15", "01 99 00 02 00"). */
  display: string;
}

/** One contact to show in an answer, whatever it came from: a national number, an emergency contact or a service. */
export interface Contact {
  kind: 'number' | 'contact' | 'service' | 'structure';
  id: string;
  name: string;
  phone?: Phone;
  /** When to call this one rather than the others ("if the vehicle is dangerous"). */
  when?: string;
  /** Opening hours in OSM opening_hours syntax, when known. */
  hours?: string;
  /** Hours written for people, when they are not in OSM syntax (national numbers). */
  hoursText?: string;
  address?: string;
  /** A national emergency number (15, 17, 18, 112…). */
  emergency: boolean;
  /** An internal line that the public must not see. */
  agentOnly: boolean;
  /** Date the entry was last checked (YYYY-MM-DD), and whether that is more than six months ago. */
  verifiedOn: string;
  stale: boolean;
}

export interface ContactOptions {
  locale: Locale;
  now: Date;
  /** Keep internal lines (contacts marked agents_only): false for the public kiosk. */
  includeAgentOnly: boolean;
  /** Most local contacts shown per category (default 2). */
  perCategory?: number;
}

/** "+33199000200" → "01 99 00 02 00"; other numbers are shown as they are. */
export function displayPhone(e164: string): string {
  const match = /^\+33(\d)(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(e164);
  return match ? `0${match.slice(1).join(' ')}` : e164;
}

/** The contacts of a situation, in the order of its playbook, resolved against the numbers and the directory. */
export function situationContacts(orientation: Orientation, situation: Situation, options: ContactOptions): Contact[] {
  const contacts: Contact[] = [];
  const seen = new Set<string>();
  for (const entry of situation.contacts) {
    const when = entry.when?.[options.locale];
    const found =
      entry.number !== undefined
        ? [numberContact(orientation, entry.number, options)].filter((c) => c !== undefined)
        : categoryContacts(orientation, entry.category!, options);
    for (const contact of found) {
      const key = `${contact.kind}:${contact.id}`;
      if (seen.has(key)) continue;
      seen.add(key);
      contacts.push(when ? { ...contact, when } : contact);
    }
  }
  return contacts;
}

/** A national number by id, as a Contact. */
export function numberContact(orientation: Orientation, id: string, options: ContactOptions): Contact | undefined {
  const number = orientation.numbers.find((n) => n.id === id);
  if (!number) return undefined;
  return {
    kind: 'number',
    id: number.id,
    name: number.name[options.locale],
    phone: { dial: number.number, display: number.display },
    hoursText: number.hours?.[options.locale],
    emergency: number.emergency,
    agentOnly: false,
    verifiedOn: number.verified_on,
    stale: isStale(number.verified_on, options.now),
  };
}

/** The local contacts of a category: emergency and technical lines first, then services. */
export function categoryContacts(
  orientation: Orientation,
  category: LocalCategory,
  options: ContactOptions,
): Contact[] {
  const limit = options.perCategory ?? 2;
  const { directory } = orientation;
  const lines = directory.contacts_urgence
    .filter((c) => c.categorie === category && (options.includeAgentOnly || !c.agents_only))
    .map((c) => directoryContact(orientation, 'contact', c.id, options))
    .filter((c) => c !== undefined);
  const services = directory.services
    .filter((s) => s.categories.includes(category))
    .map((s) => directoryContact(orientation, 'service', s.id, options))
    .filter((c) => c !== undefined);
  return [...lines, ...services].slice(0, limit);
}

/** An entry of the territory's directory by kind and id (as returned by the directory search), as a Contact. */
export function directoryContact(
  orientation: Orientation,
  kind: Contact['kind'],
  id: string,
  options: ContactOptions,
): Contact | undefined {
  const { directory } = orientation;
  if (kind === 'number') return numberContact(orientation, id, options);
  if (kind === 'contact') {
    const c = directory.contacts_urgence.find((x) => x.id === id);
    if (!c || (c.agents_only && !options.includeAgentOnly)) return undefined;
    return {
      kind,
      id,
      name: c.nom,
      phone: { dial: c.numero, display: displayPhone(c.numero) },
      hours: c.disponibilite,
      emergency: false,
      agentOnly: c.agents_only,
      verifiedOn: c.date_verification,
      stale: isStale(c.date_verification, options.now),
    };
  }
  if (kind === 'service') {
    const s = directory.services.find((x) => x.id === id);
    if (!s || (isProfessionalsOnly(s) && !options.includeAgentOnly)) return undefined;
    const structure = directory.structures.find((x) => x.id === s.structure_id);
    const phone = s.telephone ?? structure?.telephone;
    return {
      kind,
      id,
      name: structure && !s.nom.includes(structure.nom) ? `${s.nom} (${structure.nom})` : s.nom,
      phone: phone ? { dial: phone, display: displayPhone(phone) } : undefined,
      hours: s.horaires_accueil ?? structure?.horaires_accueil,
      address: structure && addressOf(structure),
      emergency: false,
      agentOnly: isProfessionalsOnly(s),
      verifiedOn: s.date_maj,
      stale: isStale(s.date_maj, options.now),
    };
  }
  const structure = directory.structures.find((x) => x.id === id);
  if (!structure) return undefined;
  return {
    kind,
    id,
    name: structure.nom,
    phone: structure.telephone ? { dial: structure.telephone, display: displayPhone(structure.telephone) } : undefined,
    hours: structure.horaires_accueil,
    address: addressOf(structure),
    emergency: false,
    agentOnly: false,
    verifiedOn: structure.date_maj,
    stale: isStale(structure.date_maj, options.now),
  };
}

function addressOf(structure: { adresse?: string; code_postal?: string; commune?: string }): string | undefined {
  const town = [structure.code_postal, structure.commune].filter(Boolean).join(' ');
  const parts = [structure.adresse, town].filter((p) => p !== undefined && p !== '');
  return parts.length > 0 ? parts.join(', ') : undefined;
}
