/**
 * Requests per API key per minute (PULSEBOARD_API_RATE_PER_MINUTE, default 600).
 * Counted on the key's row in the database (takeApiRequest), so the limit holds
 * however many web processes serve the API.
 */
export function apiRateLimit(): number {
  return Number(process.env.PULSEBOARD_API_RATE_PER_MINUTE ?? 600);
}
