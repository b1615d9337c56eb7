/**
 * « Copier » for an identifier: the clipboard when the browser allows it, else the text is
 * selected on the page so that Ctrl+C copies it (locked-down workstations often refuse the API).
 */
export async function copyId(id: string, shownIn: HTMLElement | null): Promise<'copied' | 'selected'> {
  try {
    if (!navigator.clipboard?.writeText) throw new Error('no clipboard');
    await navigator.clipboard.writeText(id);
    return 'copied';
  } catch {
    const selection = window.getSelection();
    if (shownIn && selection) {
      selection.removeAllRanges();
      selection.selectAllChildren(shownIn);
    }
    return 'selected';
  }
}
