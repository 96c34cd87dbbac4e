"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import {
  addSegmentMembers,
  assignAccountStage,
  createSegment,
  createStage,
  deleteSegment,
  deleteStage,
  moveStage,
  previewRule,
  removeSegmentMember,
  updateSegment,
  updateStage,
} from "../services/segments/manage";
import { rulePreviewSchema, segmentFormSchema, stageFormSchema } from "../validation/segments";
import { defineAction } from "./define-action";

const PAGE = "/settings/segments";
const segmentId = z.object({ segmentId: z.uuid("Choose a segment") });
const stageId = z.object({ stageId: z.uuid("Choose a stage") });
const done = <T>(result: T) => {
  revalidatePath(PAGE);
  return result;
};

/** Live count and sample of the accounts a rule matches; nothing is saved. */
export const previewRuleAction = defineAction(
  { permission: "models:edit", input: rulePreviewSchema },
  async ({ rule }, ctx) => previewRule(ctx, rule),
);

export const createSegmentAction = defineAction(
  { permission: "models:edit", input: segmentFormSchema },
  async (form, ctx) => done(await createSegment(ctx, form)),
);

export const updateSegmentAction = defineAction(
  { permission: "models:edit", input: segmentFormSchema.extend(segmentId.shape) },
  async ({ segmentId: id, ...form }, ctx) => done(await updateSegment(ctx, id, form)),
);

export const deleteSegmentAction = defineAction(
  { permission: "models:edit", input: segmentId },
  async ({ segmentId: id }, ctx) => done(await deleteSegment(ctx, id)),
);

export const addSegmentMembersAction = defineAction(
  {
    permission: "models:edit",
    input: segmentId.extend({
      accounts: z
        .string()
        .transform((s) => [...new Set(s.split(/[\s,]+/).filter(Boolean))])
        .pipe(z.array(z.string()).min(1, "Give at least one account id").max(1000, "At most 1,000 at a time")),
    }),
  },
  async ({ segmentId: id, accounts }, ctx) => done(await addSegmentMembers(ctx, id, accounts)),
);

export const removeSegmentMemberAction = defineAction(
  { permission: "models:edit", input: segmentId.extend({ accountId: z.uuid() }) },
  async ({ segmentId: id, accountId }, ctx) => done(await removeSegmentMember(ctx, id, accountId)),
);

export const createStageAction = defineAction(
  { permission: "models:edit", input: stageFormSchema },
  async (form, ctx) => done(await createStage(ctx, form)),
);

export const updateStageAction = defineAction(
  { permission: "models:edit", input: stageFormSchema.extend(stageId.shape) },
  async ({ stageId: id, ...form }, ctx) => done(await updateStage(ctx, id, form)),
);

export const moveStageAction = defineAction(
  { permission: "models:edit", input: stageId.extend({ direction: z.enum(["up", "down"]) }) },
  async ({ stageId: id, direction }, ctx) => done(await moveStage(ctx, id, direction)),
);

export const deleteStageAction = defineAction(
  { permission: "models:edit", input: stageId },
  async ({ stageId: id }, ctx) => done(await deleteStage(ctx, id)),
);

/** Pins an account's lifecycle stage by hand, or hands it back to the stage rules (empty). */
export const assignAccountStageAction = defineAction(
  {
    permission: "accounts:write",
    input: z.object({
      accountId: z.uuid(),
      stageId: z.preprocess((v) => (v === "" ? null : v), z.uuid("Choose a stage").nullable()),
    }),
  },
  async ({ accountId, stageId: id }, ctx) => {
    await assignAccountStage(ctx, accountId, id);
    revalidatePath(`/accounts/${accountId}`);
    return { pinned: id !== null };
  },
);
