import type { EditItem } from '../../../../../../nodes/WaveSpeed/actions/edit/editItem';
import { findModel } from '../../../../../../nodes/WaveSpeed/models';

export const LORA_9B = findModel('wavespeed-ai/flux-2-klein-base-9b/edit-lora')!;

/** A valid Edit item with a LoRA model, as the item reader would give it. */
export function editItem(overrides: Partial<EditItem> = {}): EditItem {
	return {
		itemIndex: 0,
		model: LORA_9B,
		prompt: 'ink',
		images: [
			{ source: 'url', url: 'https://example.com/a.png', identity: 'https://example.com/a.png' },
		],
		loras: [{ path: 'owner/repo', scale: 1 }],
		size: '512*512',
		seed: 7,
		options: {
			timeoutMs: 300_000,
			pollIntervalMs: 2000,
			output: { downloadOutput: true, binaryPropertyOutput: 'data' },
			syncMode: false,
			base64Output: false,
			waitForResult: true,
			enhancePrompt: false,
		},
		submitKey: '',
		priceInputs: {},
		...overrides,
	};
}
