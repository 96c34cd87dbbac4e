import { describe, expect, it } from "vitest";
import { createConnectionBalancer } from "../../scripts/connection-balancer.mjs";

function balancerWith(ids: number[]) {
  const balancer = createConnectionBalancer();
  for (const id of ids) {
    balancer.add(id);
    balancer.ready(id);
  }
  return balancer;
}

describe("the web server's connection balancer", () => {
  it("shares connections that arrive together evenly, taking turns", () => {
    const balancer = balancerWith([1, 2]);
    const assigned = Array.from({ length: 10 }, () => balancer.assign());
    expect(assigned).toEqual([1, 2, 1, 2, 1, 2, 1, 2, 1, 2]);
    expect(balancer.load()).toEqual({ 1: 5, 2: 5 });
  });

  it("sends new connections to the process with the fewest open", () => {
    const balancer = balancerWith([1, 2, 3]);
    for (let i = 0; i < 6; i++) balancer.assign();
    balancer.closed(2);
    balancer.closed(2);
    expect([balancer.assign(), balancer.assign(), balancer.assign()]).toEqual([2, 2, 3]);
    expect(balancer.load()).toEqual({ 1: 2, 2: 2, 3: 3 });
  });

  it("hands nothing to a process before it is ready or after it exited", () => {
    const balancer = createConnectionBalancer();
    balancer.add(1);
    expect(balancer.assign()).toBeNull();
    balancer.add(2);
    balancer.ready(2);
    expect([balancer.assign(), balancer.assign()]).toEqual([2, 2]);
    balancer.ready(1);
    expect(balancer.assign()).toBe(1);
    balancer.remove(2);
    expect([balancer.assign(), balancer.assign()]).toEqual([1, 1]);
    expect(balancer.load()).toEqual({ 1: 3 });
    balancer.remove(1);
    expect(balancer.assign()).toBeNull();
  });

  it("never counts a process below zero open connections", () => {
    const balancer = balancerWith([1, 2]);
    balancer.closed(1);
    balancer.closed(7);
    expect(balancer.load()).toEqual({ 1: 0, 2: 0 });
  });
});
