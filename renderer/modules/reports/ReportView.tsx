import { Table, Typography } from 'antd';
import type { Report } from '../../../shared/contract/reports';

/** A report on screen: its key figures, then each table as the paper and the sheet have it. */
export function ReportView({ report }: { report: Report }) {
  return (
    <div data-testid="report-view">
      <Typography.Title level={4} style={{ marginBottom: 0 }}>
        {report.title}
      </Typography.Title>
      <Typography.Text type="secondary">{report.subtitle}</Typography.Text>
      <div className="report-figures">
        {report.figures.map((f) => (
          <div key={f.label}>
            <Typography.Text type="secondary">{f.label}</Typography.Text>
            <div style={{ fontSize: 24 }}>{f.value}</div>
          </div>
        ))}
      </div>
      {report.tables.map((table) => (
        <div key={table.title} style={{ marginBottom: 16 }}>
          <Typography.Title level={5}>{table.title}</Typography.Title>
          <Table
            size="small"
            pagination={false}
            bordered
            rowKey={(_, i) => String(i)}
            dataSource={table.rows.map((r) => Object.fromEntries(r.map((v, i) => [String(i), v])))}
            columns={table.columns.map((c, i) => ({ title: c, dataIndex: String(i), align: i === 0 ? 'left' : 'right' }))}
          />
        </div>
      ))}
    </div>
  );
}

/** The same report on A4 paper. */
export function ReportPaper({ report, printedOn }: { report: Report; printedOn: string }) {
  return (
    <>
      <h1>{report.title}</h1>
      <div className="print-meta">
        <span>{report.subtitle}</span>
        <span>{printedOn}</span>
      </div>
      <table className="print-table" data-testid="report-figures">
        <tbody>
          {Array.from({ length: Math.ceil(report.figures.length / 2) }, (_, i) => (
            <tr key={i}>
              {report.figures.slice(i * 2, i * 2 + 2).flatMap((f) => [<th key={`${f.label}-l`}>{f.label}</th>, <td key={`${f.label}-v`}>{f.value}</td>])}
            </tr>
          ))}
        </tbody>
      </table>
      {report.tables.map((table) => (
        <section key={table.title}>
          <h3 className="print-heading">{table.title}</h3>
          <table className="print-table">
            <thead>
              <tr>
                {table.columns.map((c) => (
                  <th key={c}>{c}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.map((r, i) => (
                <tr key={i}>
                  {r.map((v, j) => (
                    <td key={j} style={j ? { textAlign: 'right' } : undefined}>
                      {v}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </>
  );
}
