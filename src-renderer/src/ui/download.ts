/** Hands `content` to the browser as a file download named `fileName`. */
export function downloadText(fileName: string, content: string, mime: string): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([content], { type: mime }));
  a.download = fileName;
  a.click();
  // Revoked a moment later: some browsers read the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

/** Lets the browser download `url` (same origin) as `fileName`, streaming it to disk rather than into the page. */
export function downloadUrl(url: string, fileName: string): void {
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
}
