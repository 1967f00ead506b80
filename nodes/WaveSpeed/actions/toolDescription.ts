import type { INodeProperties } from 'n8n-workflow';

/**
 * What an AI Agent's model reads about the tool, per operation. A node with its own
 * `toolDescription` keeps n8n (1.x and 2.x) from adding its generic "Tool Description" choice;
 * `@tool` shows it only on the tool. Plain text: n8n 1.x does not resolve an expression here.
 */
export const TOOL_DESCRIPTIONS = {
	edit:
		'Edits images with a WaveSpeed AI model and waits for the result. ' +
		'The prompt says what to change. The tool sends its images in order: the prompt calls ' +
		'them image1, image2, … (e.g. "put the person in image1 on the beach of image2"), ' +
		'never by URL or file name. ' +
		'Returns JSON: imageUrl (the edited image, a public URL to give the user as is), seed, ' +
		'size, cost and currency (what WaveSpeed charged, null when unknown), nsfw (true when ' +
		'WaveSpeed flagged the image), and the task\'s id and status (not "completed" means not ' +
		'ready yet: Get Result with that id fetches it later). On failure: error, with ' +
		"WaveSpeed's reason.",
	getResult:
		'Looks up a WaveSpeed AI image edit task by its id (the id an edit returned) and waits ' +
		'for it. Returns JSON: status, imageUrl (the edited image, a public URL, once status is ' +
		'"completed"), seed, size, cost, currency, nsfw (true when WaveSpeed flagged the image). ' +
		"On failure: error, with WaveSpeed's reason.",
} as const;

// The lint reads a parameter's default only from a literal or a plain name.
const { edit, getResult } = TOOL_DESCRIPTIONS;
const description =
	'What the AI Agent\'s model reads about this tool: how the prompt names the images ("image1"…) and what comes back';

export const toolDescriptionProperties: INodeProperties[] = [
	{
		displayName: 'Description',
		name: 'toolDescription',
		type: 'string',
		required: true,
		typeOptions: { rows: 4 },
		default: edit,
		description,
		displayOptions: { show: { '@tool': [true], operation: ['edit'] } },
	},
	{
		displayName: 'Description',
		name: 'toolDescription',
		type: 'string',
		required: true,
		typeOptions: { rows: 4 },
		default: getResult,
		description,
		displayOptions: { show: { '@tool': [true], operation: ['getResult'] } },
	},
];
