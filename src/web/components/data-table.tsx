/**
 * A dense data table with click-to-sort headers and client-side paging. Columns are data: each gives a
 * header (already translated), how to render a cell and, to be sortable, the value to sort by. For
 * server-side paging pass no `pageSize` and put your own pager in `footer`.
 */
import { Box, Group, Loader, Pagination, ScrollArea, Table, Text, UnstyledButton } from '@mantine/core';
import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { nextSort, pageOf, sortRows, type SortState, type SortValue } from './table-model';

export interface Column<T> {
  readonly key: string;
  readonly header: string;
  /** The cell's content; defaults to the sort value as text. */
  readonly render?: (row: T) => ReactNode;
  /** Makes the column sortable. */
  readonly sortValue?: (row: T) => SortValue;
  readonly align?: 'left' | 'center' | 'right';
  readonly width?: number | string;
  readonly nowrap?: boolean;
}

export interface DataTableProps<T> {
  readonly columns: readonly Column<T>[];
  readonly rows: readonly T[];
  readonly rowKey: (row: T) => string | number;
  /** Rows per page for client-side paging; all rows on one page when absent. */
  readonly pageSize?: number;
  readonly initialSort?: SortState | null;
  readonly loading?: boolean;
  readonly emptyText?: string;
  readonly footer?: ReactNode;
  readonly 'data-testid'?: string;
}

export function DataTable<T>({ columns, rows, rowKey, pageSize, initialSort = null, loading, emptyText, footer, 'data-testid': testId }: DataTableProps<T>) {
  const { t, i18n } = useTranslation();
  const [sort, setSort] = useState<SortState | null>(initialSort);
  const [page, setPage] = useState(1);

  const sorted = useMemo(() => {
    const column = sort && columns.find((c) => c.key === sort.column);
    return column?.sortValue && sort ? sortRows(rows, column.sortValue, sort.direction, i18n.language) : [...rows];
  }, [rows, sort, columns, i18n.language]);
  const shown = pageOf(sorted, page, pageSize ?? Math.max(1, sorted.length));

  return (
    <Box data-testid={testId} bg="white" style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 4 }}>
      <ScrollArea type="auto">
        <Table striped highlightOnHover stickyHeader miw={640}>
          <Table.Thead bg="gray.0">
            <Table.Tr>
              {columns.map((c) => {
                const active = sort?.column === c.key ? sort.direction : undefined;
                return (
                  <Table.Th
                    key={c.key}
                    w={c.width}
                    ta={c.align}
                    aria-sort={active === 'asc' ? 'ascending' : active === 'desc' ? 'descending' : undefined}
                    style={{ whiteSpace: 'nowrap' }}
                  >
                    {c.sortValue ? (
                      <UnstyledButton
                        className="komek-th-sort"
                        fz="sm"
                        onClick={() => {
                          setSort(nextSort(sort, c.key));
                          setPage(1);
                        }}
                        title={t('common:table.sortBy', { column: c.header })}
                      >
                        {c.header}
                        <span className="komek-sort-arrow" data-active={active ? '' : undefined} aria-hidden>
                          {active === 'desc' ? '▼' : active === 'asc' ? '▲' : '↕'}
                        </span>
                      </UnstyledButton>
                    ) : (
                      c.header
                    )}
                  </Table.Th>
                );
              })}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.rows.map((row) => (
              <Table.Tr key={rowKey(row)}>
                {columns.map((c) => (
                  <Table.Td key={c.key} ta={c.align} style={c.nowrap ? { whiteSpace: 'nowrap' } : undefined}>
                    {c.render ? c.render(row) : String(c.sortValue?.(row) ?? '')}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
            {shown.rows.length === 0 ? (
              <Table.Tr>
                <Table.Td colSpan={columns.length} ta="center" py="lg">
                  {loading ? <Loader size="sm" data-testid="table-loading" /> : <Text size="sm" c="dimmed">{emptyText ?? t('common:table.empty')}</Text>}
                </Table.Td>
              </Table.Tr>
            ) : null}
          </Table.Tbody>
        </Table>
      </ScrollArea>
      {pageSize && shown.total > 0 ? (
        <Group justify="space-between" px="sm" py={6} style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}>
          <Text size="xs" c="dimmed" data-testid="table-range">
            {t('common:table.range', { from: shown.from, to: shown.to, total: shown.total })}
          </Text>
          {shown.pageCount > 1 ? <Pagination size="sm" total={shown.pageCount} value={shown.page} onChange={setPage} /> : null}
        </Group>
      ) : null}
      {footer ? (
        <Box px="sm" py={6} style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}>
          {footer}
        </Box>
      ) : null}
    </Box>
  );
}
