import type { Random } from "./random";

const FIRST = [
  "Blue",
  "North",
  "Silver",
  "Bright",
  "Red",
  "Iron",
  "Green",
  "Swift",
  "Clear",
  "Stone",
  "Cedar",
  "Harbor",
  "Summit",
  "Lumen",
  "Pioneer",
  "Atlas",
  "Nova",
  "Orbit",
  "Quartz",
  "Maple",
  "Falcon",
  "Coral",
  "Vertex",
  "Beacon",
];
const SECOND = [
  "field",
  "wave",
  "peak",
  "line",
  "bridge",
  "forge",
  "path",
  "works",
  "point",
  "gate",
  "stream",
  "leaf",
  "rock",
  "light",
  "crest",
  "view",
];
const SUFFIX = [
  "Labs",
  "Systems",
  "Health",
  "Logistics",
  "Analytics",
  "Foods",
  "Energy",
  "Media",
  "Retail",
  "Bank",
  "Software",
  "Robotics",
  "Travel",
  "Insurance",
  "Education",
  "Networks",
];
const PEOPLE_FIRST = [
  "Olivia",
  "Adam",
  "Mia",
  "Noah",
  "Liam",
  "Emma",
  "Sofia",
  "Lucas",
  "Ava",
  "Ethan",
  "Isla",
  "Mateo",
  "Zoe",
  "Omar",
  "Priya",
  "Kenji",
  "Grace",
  "Hugo",
];
const PEOPLE_LAST = [
  "Okafor",
  "Lindqvist",
  "Moreau",
  "Tanaka",
  "Ribeiro",
  "Novak",
  "Kowalski",
  "Haddad",
  "Fischer",
  "Patel",
  "Nguyen",
  "Brennan",
  "Costa",
  "Schmidt",
  "Larsen",
  "Ahmed",
  "Rossi",
  "Walsh",
];

/** Unique company names like "Northwave Analytics". */
export function companyNames(rng: Random, count: number): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  while (out.length < count) {
    let name = `${rng.pick(FIRST)}${rng.pick(SECOND)} ${rng.pick(SUFFIX)}`;
    if (seen.has(name)) name = `${name} ${rng.pick(["Group", "Co", "Partners", "Inc", "Global"])}`;
    if (seen.has(name)) continue;
    seen.add(name);
    out.push(name);
  }
  return out;
}

export function personName(rng: Random): string {
  return `${rng.pick(PEOPLE_FIRST)} ${rng.pick(PEOPLE_LAST)}`;
}

export function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}
