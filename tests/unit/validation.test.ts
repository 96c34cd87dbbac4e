import { describe, expect, it } from "vitest";
import { accountListQuerySchema } from "@/lib/validation/accounts";
import { addMemberSchema, changePasswordSchema } from "@/lib/validation/members";

describe("accounts table URL state", () => {
  it("defaults to the first page sorted by name", () => {
    expect(accountListQuerySchema.parse({})).toMatchObject({ sort: "name", dir: "asc", page: 1, size: 25 });
  });

  it("keeps valid values", () => {
    const id = "0196f1a2-0000-7000-8000-000000000001";
    const q = accountListQuerySchema.parse({
      sort: "arr",
      dir: "desc",
      page: "3",
      size: "50",
      segment: id,
      q: " acme ",
    });
    expect(q).toMatchObject({ sort: "arr", dir: "desc", page: 3, size: 50, segment: id, q: "acme" });
  });

  it("falls back to defaults for tampered values instead of failing the page", () => {
    const q = accountListQuerySchema.parse({
      sort: "passwordHash",
      dir: "sideways",
      page: "-4",
      size: "1000000",
      segment: "'; drop",
    });
    expect(q).toMatchObject({ sort: "name", dir: "asc", page: 1, size: 25, segment: undefined });
  });
});

describe("member forms", () => {
  it("names the field that is wrong", () => {
    const result = addMemberSchema.safeParse({ email: "not-an-email", name: "", role: "boss", teamId: "" });
    expect(result.success).toBe(false);
    const fields = result.error!.issues.map((i) => i.path.join("."));
    expect(fields).toEqual(expect.arrayContaining(["email", "name", "role"]));
  });

  it("treats an empty team as no team", () => {
    const parsed = addMemberSchema.parse({ email: "a@b.co", name: "A", role: "csm", teamId: "" });
    expect(parsed.teamId).toBeNull();
  });

  it("requires the confirmation to match", () => {
    const result = changePasswordSchema.safeParse({
      currentPassword: "x",
      newPassword: "long enough 1",
      confirmPassword: "other",
    });
    expect(result.error?.issues[0]?.path).toEqual(["confirmPassword"]);
  });
});
