/**
 * A column of a "wide" observations file — one column per metric, as usage
 * exports write them (account, date, logins, seats_used…) — is mapped to
 * `metric:<key>`: each of its cells is that metric's value on the row's account
 * and date. (Its own module: the mapping form, in the browser, needs it without zod.)
 */
export const METRIC_COLUMN = "metric:";
