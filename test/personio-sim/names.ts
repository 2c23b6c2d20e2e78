/**
 * People's names and their email addresses: German and English first and last names (umlauts,
 * ß and other accents included) and the transliterated, collision-free `first.last@…` emails.
 */
import { EMAIL_DOMAIN, type Gender } from './company-types';
import type { Rng } from './random';

const GERMAN_FEMALE = [
  'Anna', 'Lena', 'Laura', 'Julia', 'Sarah', 'Lisa', 'Katharina', 'Johanna', 'Sophie', 'Marie', 'Hannah', 'Lea', 'Mia',
  'Emma', 'Clara', 'Charlotte', 'Franziska', 'Sabine', 'Petra', 'Claudia', 'Birgit', 'Ute', 'Jana', 'Miriam', 'Annika',
  'Theresa', 'Verena', 'Carina', 'Nadine', 'Zoë', 'Jördis', 'Bärbel', 'Aylin', 'Elif', 'Ayşe', 'Małgorzata', 'Renée',
  'Anaïs', 'Friederike', 'Maren', 'Svenja', 'Tülay',
];
const GERMAN_MALE = [
  'Jürgen', 'Tobias', 'Max', 'Lukas', 'Jonas', 'Felix', 'Paul', 'Leon', 'Finn', 'Niklas', 'Julian', 'Alexander',
  'Sebastian', 'Florian', 'Stefan', 'Thomas', 'Michael', 'Andreas', 'Matthias', 'Markus', 'Christian', 'Daniel', 'Jan',
  'Tim', 'Moritz', 'Jörg', 'Björn', 'Sören', 'Günter', 'Uwe', 'Klaus', 'Dieter', 'Ralf', 'Malte', 'Henrik', 'Emre',
  'Mehmet', 'Can', 'Lars', 'Jérôme', 'Noël', 'Bogdan',
];
const ENGLISH_FEMALE = [
  'Emily', 'Olivia', 'Amelia', 'Isla', 'Ava', 'Grace', 'Sophia', 'Jessica', 'Eleanor', 'Harriet', 'Imogen', 'Poppy',
  'Rebecca', 'Siobhán', 'Niamh', 'Aoife', 'Chloé', 'Ruby', 'Freya', 'Priya', 'Aisha', 'Megan', 'Lucy', 'Zoë',
];
const ENGLISH_MALE = [
  'Oliver', 'George', 'Harry', 'Jack', 'Jacob', 'Noah', 'Charlie', 'Oscar', 'William', 'James', 'Henry', 'Alfie',
  'Edward', 'Samuel', 'Rhys', 'Seán', 'Arjun', 'Mohammed', 'Callum', 'Ethan', 'Liam', 'Owen', 'Toby', 'Rory',
];
const GERMAN_LAST = [
  'Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Schulz', 'Hoffmann', 'Schäfer',
  'Koch', 'Bauer', 'Richter', 'Klein', 'Wolf', 'Schröder', 'Neumann', 'Schwarz', 'Zimmermann', 'Braun', 'Krüger',
  'Hofmann', 'Hartmann', 'Lange', 'Schmitt', 'Werner', 'Schmitz', 'Krause', 'Meier', 'Lehmann', 'Schmid', 'Schulze',
  'Maier', 'Köhler', 'Herrmann', 'König', 'Walter', 'Mayer', 'Huber', 'Kaiser', 'Fuchs', 'Peters', 'Lang', 'Scholz',
  'Möller', 'Weiß', 'Jung', 'Hahn', 'Schubert', 'Vogel', 'Friedrich', 'Keller', 'Günther', 'Frank', 'Berger',
  'Winkler', 'Roth', 'Beck', 'Lorenz', 'Baumann', 'Franke', 'Albrecht', 'Schuster', 'Simon', 'Ludwig', 'Böhm',
  'Winter', 'Kraus', 'Schumacher', 'Krämer', 'Vogt', 'Stein', 'Jäger', 'Otto', 'Sommer', 'Groß', 'Seidel', 'Heinrich',
  'Brandt', 'Haas', 'Schreiber', 'Graf', 'Schulte', 'Dietrich', 'Ziegler', 'Kuhn', 'Kühn', 'Pohl', 'Engel', 'Horn',
  'Busch', 'Bergmann', 'Voigt', 'Sauer', 'Arnold', 'Wolff', 'Pfeiffer', 'Özdemir', 'Yılmaz', 'Kaya', 'Demir', 'Şahin',
  'Nowak', 'Kowalski', 'Popović', 'Nguyen', 'Müller-Lüdenscheidt', 'von Bülow', 'Straßer', 'Große', 'Düring',
];
const ENGLISH_LAST = [
  'Smith', 'Jones', 'Williams', 'Taylor', 'Brown', 'Davies', 'Evans', 'Wilson', 'Thomas', 'Johnson', 'Roberts',
  'Robinson', 'Thompson', 'Wright', 'Walker', 'White', 'Edwards', 'Hughes', 'Green', 'Hall', 'Lewis', 'Harris',
  'Clarke', 'Patel', 'Jackson', 'Wood', 'Turner', 'Martin', 'Cooper', 'Hill', 'Ward', 'Morris', 'Moore', 'Clark',
  'Lee', 'King', 'Baker', 'Harrison', 'Morgan', 'Allen', 'James', 'Scott', 'Phillips', 'Watson', 'Davis', 'Parker',
  'Price', 'Bennett', 'Young', 'Griffiths', 'Mitchell', 'Kelly', 'Cook', 'Carter', 'Richardson', 'Bailey', 'Collins',
  'Bell', 'Shaw', 'Murphy', 'Miller', 'Cox', 'Richards', 'Khan', 'Marshall', 'Anderson', 'Simpson', 'Ellis', 'Adams',
  'Singh', 'Begum', 'Wilkinson', 'Foster', 'Chapman', 'Powell', 'Webb', 'Rogers', 'Gray', 'Mason', 'Ali', 'Hunt',
  'Hussain', 'Campbell', "O'Brien", "O'Connor", 'McDonald', 'Brontë',
];

