import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { check, displayValue } from '../../errors';
import { isHttpUrl, isWaveSpeedHost } from '../../transport/client';
import { type NodeOption, readResultOptions, type ResultOptions } from '../options';

export interface EditOptions extends ResultOptions {
	syncMode: boolean;
	base64Output: boolean;
	waitForResult: boolean;
	webhookUrl?: string;
	/** Options → Enhance Prompt: the prompt goes through WaveSpeed's prompt optimizer first. */
	enhancePrompt: boolean;
	/** Options → Enhance Prompt Style; undefined for the optimizer's default. */
	enhanceStyle?: string;
}

const flag = (name: string, displayName: string, description: string): NodeOption<boolean> => ({
	field: { displayName, name, type: 'boolean', default: false, description },
	read: (options) => options[name] === true,
});

export const syncModeOption = flag(
	'syncMode',
	'Sync Mode',
	'Whether WaveSpeed answers only when the image is ready (one request, no polling)',
);

export const base64OutputOption = flag(
	'base64Output',
	'Base64 Output',
	'Whether WaveSpeed returns the images inline as base64 instead of as URLs. With Download Output off, the base64 text is returned in the JSON field "outputs".',
);

export const waitForResultOption: NodeOption<boolean> = {
	field: {
		displayName: 'Wait for Result',
		name: 'waitForResult',
		type: 'boolean',
		default: true,
		description:
			'Whether to wait until the image is ready. Off: submit and go on at once with the task ID (no image); fetch it later with Get Result, or receive it with a WaveSpeed Trigger through Webhook URL.',
	},
	read: (options) => options.waitForResult !== false,
};

/** Where WaveSpeed calls back; `baseUrl` is the credential's, which decides whether http is allowed. */
export function readWebhookUrl(options: IDataObject, baseUrl: string): string | undefined {
	const url = String(options.webhookUrl ?? '').trim();
	if (url === '') return undefined;
	check(
		isHttpUrl(url),
		'Options → Webhook URL',
		`${displayValue(url.slice(0, 100))} is not an http(s) URL`,
		'Use the production URL of a WaveSpeed Trigger node (WaveSpeed needs a public https address), or remove the option',
	);
	// WaveSpeed calls back only to a public https address (its webhook docs); a plain http one is
	// allowed only when the credential points at another server than WaveSpeed's (a proxy, a test).
	check(
		new URL(url).protocol === 'https:' || !isWaveSpeedHost(baseUrl),
		'Options → Webhook URL',
		`${displayValue(url.slice(0, 100))} is not https: WaveSpeed calls back only to public https addresses`,
		"Use the https Production URL of a WaveSpeed Trigger node (n8n's WEBHOOK_URL must be https)",
	);
	return url;
}

export const webhookUrlField: INodeProperties = {
	displayName: 'Webhook URL',
	name: 'webhookUrl',
	type: 'string',
	default: '',
	placeholder: 'https://your-n8n.example.com/webhook/…/webhook',
	description:
		'Where WaveSpeed calls back when the task ends, e.g. the Production URL of a WaveSpeed Trigger node. WaveSpeed needs a public https address.',
};

/**
 * Max Cost per Execution, in WaveSpeed's currency (US dollars): an option of the whole execution,
 * read once per run; undefined when it is not set.
 */
export const maxCostOption: NodeOption<number | undefined> = {
	field: {
		displayName: 'Max Cost per Execution',
		name: 'maxCostPerExecution',
		type: 'number',
		typeOptions: { minValue: 0.001, numberPrecision: 4 },
		default: 1,
		description:
			"The most this node may spend in one execution, in US dollars, over all its runs (branches, loops, an AI Agent's repeated calls). Before anything is sent, the node adds up WaveSpeed's price for the items and, over what is left of the limit, submits nothing. When no price can be had it also submits nothing.",
	},
	read({ maxCostPerExecution: amount }) {
		check(
			amount === undefined || (typeof amount === 'number' && Number.isFinite(amount) && amount > 0),
			'Options → Max Cost per Execution',
			`${displayValue(amount)} is not allowed`,
			'Use an amount above 0 in US dollars, e.g. 5, or remove the option',
		);
		return amount;
	},
};

/** Edit Image's Options of one item, checked; `baseUrl` is the credential's. */
export function readEditOptions(
	options: IDataObject,
	asTool: boolean,
	baseUrl: string,
): EditOptions {
	const base64Output = base64OutputOption.read(options);
	const webhookUrl = readWebhookUrl(options, baseUrl);
	// WaveSpeed's base64-output page: a submit with both is refused (HTTP 400).
	check(
		!(base64Output && webhookUrl !== undefined),
		'Options → Base64 Output',
		'cannot be used with Options → Webhook URL: WaveSpeed does not send base64 images to a webhook',
		'Turn Base64 Output off, or remove Webhook URL and let the node wait for the result',
	);
	return {
		...readResultOptions(options, asTool),
		syncMode: syncModeOption.read(options),
		base64Output,
		waitForResult: waitForResultOption.read(options),
		webhookUrl,
		enhancePrompt: options.enhancePrompt === true,
		enhanceStyle:
			typeof options.enhanceStyle === 'string' && options.enhanceStyle !== ''
				? options.enhanceStyle
				: undefined,
	};
}
