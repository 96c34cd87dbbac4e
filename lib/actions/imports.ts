"use server";

import { revalidatePath } from "next/cache";
import { cancelImport, requestImportCommit, saveImportMapping } from "../services/imports/review";
import { discardUpload } from "../services/imports/retention";
import { importIdSchema, saveMappingSchema } from "../validation/imports";
import { defineAction } from "./define-action";

export const saveImportMappingAction = defineAction(
  { permission: "imports:run", input: saveMappingSchema },
  async ({ importId, mapping, dateOrder }, ctx) => {
    await saveImportMapping(ctx, importId, mapping, dateOrder);
    revalidatePath(`/imports/${importId}`);
  },
);

export const commitImportAction = defineAction(
  { permission: "imports:run", input: importIdSchema },
  async ({ importId }, ctx) => {
    await requestImportCommit(ctx, importId);
    revalidatePath(`/imports/${importId}`);
  },
);

export const cancelImportAction = defineAction(
  { permission: "imports:run", input: importIdSchema },
  async ({ importId }, ctx) => {
    await cancelImport(ctx, importId);
    revalidatePath(`/imports/${importId}`);
  },
);

export const discardImportAction = defineAction(
  { permission: "imports:run", input: importIdSchema },
  async ({ importId }, ctx) => {
    await discardUpload(ctx, importId);
    revalidatePath(`/imports/${importId}`);
    revalidatePath("/imports");
  },
);
