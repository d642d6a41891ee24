/**
 * Realistic, varied names so the playground reads like a real workshop and so tests exercise
 * non-ASCII text (diacritics, apostrophes) in names the app renders.
 */
export const PEOPLE: readonly string[] = [
  'Maya Chen',
  'Jonas Weber',
  'Aisha Okafor',
  'Lucas Martins',
  'Priya Raman',
  'Tomás García',
  'Emma Lindqvist',
  'Kenji Watanabe',
  'Fatima Haddad',
  'Noah Williams',
  'Zoë Dubois',
  "Liam O'Connor",
  'Sofia Rossi',
  'Mateo Fernández',
  'Hana Nováková',
  'Olumide Adeyemi',
  'Ingrid Johansson',
  'Arjun Mehta',
  'Chloé Martin',
  'Daniel Kowalski',
];

/** The n-th name (0-based); past the list, names repeat with a number so they stay unique. */
export function personName(index: number): string {
  const base = PEOPLE[index % PEOPLE.length] ?? 'Guest';
  const round = Math.floor(index / PEOPLE.length);
  return round === 0 ? base : `${base} ${round + 1}`;
}

/** Viewport and label colour per user, distinguishable on a light board. */
const PALETTE: readonly string[] = [
  '#4262ff',
  '#e3405f',
  '#0ca789',
  '#f29d38',
  '#8f5cff',
  '#1f9dd9',
  '#c2572b',
  '#5c8a00',
  '#d43fbf',
  '#6b6b6b',
];

export const userColour = (index: number): string => PALETTE[index % PALETTE.length] ?? '#333';
