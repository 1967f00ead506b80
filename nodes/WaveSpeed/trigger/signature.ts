import { createHmac, timingSafeEqual } from 'node:crypto';

/** Deliveries signed further than this from now are refused (WaveSpeed's documented window). */
export const MAX_AGE_SECONDS = 300;

export interface SignedDelivery {
	webhookId?: string;
	timestamp?: string;
	signature?: string;
	rawBody: Buffer;
}

/** Why a delivery fails verification, or undefined when WaveSpeed signed it with this secret. */
export function signatureProblem(
	delivery: SignedDelivery,
	secret: string,
	nowSeconds: number,
): string | undefined {
	const { webhookId, timestamp, signature, rawBody } = delivery;
	if (!webhookId || !timestamp || !signature)
		return 'missing webhook-id, webhook-timestamp or webhook-signature header';
	if (!/^\d+$/.test(timestamp)) return 'webhook-timestamp is not a number of seconds';
	if (Math.abs(nowSeconds - Number(timestamp)) > MAX_AGE_SECONDS) {
		return `webhook-timestamp is more than ${MAX_AGE_SECONDS} s away from now`;
	}
	const key = secret.replace(/^whsec_/, '');
	const expected = createHmac('sha256', key)
		.update(Buffer.concat([Buffer.from(`${webhookId}.${timestamp}.`), rawBody]))
		.digest();
	const matches = signature
		.split(' ')
		.map((part) => /^v3,([0-9a-f]{64})$/i.exec(part.trim())?.[1])
		.some((hex) => hex !== undefined && timingSafeEqual(Buffer.from(hex, 'hex'), expected));
	return matches ? undefined : 'webhook-signature does not match';
}
