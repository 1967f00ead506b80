export interface MultipartPart {
	name: string;
	fileName?: string;
	contentType?: string;
	data: Buffer;
}

/** Parses a multipart/form-data body; enough for the upload endpoint, strict about framing. */
export function parseMultipart(body: Buffer, contentType: string | undefined): MultipartPart[] {
	const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType ?? '');
	if (!boundary) throw new Error('multipart body without boundary');
	const delimiter = Buffer.from(`--${boundary[1] ?? boundary[2]}`);
	const parts: MultipartPart[] = [];
	let start = body.indexOf(delimiter);
	while (start !== -1) {
		const afterDelimiter = start + delimiter.length;
		if (body.subarray(afterDelimiter, afterDelimiter + 2).toString() === '--') break;
		const headerEnd = body.indexOf('\r\n\r\n', afterDelimiter);
		const next = body.indexOf(delimiter, headerEnd);
		if (headerEnd === -1 || next === -1) throw new Error('truncated multipart body');
		const headers = body.subarray(afterDelimiter + 2, headerEnd).toString('utf8');
		const disposition = /content-disposition:([^\r\n]*)/i.exec(headers)?.[1] ?? '';
		parts.push({
			name: /\bname="([^"]*)"/i.exec(disposition)?.[1] ?? '',
			fileName: /filename="([^"]*)"/i.exec(disposition)?.[1],
			contentType: /content-type:\s*([^\r\n]*)/i.exec(headers)?.[1]?.trim(),
			data: body.subarray(headerEnd + 4, next - 2),
		});
		start = next;
	}
	return parts;
}
