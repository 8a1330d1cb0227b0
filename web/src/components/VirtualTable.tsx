/**
 * A sortable table whose body is virtualised (only the visible rows are in the DOM), so tens of
 * thousands of rows scroll smoothly. Real table semantics (role=table/row/cell via CSS grid),
 * header buttons announce the sort, rows are keyboard reachable through their links.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useLayoutEffect, useRef } from 'react';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n';
import './VirtualTable.css';

export interface Column<R> {
  readonly key: string;
  readonly header: string;
  /** CSS grid track, e.g. `minmax(8rem, 2fr)` (default `minmax(6rem, 1fr)`). */
  readonly width?: string;
  readonly render: (row: R) => ReactNode;
  /** Present when the column can be sorted on. */
  readonly sortValue?: (row: R) => string | number;
}

export interface Sort {
  readonly key: string;
  readonly dir: 'asc' | 'desc';
}

export function sortRows<R>(
  rows: readonly R[],
  columns: readonly Column<R>[],
  sort: Sort | null,
): R[] {
  const column = sort === null ? undefined : columns.find((c) => c.key === sort.key);
  if (sort === null || column?.sortValue === undefined) return [...rows];
  const value = column.sortValue;
  const factor = sort.dir === 'asc' ? 1 : -1;
  const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });
  return [...rows].sort((a, b) => {
    const x = value(a);
    const y = value(b);
    const order =
      typeof x === 'number' && typeof y === 'number'
        ? x - y
        : collator.compare(String(x), String(y));
    return order * factor;
  });
}

/**
 * Marks the body cells whose content is cut by the ellipsis: `title` gets the full text (mouse),
 * the cell becomes focusable when nothing inside it is, and CSS shows the whole value while the
 * cell is hovered or focused (a tooltip keyboard users reach too). Reads all widths, then writes.
 */
export function markTruncatedCells(root: HTMLElement): void {
  const cells = Array.from(root.querySelectorAll<HTMLElement>('.vtable-body .vtable-cell'));
  const cut = cells.map((cell) => cell.scrollWidth > cell.clientWidth + 1);
  cells.forEach((cell, index) => {
    const truncated = cut[index] === true;
    const full = (cell.textContent || '').trim();
    if (truncated && full !== '') {
      cell.setAttribute('data-truncated', '');
      cell.title = full;
      if (cell.querySelector('a, button, input, select, textarea, [tabindex]') === null) {
        cell.tabIndex = 0;
      }
    } else if (cell.hasAttribute('data-truncated')) {
      cell.removeAttribute('data-truncated');
      cell.removeAttribute('title');
      cell.removeAttribute('tabindex');
    }
  });
}

export function VirtualTable<R>({
  rows,
  columns,
  rowKey,
  sort,
  onSort,
  label,
  height = 560,
  rowHeight = 40,
}: {
  readonly rows: readonly R[];
  readonly columns: readonly Column<R>[];
  readonly rowKey: (row: R) => string;
  readonly sort: Sort | null;
  readonly onSort: (sort: Sort) => void;
  readonly label: string;
  readonly height?: number;
  readonly rowHeight?: number;
}) {
  const { t } = useI18n();
  const parent = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => parent.current,
    estimateSize: () => rowHeight,
    overscan: 12,
  });
  const template = columns.map((c) => c.width ?? 'minmax(6rem, 1fr)').join(' ');
  const table = useRef<HTMLDivElement>(null);
  // After every render (rows scrolled in, sort, data): which cells are cut.
  useLayoutEffect(() => {
    if (table.current !== null) markTruncatedCells(table.current);
  });
  useEffect(() => {
    const root = table.current;
    if (root === null || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => {
      markTruncatedCells(root);
    });
    observer.observe(root);
    return () => {
      observer.disconnect();
    };
  }, []);
  return (
    <div
      ref={table}
      className="vtable"
      role="table"
      aria-label={label}
      aria-rowcount={rows.length + 1}
    >
      <div className="vtable-head" role="rowgroup">
        <div className="vtable-row" role="row" style={{ gridTemplateColumns: template }}>
          {columns.map((column) => {
            const active = sort?.key === column.key;
            const ariaSort = active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none';
            return (
              <div
                key={column.key}
                role="columnheader"
                aria-sort={ariaSort}
                className="vtable-cell"
              >
                {column.sortValue === undefined ? (
                  column.header
                ) : (
                  <button
                    type="button"
                    className="sort"
                    onClick={() => {
                      onSort({
                        key: column.key,
                        dir: active && sort.dir === 'asc' ? 'desc' : 'asc',
                      });
                    }}
                  >
                    {column.header}
                    <span aria-hidden="true">
                      {active ? (sort.dir === 'asc' ? ' ▲' : ' ▼') : ''}
                    </span>
                    {active ? (
                      <span className="visually-hidden">
                        {' '}
                        {sort.dir === 'asc' ? t('table.sortAscending') : t('table.sortDescending')}
                      </span>
                    ) : null}
                  </button>
                )}
              </div>
            );
          })}
        </div>
      </div>
      {rows.length === 0 ? (
        <p className="empty">{t('table.empty')}</p>
      ) : (
        <div
          ref={parent}
          className="vtable-body"
          role="rowgroup"
          style={{ maxHeight: height, overflow: 'auto' }}
        >
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualizer.getVirtualItems().map((item) => {
              const row = rows[item.index];
              if (row === undefined) return null;
              return (
                <div
                  key={rowKey(row)}
                  role="row"
                  aria-rowindex={item.index + 2}
                  className="vtable-row"
                  style={{
                    gridTemplateColumns: template,
                    position: 'absolute',
                    top: 0,
                    left: 0,
                    right: 0,
                    height: item.size,
                    transform: `translateY(${item.start}px)`,
                  }}
                >
                  {columns.map((column) => (
                    <div key={column.key} role="cell" className="vtable-cell">
                      {column.render(row)}
                    </div>
                  ))}
                </div>
              );
            })}
          </div>
        </div>
      )}
    </div>
  );
}
