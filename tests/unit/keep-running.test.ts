import { describe, expect, it, vi } from "vitest";
import { keepRunning } from "../../scripts/keep-running";

const node = (code: string) => [process.execPath, ["-e", code]] as const;
const quiet = { firstPauseMs: 20, maxPauseMs: 80, stdio: "ignore" as const };

describe("keepRunning", () => {
  it("starts a process again after it is killed, and not after it is stopped", async () => {
    const lines: string[] = [];
    const kept = keepRunning(...node("setInterval(() => {}, 1000)"), {
      ...quiet,
      name: "sleeper",
      log: (l) => lines.push(l),
    });
    const first = kept.current()!;
    first.kill("SIGKILL");
    await vi.waitFor(() => expect(kept.current()?.pid).toBeDefined(), { timeout: 5_000 });
    await vi.waitFor(() => expect(kept.restarts()).toBe(1), { timeout: 5_000 });
    const second = kept.current()!;
    expect(second.pid).not.toBe(first.pid);
    expect(lines[0]).toMatch(/^\[sleeper\] exited \(SIGKILL\) after 0 s; starting it again in 0.02 s$/);

    await kept.stop();
    expect(second.signalCode).toBe("SIGTERM");
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(kept.current()).toBeNull();
    expect(kept.restarts()).toBe(1);
  });

  it("waits longer each time a process exits soon after it starts", async () => {
    const lines: string[] = [];
    const kept = keepRunning(...node("process.exit(3)"), { ...quiet, name: "crasher", log: (l) => lines.push(l) });
    await vi.waitFor(() => expect(lines.length).toBeGreaterThanOrEqual(4), { timeout: 10_000 });
    await kept.stop();
    expect(lines.slice(0, 4).map((l) => l.replace(/^.*again in /, ""))).toEqual([
      "0.02 s",
      "0.04 s",
      "0.08 s",
      "0.08 s",
    ]);
    expect(lines[0]).toMatch(/^\[crasher\] exited \(code 3\)/);
  });
});
