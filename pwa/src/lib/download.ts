/** Saves a file built in the browser: a Blob, an object URL and a link with `download`. */
export function downloadBlob(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  // Give the browser time to start the download before the URL goes.
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function downloadData(name: string, mime: string, data: Uint8Array | string): void {
  downloadBlob(name, new Blob([data as BlobPart], { type: mime }));
}
