/** The alert rules the demo organisation starts with (as the rule form would send them). */
export const DEMO_ALERT_RULES = [
  {
    name: "Health below 45",
    kind: "score_below",
    severity: "high",
    cooldownHours: "168",
    threshold: "45",
    margin: "5",
  },
  {
    name: "Dropped 10+ points in two weeks",
    kind: "score_drop",
    severity: "medium",
    cooldownHours: "336",
    points: "10",
    days: "14",
    margin: "3",
  },
  {
    name: "Renewing within 60 days while at risk",
    kind: "renewal_at_risk",
    severity: "critical",
    cooldownHours: "720",
    days: "60",
    tiers: ["at_risk"],
  },
  {
    name: "Fell a tier",
    kind: "tier_change",
    severity: "low",
    cooldownHours: "168",
    direction: "down",
  },
] as const;
