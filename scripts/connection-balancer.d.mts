/** Types of scripts/connection-balancer.mjs (plain JavaScript, run by Node without a loader). */
export interface ConnectionBalancer {
  add(id: number): void;
  ready(id: number): void;
  remove(id: number): void;
  closed(id: number): void;
  assign(): number | null;
  load(): Record<number, number>;
}

export function createConnectionBalancer(): ConnectionBalancer;
