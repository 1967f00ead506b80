/**
 * What the fake's `wavespeed-ai/prompt-optimizer` answers in `outputs[0]`: the improved prompt as a
 * plain string (WaveSpeed's desktop app, `optimizePrompt`: "Prompt optimizer always returns a
 * string"). WaveSpeed's model writes its own text; the fake's is a deterministic transformation
 * (test data) so tests can assert it: the trimmed text, then what it is for, its style, and whether
 * a reference image came with it.
 */
export function optimizedPrompt(inputs: Record<string, unknown>): string {
	const text = String(inputs.text ?? '').trim();
	const mode = typeof inputs.mode === 'string' ? inputs.mode : 'image';
	const style = typeof inputs.style === 'string' ? inputs.style : 'default';
	const image =
		typeof inputs.image === 'string' && inputs.image !== ''
			? ', following the reference image'
			: '';
	return `${text} — optimized for ${mode} (style: ${style})${image}`;
}