/** Letters the NFD decomposition does not take apart. */
const EXTRA_LETTERS: Record<string, string> = { ß: 'ss', ł: 'l', ø: 'o', æ: 'ae', œ: 'oe', đ: 'd', ı: 'i' };

/**
 * Email local-part from a name: German umlauts as ae/oe/ue, ß as ss, other accents dropped
 * (ë → e, é → e, ş → s), spaces and apostrophes removed, hyphens kept.
 */
const slugs = new Map<string, string>();
export function emailSlug(name: string): string {
  let slug = slugs.get(name);
  if (slug === undefined) {
    slug = slugify(name);
    if (slugs.size > 10_000) slugs.clear();
    slugs.set(name, slug);
  }
  return slug;
}

function slugify(name: string): string {
  return name
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/[ßłøæœđı]/g, (c) => EXTRA_LETTERS[c] ?? c)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9-]/g, '');
}

/** Hands out unique lower-case emails, `first.last@…`, then `first.last2@…`, `first.last3@…`. */
export class EmailRegistry {
  private readonly used = new Set<string>();
  private readonly nextSuffix = new Map<string, number>();
  has(email: string): boolean {
    return this.used.has(email.toLowerCase());
  }
  reserve(email: string): void {
    this.used.add(email.toLowerCase());
  }
  release(email: string): void {
    this.used.delete(email.toLowerCase());
  }
  allocate(firstName: string, lastName: string): string {
    const base = `${emailSlug(firstName)}.${emailSlug(lastName)}`;
    let email = `${base}@${EMAIL_DOMAIN}`;
    let n = this.nextSuffix.get(base) ?? 2;
    while (this.used.has(email)) {
      email = `${base}${n}@${EMAIL_DOMAIN}`;
      n += 1;
    }
    this.nextSuffix.set(base, n);
    this.used.add(email);
    return email;
  }
}

export function pickName(rng: Rng, english: boolean, gender: Gender): { firstName: string; lastName: string } {
  const female = english ? ENGLISH_FEMALE : GERMAN_FEMALE;
  const male = english ? ENGLISH_MALE : GERMAN_MALE;
  const firstName = gender === 'female' ? rng.pick(female) : gender === 'male' ? rng.pick(male) : rng.pick(rng.chance(0.5) ? female : male);
  // A German office still has some English names and vice versa.
  const lastName = rng.pick(english !== rng.chance(0.15) ? ENGLISH_LAST : GERMAN_LAST);
  return { firstName, lastName };
}
