/** Lets the browser save `data` as a JSON file named `fileName` (Blob + `a[download]`). */
export function downloadJson(fileName: string, data: unknown): void {
  const blob = new Blob([`${JSON.stringify(data, null, 2)}\n`], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked after the click has been handled, or the download may find no data.
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}
