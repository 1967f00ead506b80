/**
 * WaveSpeed's account levels, from its "Account Levels & Rate Limits" docs page: images accepted a
 * minute (more are answered 429) and tasks running at once (more wait in `created`). Every new
 * account is Bronze; a top-up raises the level.
 */
export const TIERS = {
	bronze: { name: 'Bronze', perMinute: 2, running: 2 },
	silver: { name: 'Silver', perMinute: 500, running: 300 },
	gold: { name: 'Gold', perMinute: 3000, running: 3000 },
	ultra: { name: 'Ultra', perMinute: 5000, running: 10000 },
} as const;

export type TierName = keyof typeof TIERS;

/** WaveSpeed's limits reset every minute ("Account Levels & Rate Limits"). */
export const TIER_WINDOW_MS = 60_000;
