/**
 * Sends a file with one PUT and reports how much of it has gone: XMLHttpRequest's upload events, since fetch
 * tells nothing of a request body's progress. Resolves with the status of the answer (0: no answer at all).
 */
export function putWithProgress(
  url: string,
  file: Blob,
  headers: Readonly<Record<string, string>>,
  onProgress: (sent: number, total: number) => void,
): Promise<number> {
  return new Promise((resolve) => {
    const request = new XMLHttpRequest();
    request.open('PUT', url);
    for (const [name, value] of Object.entries(headers)) request.setRequestHeader(name, value);
    request.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable) onProgress(event.loaded, event.total);
    });
    request.addEventListener('load', () => resolve(request.status));
    request.addEventListener('error', () => resolve(0));
    request.addEventListener('abort', () => resolve(0));
    request.send(file);
  });
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The media type the API is told a file has: what the browser says, or what its name says when it says nothing. */
export function uploadTypeOf(file: { readonly name: string; readonly type: string }): string {
  const name = file.name.toLowerCase();
  if (name.endsWith('.xlsx')) return XLSX;
  if (name.endsWith('.csv')) return 'text/csv';
  if (name.endsWith('.jsonl') || name.endsWith('.ndjson')) return 'application/x-ndjson';
  return file.type === '' ? 'application/octet-stream' : file.type;
}
