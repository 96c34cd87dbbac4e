import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { retryDelaySeconds, signPayload, verifySignature } from "@/lib/webhooks/signature";

describe("webhook signatures", () => {
  const secret = "whsec_test";
  const body = '{"event":"alert.raised"}';

  it("is HMAC-SHA256 over timestamp.body, as documented", () => {
    const expected = createHmac("sha256", secret).update(`1700000000.${body}`).digest("hex");
    expect(signPayload(secret, body, 1_700_000_000)).toBe(`t=1700000000,v1=${expected}`);
  });

  it("verifies a good signature and rejects a changed body, a wrong secret and an old timestamp", () => {
    const header = signPayload(secret, body, 1_700_000_000);
    expect(verifySignature(secret, body, header, 1_700_000_010)).toEqual({ ok: true });
    expect(verifySignature(secret, `${body} `, header, 1_700_000_010)).toMatchObject({ ok: false });
    expect(verifySignature("other", body, header, 1_700_000_010)).toMatchObject({ ok: false });
    expect(verifySignature(secret, body, header, 1_700_001_000)).toEqual({
      ok: false,
      reason: "timestamp outside tolerance",
    });
    expect(verifySignature(secret, body, "nonsense", 1_700_000_000)).toMatchObject({ ok: false });
  });

  it("backs off 1, 4, 16, 64, 256 minutes and stays there", () => {
    expect([1, 2, 3, 4, 5, 6].map(retryDelaySeconds)).toEqual([60, 240, 960, 3840, 15360, 15360]);
  });
});
