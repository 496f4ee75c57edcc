import type { Key, ReactNode } from 'react';

/**
 * A list on paper: its column heads and a row of cells for each record (a fragment of <td>s, a long
 * text's cell with className="wrap"). The shape the rosters, registers and lists share.
 */
export function PrintTable<R>({ heads, rows, keyOf, row, className = 'print-table', testId }: { heads: string[]; rows: readonly R[]; keyOf: (r: R, i: number) => Key; row: (r: R, i: number) => ReactNode; className?: string; testId?: string }) {
  return (
    <table className={className} data-testid={testId}>
      <thead>
        <tr>
          {heads.map((h, i) => (
            <th key={i}>{h}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => (
          <tr key={keyOf(r, i)}>{row(r, i)}</tr>
        ))}
      </tbody>
    </table>
  );
}
