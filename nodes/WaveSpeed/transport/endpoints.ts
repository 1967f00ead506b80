/** WaveSpeed's API paths, below the credential's Base URL. */
export const ENDPOINTS = {
	balance: '/api/v3/balance',
	price: '/api/v3/model/price',
	submit: (model: string) => `/api/v3/${model}`,
	result: (taskId: string) => `/api/v3/predictions/${encodeURIComponent(taskId)}/result`,
	uploadTicket: '/api/v3/media/uploads',
	uploadBinary: '/api/v3/media/upload/binary',
	webhookSigning: '/api/v3/webhook/secret',
} as const;
