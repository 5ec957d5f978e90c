/** Saves a file in the browser through a temporary link; the object URL is released right after. */
export function saveFile(filename: string, content: Blob): void {
  const url = URL.createObjectURL(content);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // Some browsers read the URL after click() returns: release it once the download has surely started.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

/** A data: URL (from ECharts' getDataURL) as a Blob. */
export function dataURLToBlob(dataURL: string): Blob {
  const [head = '', body = ''] = dataURL.split(',');
  const type = /data:([^;]+)/.exec(head)?.[1] ?? 'application/octet-stream';
  const bytes = head.includes(';base64')
    ? Uint8Array.from(atob(body), (c) => c.charCodeAt(0))
    : new TextEncoder().encode(decodeURIComponent(body));
  return new Blob([bytes], { type });
}

/** A file name from a title: lower case, words joined by dashes, nothing a file system dislikes. */
export function fileName(title: string, extension: string): string {
  const base = title
    .normalize('NFKD')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-')
    .slice(0, 60);
  return `${base || 'chart'}.${extension}`;
}
