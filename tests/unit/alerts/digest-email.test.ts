import { describe, expect, it } from "vitest";
import type { InboxAlert } from "@/lib/db/alert-inbox";
import { digestEmail, type Digest } from "@/lib/services/alerts/digest";

const alert = (n: number) =>
  ({
    severity: "high",
    accountName: `Account ${n}`,
    title: `Score ${n} is below 45`,
    accountId: `id-${n}`,
  }) as InboxAlert;

describe("the digest email", () => {
  it("lists the alerts it was given and says how many more the inbox holds", () => {
    const digest: Digest = {
      newAlerts: { total: 213, items: [1, 2].map(alert) },
      openAlerts: { total: 1, items: [alert(3)] },
      tierChanges: null,
    };
    const { subject, text } = digestEmail(digest, { name: "Ava", organizationName: "Acme Cloud" });
    expect(subject).toBe("Pulseboard digest: 213 new, 214 open alerts");
    const lines = text.split("\n");
    const at = lines.indexOf("New alerts (last 24 hours): 213");
    expect(lines.slice(at + 1, at + 4).map((l) => l.replace(/ {2}http\S+$/, ""))).toEqual([
      "  • [high] Account 1: Score 1 is below 45",
      "  • [high] Account 2: Score 2 is below 45",
      "  … and 211 more in the inbox",
    ]);
    // A list given whole says nothing more.
    expect(text.match(/more in the inbox/g)).toHaveLength(1);
  });
});
