import { beforeAll, describe, expect, it, vi } from "vitest";
import * as password from "@/lib/auth/password";
import { loadSessionPrincipal } from "@/lib/db/sessions";
import { login, LOGIN_LIMITS } from "@/lib/services/auth";
import { createTestOrg, TEST_PASSWORD, type TestOrg } from "../support/factories";

vi.mock("@/lib/auth/password", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/auth/password")>();
  return { ...original, verifyPassword: vi.fn(original.verifyPassword) };
});

let org: TestOrg;
beforeAll(async () => {
  org = await createTestOrg({ accounts: 5, days: 7 });
});

const uniqueIp = () =>
  `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;

describe("login", () => {
  it("opens a live session for the right password, case-insensitively on email", async () => {
    const email = org.emailOf("csm:0:1").toUpperCase();
    const result = await login({ email, password: TEST_PASSWORD, ip: uniqueIp() });
    const principal = await loadSessionPrincipal(result.sessionId);
    expect(principal?.user.id).toBe(org.userIds["csm:0:1"]);
    expect(principal?.memberships.map((m) => m.role)).toEqual(["csm"]);
  });

  it("says the same thing for an unknown email and a wrong password", async () => {
    await expect(login({ email: "nobody@nowhere.test", password: "x", ip: uniqueIp() })).rejects.toThrow(
      "Email or password is incorrect.",
    );
    await expect(login({ email: org.emailOf("admin"), password: "wrong", ip: uniqueIp() })).rejects.toThrow(
      "Email or password is incorrect.",
    );
  });

  it("locks an account after repeated failures and refuses before hashing", async () => {
    const email = org.emailOf("csm:1:1");
    const now = new Date();
    for (let i = 0; i < LOGIN_LIMITS.perAccount; i++) {
      await expect(login({ email, password: "guess-" + i, ip: uniqueIp(), now })).rejects.toThrow("incorrect");
    }
    const verify = vi.mocked(password.verifyPassword);
    verify.mockClear();
    // Even the right password is refused while locked, and no hash is computed.
    await expect(login({ email, password: TEST_PASSWORD, ip: uniqueIp(), now })).rejects.toThrow(
      /Too many failed sign-in attempts\. Try again in 15 minutes\./,
    );
    expect(verify).not.toHaveBeenCalled();
    // After the lock expires, the right password works again.
    const later = new Date(now.getTime() + LOGIN_LIMITS.lockMs + 60_000);
    await expect(login({ email, password: TEST_PASSWORD, ip: uniqueIp(), now: later })).resolves.toHaveProperty(
      "sessionId",
    );
  });

  it("locks a client that tries many accounts", async () => {
    const ip = uniqueIp();
    const now = new Date();
    for (let i = 0; i < LOGIN_LIMITS.perClient; i++) {
      await expect(login({ email: `spray-${i}@${org.plan.slug}.test`, password: "x", ip, now })).rejects.toThrow(
        "incorrect",
      );
    }
    await expect(login({ email: org.emailOf("viewer"), password: TEST_PASSWORD, ip, now })).rejects.toThrow(/Too many/);
    await expect(
      login({ email: org.emailOf("viewer"), password: TEST_PASSWORD, ip: uniqueIp(), now }),
    ).resolves.toHaveProperty("sessionId");
  });
});
