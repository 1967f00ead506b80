/** WaveSpeed's 400 answers for a submit body, or undefined when the body is valid. */
export function validateSubmit(body: Record<string, unknown>): string | undefined {
	if (typeof body.prompt !== 'string' || body.prompt.trim() === '') return 'prompt is required';
	const images = body.images;
	if (!Array.isArray(images) || images.length < 1 || images.length > 3) {
		return 'images must contain 1 to 3 items';
	}
	if (images.some((u) => typeof u !== 'string' || !/^(https?:\/\/|data:)/.test(u))) {
		return 'images must be http(s) URLs';
	}
	if (body.size !== undefined) {
		const match = typeof body.size === 'string' ? /^(\d+)\*(\d+)$/.exec(body.size) : null;
		const sides = match ? [Number(match[1]), Number(match[2])] : [];
		if (sides.length !== 2 || sides.some((s) => s < 256 || s > 1536)) {
			return 'size must be "W*H" with each side between 256 and 1536';
		}
	}
	const seed = body.seed;
	if (
		seed !== undefined &&
		(typeof seed !== 'number' || !Number.isInteger(seed) || seed < -1 || seed > 2147483647)
	) {
		return 'seed must be an integer from -1 to 2147483647';
	}
	return undefined;
}
