/**
 * After a decision by keyboard, the row decided leaves the list once the school is reconciled
 * again: the focus goes to the next row's first decision control (the previous one at the end),
 * never back to <body>.
 */
const CONTROL = '.actions button:not([disabled]), .actions select, .candidate-choose';

export function focusNextDecision(from: HTMLElement): void {
  const row = from.closest<HTMLElement>('[role="row"], .ambiguous-card');
  if (!row) return;
  const siblings = (dir: 'next' | 'prev') => {
    const out: HTMLElement[] = [];
    for (let el = dir === 'next' ? row.nextElementSibling : row.previousElementSibling; el; el = dir === 'next' ? el.nextElementSibling : el.previousElementSibling) {
      if (el instanceof HTMLElement) out.push(el);
    }
    return out;
  };
  for (const el of [...siblings('next'), ...siblings('prev')]) {
    const target = el.querySelector<HTMLElement>(CONTROL);
    if (target) {
      target.focus();
      return;
    }
  }
  row.closest<HTMLElement>('[data-testid="vtable-scroll"]')?.focus();
}
