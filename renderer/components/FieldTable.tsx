import type { CSSProperties } from 'react';

/** The forms' two-column table: a label, and what the case says (kept as typed, line breaks and all). */
export function FieldTable({ rows, style }: { rows: [string, string][]; style?: CSSProperties }) {
  return (
    <table className="print-table meeting-record" style={style}>
      <tbody>
        {rows.map(([label, value]) => (
          <tr key={label}>
            <th>{label}</th>
            <td className="wrap pre">{value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
