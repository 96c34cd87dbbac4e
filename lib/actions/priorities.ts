"use server";

import { revalidatePath } from "next/cache";
import { priorityWeightsSchema } from "../dashboards/priority";
import { updatePriorityWeights } from "../services/dashboards/at-risk";
import { defineAction } from "./define-action";

/** Tunes the at-risk ranking; every account is re-ranked at once. */
export const updatePriorityWeightsAction = defineAction(
  { permission: "priorities:manage", input: priorityWeightsSchema },
  async (weights, ctx) => {
    await updatePriorityWeights(ctx, weights);
    revalidatePath("/at-risk");
    return weights;
  },
);
