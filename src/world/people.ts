/** Who is in a world: the account that owns it, its team of operators, and each visitor's identity. */
import { type Chance, chance } from "./random.js";
import type { OperatorSender, UserAttribute } from "./types.js";
import {
  CAMPAIGNS,
  COMPANIES,
  CULTURES,
  type Culture,
  FIRST_CULTURE_WEIGHT,
  PLANS,
  SITE_PATHS,
  SITES,
} from "./vocabulary.js";

/** The account whose widget the world is: its site, its team, and what its references look like. */
export interface Account {
  site: string;
  operators: OperatorSender[];
  /** Mixed into references so that two seeds do not share them. */
  referenceKey: number;
}

/** A name as it can appear in an email address: lower case ASCII letters and digits. */
function mailName(text: string): string {
  return text
    .toLowerCase()
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/ß/g, "ss")
    .replace(/[łđıø]/g, (letter) => ({ ł: "l", đ: "d", ı: "i", ø: "o" })[letter]!)
    .replace(/[^a-z0-9]/g, "");
}

function pickCulture(draw: Chance): Culture {
  const index = draw.int(0, CULTURES.length + FIRST_CULTURE_WEIGHT - 2);
  return CULTURES[Math.max(0, index - FIRST_CULTURE_WEIGHT + 1)]!;
}

/** `assetsBase` is where the world's avatars are (generate.ts checks it). */
export function createAccount(seed: string, assetsBase: string): Account {
  const draw = chance(seed, "account");
  const site = draw.pick(SITES);
  const operators: OperatorSender[] = [];
  const names = new Set<string>();
  const emails = new Set<string>();
  let id = draw.int(1, 9);
  for (let count = draw.int(5, 10); operators.length < count; ) {
    const culture = pickCulture(draw);
    const forename = draw.pick(culture.given);
    const surname = draw.pick(culture.family);
    if (names.has(`${forename} ${surname}`)) continue;
    names.add(`${forename} ${surname}`);
    let email = `${mailName(forename)}@${site}`;
    if (emails.has(email)) email = `${mailName(forename)}.${mailName(surname)}@${site}`;
    emails.add(email);
    const picture = draw.chance(0.7) ? `${assetsBase}/avatars/${id}/thumb.png` : null;
    operators.push({ id, forename, surname, email, picture_thumb_url: picture });
    id += draw.int(1, 5);
  }
  return { site, operators, referenceKey: Math.floor(draw.next() * 4294967296) };
}

/** What a visitor is, apart from time: null fields for an anonymous visitor. */
export interface Identity {
  name: string | null;
  /** How operators greet the visitor: the given name, or "there". */
  greeting: string;
  email: string | null;
  reference: string | null;
  /** The page the visitor was last on, if the visitor was ever online. */
  lastUrl: string;
  attributes: UserAttribute[];
  /** A visitor your site registered who never opened it (online_at null), when the chat is empty too. */
  imported: boolean;
}

export function createIdentity(seed: string, account: Account, userId: number): Identity {
  const draw = chance(seed, "user", userId);
  const lastUrl = visitedPage(draw, account.site);
  if (draw.chance(1 / 6)) {
    return {
      name: null,
      greeting: "there",
      email: null,
      reference: null,
      lastUrl,
      attributes: [],
      imported: false,
    };
  }
  const culture = pickCulture(draw);
  const given = draw.pick(culture.given);
  const family = draw.pick(culture.family);
  const company = draw.chance(0.35) ? draw.pick(COMPANIES) : null;
  const attributes: UserAttribute[] = [];
  if (company) attributes.push({ name: "company", value: company });
  if (draw.chance(0.5)) attributes.push({ name: "plan", value: draw.pick(PLANS) });
  if (draw.chance(0.45)) attributes.push({ name: "country", value: draw.pick(culture.countries) });
  if (draw.chance(0.25)) attributes.push({ name: "language", value: culture.language });
  const domain = company && draw.chance(0.5) ? `${mailName(company)}.com` : pickDomain(draw, culture);
  return {
    name: draw.chance(0.08) ? given : `${given} ${family}`,
    greeting: given,
    email: `${mailbox(draw, mailName(given), mailName(family))}@${domain}`,
    reference: draw.chance(0.85) ? reference(account.referenceKey, userId) : null,
    lastUrl,
    attributes,
    imported: draw.chance(0.08),
  };
}

function pickDomain(draw: Chance, culture: Culture): string {
  return draw.chance(0.5) ? culture.domains[0]! : draw.pick(culture.domains);
}

/** The ways people turn their name into a mailbox. */
function mailbox(draw: Chance, given: string, family: string): string {
  switch (draw.int(0, 7)) {
    case 0:
      return `${given}${family}`;
    case 1:
      return `${given[0]}${family}`;
    case 2:
      return `${given}_${family}`;
    case 3:
      return `${given}.${family}${draw.int(10, 99)}`;
    case 4:
      return `${family}.${given}`;
    case 5:
      return `${given}${draw.int(1965, 2005)}`;
    case 6:
      return `${given}.${family[0]}`;
    default:
      return `${given}.${family}`;
  }
}

/**
 * A site's own customer id, like `cus_0x7k2m9`: unique in the world because multiplying by an odd number and
 * xor-ing a key are both one-to-one on 32-bit integers.
 */
function reference(key: number, userId: number): string {
  const scrambled = (Math.imul(userId, 0x9e3779b1) ^ key) >>> 0;
  return `cus_${scrambled.toString(36).padStart(7, "0")}`;
}

function visitedPage(draw: Chance, site: string): string {
  const path = draw.pick(SITE_PATHS);
  const campaign = !path.includes("?") && draw.chance(0.2) ? `?utm_source=${draw.pick(CAMPAIGNS)}` : "";
  return `https://www.${site}${path}${campaign}`;
}
