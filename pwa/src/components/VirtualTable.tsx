import { memo, useCallback, useRef, useState, type ReactNode } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';

export interface Column<T> {
  id: string;
  header: string;
  /** CSS grid track, e.g. `2fr` or `10rem`. */
  width: string;
  render: (row: T) => ReactNode;
  /** When set, the header is a sort button. */
  sortable?: boolean;
}

interface RowProps<T> {
  row: T;
  index: number;
  start: number;
  minHeight: number;
  template: string;
  columns: Column<T>[];
  className: string | undefined;
  /** The virtualizer measures each rendered row: a row grows with its content, never overlaps the next. */
  measure: (el: HTMLDivElement | null) => void;
}

/**
 * One row. Memoised: while scrolling, only the rows that come into view render; the others keep
 * their DOM (their position never changes, only the container scrolls).
 */
const VirtualRow = memo(function VirtualRow<T>({ row, index, start, minHeight, template, columns, className, measure }: RowProps<T>) {
  return (
    <div
      ref={measure}
      data-index={index}
      role="row"
      aria-rowindex={index + 2}
      className={`vtable-row${className ? ` ${className}` : ''}`}
      style={{ gridTemplateColumns: template, position: 'absolute', top: 0, left: 0, right: 0, minHeight, transform: `translateY(${start}px)` }}
    >
      {columns.map((c) => (
        <div key={c.id} role="cell" className="vtable-cell">
          {c.render(row)}
        </div>
      ))}
    </div>
  );
}) as <T>(props: RowProps<T>) => ReactNode;

export interface SortState {
  by: string;
  dir: 'asc' | 'desc';
}

/**
 * A table that renders only the rows in view (10,000 rows stay smooth). ARIA table semantics
 * with row counts and indexes, so screen readers announce « ligne 512 sur 10 000 ».
 */
export function VirtualTable<T>({
  rows,
  columns,
  rowKey,
  label,
  /** The height of a row before it is measured (and its least height). */
  rowHeight = 56,
  height = '65vh',
  sort,
  onSort,
  rowClass,
}: {
  rows: readonly T[];
  columns: Column<T>[];
  rowKey: (row: T) => string;
  label: string;
  rowHeight?: number;
  height?: string;
  sort?: SortState;
  onSort?: (by: string) => void;
  rowClass?: (row: T) => string | undefined;
}) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 6,
    getItemKey: (i) => rowKey(rows[i]!),
  });
  const template = columns.map((c) => c.width).join(' ');
  return (
    // The table itself scrolls (its header sticks): a scroll container between the table and its
    // rows would break the table's ARIA structure. Focusable, so that the keyboard scrolls it too.
    <div
      ref={scrollRef}
      role="table"
      aria-label={label}
      aria-rowcount={rows.length + 1}
      className="vtable"
      style={{ height }}
      data-testid="vtable-scroll"
      tabIndex={0}
    >
      <div role="rowgroup" className="vtable-head">
        <div role="row" aria-rowindex={1} className="vtable-row" style={{ gridTemplateColumns: template }}>
          {columns.map((c) => {
            const active = sort?.by === c.id;
            return (
              <div
                key={c.id}
                role="columnheader"
                className="vtable-cell"
                aria-sort={active ? (sort!.dir === 'asc' ? 'ascending' : 'descending') : undefined}
              >
                {c.sortable && onSort ? (
                  <button type="button" className="sort-button" onClick={() => onSort(c.id)}>
                    {c.header}
                    <span aria-hidden="true">{active ? (sort!.dir === 'asc' ? ' ▲' : ' ▼') : ''}</span>
                  </button>
                ) : (
                  c.header
                )}
              </div>
            );
          })}
        </div>
      </div>
      <div role="rowgroup" className="vtable-body" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((v) => (
          <VirtualRow
            key={rowKey(rows[v.index]!)}
            row={rows[v.index]!}
            index={v.index}
            start={v.start}
            minHeight={rowHeight}
            measure={virtualizer.measureElement}
            template={template}
            columns={columns}
            className={rowClass?.(rows[v.index]!)}
          />
        ))}
      </div>
    </div>
  );
}

/** Sort state for a table: clicking the active column flips the direction. */
export function useSort(initial: SortState): [SortState, (by: string) => void] {
  const [sort, setSort] = useState(initial);
  const toggle = useCallback((by: string) => setSort((s) => ({ by, dir: s.by === by && s.dir === 'asc' ? 'desc' : 'asc' })), []);
  return [sort, toggle];
}
