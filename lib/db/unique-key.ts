import { ConflictError } from "../errors";
import { Prisma } from "./client";

/** Runs a write whose `key` must be unique in the organisation; a duplicate is a conflict naming the key. */
export async function uniqueKey<T>(write: Promise<T>, what: string, key: string): Promise<T> {
  try {
    return await write;
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")
      throw new ConflictError(`A ${what} with the key "${key}" already exists.`, { key: ["is already used"] });
    throw error;
  }
}
