import type { AccountScope } from "../tenant";

/** How each role's view is described at the top of a dashboard. */
export const SCOPE_TEXT: Record<AccountScope["kind"], string> = {
  own: "Your book",
  teams: "Your teams' accounts",
  organization: "The whole organisation",
};
