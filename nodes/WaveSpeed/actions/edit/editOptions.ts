import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { check, ParameterProblem, parameterError, show } from '../../errors/parameterProblem';
import { runsAsTool } from '../../task/toolAnswer';
import { CREDENTIAL_TYPE, isWaveSpeedHost, normalizeBaseUrl } from '../../transport/credential';
import { isHttpUrl } from '../../transport/urls';
import { readResultOptions, type ResultOptions } from '../options';

export interface EditOptions extends ResultOptions {
	syncMode: boolean;
	base64Output: boolean;
	waitForResult: boolean;
	webhookUrl?: string;
	/** Options → Max Cost per Execution, in WaveSpeed's currency; undefined when not set. */
	maxCostPerExecution?: number;
}

/** Edit Image's Options of one item, checked. */
export function readEditOptions(ctx: IExecuteFunctions, i: number): EditOptions {
	const o = ctx.getNodeParameter('options', i, {}) as IDataObject;
	const webhookUrl = String(o.webhookUrl ?? '').trim();
	check(
		webhookUrl === '' || isHttpUrl(webhookUrl),
		'Options → Webhook URL',
		`${show(webhookUrl.slice(0, 100))} is not an http(s) URL`,
		'Use the production URL of a WaveSpeed Trigger node (WaveSpeed needs a public https address), or remove the option',
	);
	const base64Output = o.base64Output === true;
	// WaveSpeed's base64-output page: a submit with both is refused (HTTP 400).
	check(
		!(base64Output && webhookUrl !== ''),
		'Options → Base64 Output',
		'cannot be used with Options → Webhook URL: WaveSpeed does not send base64 images to a webhook',
		'Turn Base64 Output off, or remove Webhook URL and let the node wait for the result',
	);
	const maxCost = o.maxCostPerExecution;
	check(
		maxCost === undefined ||
			(typeof maxCost === 'number' && Number.isFinite(maxCost) && maxCost > 0),
		'Options → Max Cost per Execution',
		`${show(maxCost)} is not allowed`,
		'Use an amount above 0 in US dollars, e.g. 5, or remove the option',
	);
	return {
		...readResultOptions(o, runsAsTool(ctx.getNode())),
		maxCostPerExecution: maxCost as number | undefined,
		syncMode: o.syncMode === true,
		base64Output,
		waitForResult: o.waitForResult !== false,
		webhookUrl: webhookUrl === '' ? undefined : webhookUrl,
	};
}

/**
 * WaveSpeed calls back only to a public https address (its webhook docs); a plain http one is
 * allowed only when the credential points at another server than WaveSpeed's (a proxy, a test).
 */
export async function checkWebhookScheme(ctx: IExecuteFunctions, itemIndex: number, url?: string) {
	if (url === undefined || new URL(url).protocol === 'https:') return;
	const credentials = await ctx.getCredentials(CREDENTIAL_TYPE, itemIndex);
	if (!isWaveSpeedHost(normalizeBaseUrl(credentials.baseUrl))) return;
	throw parameterError(
		ctx,
		itemIndex,
		new ParameterProblem(
			'Options → Webhook URL',
			`${show(url.slice(0, 100))} is not https: WaveSpeed calls back only to public https addresses`,
			"Use the https Production URL of a WaveSpeed Trigger node (n8n's WEBHOOK_URL must be https)",
		),
	);
}
