/**
 * Turns the facilitator's keep-apart and keep-together wishes into index pairs and units for the
 * search, and catches the contradictions that no schedule can satisfy before searching.
 *
 * Constraints naming people who are not in the rotation are ignored: a person who left the board
 * since the constraint was written must not block everyone else's rotation.
 */

export type PersonPair = readonly [string, string];

export type ConstraintProblem = {
  reason: 'apart-from-self' | 'apart-and-together' | 'keep-apart-unsatisfiable';
  message: string;
  pairs: [string, string][];
};

export type Constraints = {
  /** Index pairs that must never share a room. */
  apart: [number, number][];
  /** Index groups placed as one block; each fits the largest room. */
  together: number[][];
  /** Keep-together groups (person ids) larger than the largest room, so split into blocks. */
  splitGroups: string[][];
};

function unionFind(size: number) {
  const parent = Array.from({ length: size }, (_, index) => index);
  const find = (index: number): number => {
    let root = index;
    while (parent[root] !== root) root = parent[root] as number;
    // Path compression keeps later lookups flat.
    let current = index;
    while (parent[current] !== root) {
      const next = parent[current] as number;
      parent[current] = root;
      current = next;
    }
    return root;
  };
  const union = (a: number, b: number) => {
    parent[find(a)] = find(b);
  };
  return { find, union };
}

function chunk(items: number[], size: number): number[][] {
  const chunks: number[][] = [];
  for (let start = 0; start < items.length; start += size) {
    chunks.push(items.slice(start, start + size));
  }
  return chunks;
}

export function readConstraints(
  people: readonly string[],
  keepApart: readonly PersonPair[],
  keepTogether: readonly (readonly string[])[],
  largestRoom: number,
  usableRooms: number,
): Constraints | ConstraintProblem {
  const indexOf = new Map(people.map((id, index) => [id, index]));
  const sets = unionFind(people.length);
  for (const group of keepTogether) {
    const members = group.map((id) => indexOf.get(id)).filter((index) => index !== undefined);
    for (const member of members.slice(1)) sets.union(members[0] as number, member);
  }

  const apart: [number, number][] = [];
  const seenApart = new Set<string>();
  for (const [a, b] of keepApart) {
    if (a === b) {
      return {
        reason: 'apart-from-self',
        message: `${a} is listed to be kept apart from themselves.`,
        pairs: [[a, b]],
      };
    }
    const ia = indexOf.get(a);
    const ib = indexOf.get(b);
    if (ia === undefined || ib === undefined) continue;
    if (sets.find(ia) === sets.find(ib)) {
      return {
        reason: 'apart-and-together',
        message: `${a} and ${b} are to be kept apart but also kept together. Remove one of the two rules.`,
        pairs: [[a, b]],
      };
    }
    const key = ia < ib ? `${ia},${ib}` : `${ib},${ia}`;
    if (seenApart.has(key)) continue;
    seenApart.add(key);
    apart.push([ia, ib]);
  }
  const first = apart[0];
  if (first !== undefined && usableRooms < 2) {
    return {
      reason: 'keep-apart-unsatisfiable',
      message: 'Keeping people apart needs at least two rooms with people in them.',
      pairs: apart.map(([a, b]) => [people[a] as string, people[b] as string]),
    };
  }

  const components = new Map<number, number[]>();
  people.forEach((_, index) => {
    const root = sets.find(index);
    const members = components.get(root) ?? [];
    members.push(index);
    components.set(root, members);
  });
  const together: number[][] = [];
  const splitGroups: string[][] = [];
  for (const members of components.values()) {
    if (members.length < 2) continue;
    if (members.length > largestRoom) {
      splitGroups.push(members.map((index) => people[index] as string));
      together.push(...chunk(members, Math.max(1, largestRoom)).filter((part) => part.length > 1));
    } else {
      together.push(members);
    }
  }
  return { apart, together, splitGroups };
}

export const isConstraintProblem = (
  value: Constraints | ConstraintProblem,
): value is ConstraintProblem => 'reason' in value;
