import { createHash, randomBytes } from "node:crypto";

/** A new key "pb_<prefix>_<secret>": the prefix tells keys apart in settings; only the hash is stored. */
export function generateApiKey(): { key: string; prefix: string; hash: string } {
  const prefix = randomBytes(4).toString("hex");
  const key = `pb_${prefix}_${randomBytes(24).toString("base64url")}`;
  return { key, prefix, hash: hashApiKey(key) };
}

/** SHA-256 suffices here: keys are long random strings, not guessable passwords. */
export function hashApiKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}
