/**
 * Net Promoter Score from 0–10 survey answers: promoters answer 9–10, passives
 * 7–8, detractors 0–6; NPS = % promoters − % detractors, from −100 to +100.
 * Returns null when there are no answers.
 */
export function npsFromAnswers(answers: readonly number[]): number | null {
  if (answers.length === 0) return null;
  let promoters = 0;
  let detractors = 0;
  for (const a of answers) {
    if (!Number.isInteger(a) || a < 0 || a > 10)
      throw new RangeError(`NPS answer ${a} is not a whole number from 0 to 10`);
    if (a >= 9) promoters++;
    else if (a <= 6) detractors++;
  }
  return ((promoters - detractors) / answers.length) * 100;
}
