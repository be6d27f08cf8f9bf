/**
 * The annual report as a readable page: Markdown and HTML in the layout of
 * the official tables (二 proactive disclosure, 三 applications, 四 review
 * and litigation), followed by the checks. A table 三 that does not add up
 * is not printed: its violations are, with the applications involved.
 */
import type { AnnualReportRecord, ColumnCounts } from '../../datasources/annual-report/annual-report-record.js';
import type { ApplicationColumn } from '../../datasources/annual-report/report-layout.js';

const SHORT_COLUMN: Record<ApplicationColumn, string> = {
  NATURAL_PERSON: '自然人',
  COMMERCIAL_ENTERPRISE: '商业企业',
  RESEARCH_INSTITUTION: '科研机构',
  PUBLIC_INTEREST_ORGANIZATION: '社会公益组织',
  LEGAL_SERVICE_INSTITUTION: '法律服务机构',
  OTHER_ORGANIZATION: '其他',
  TOTAL: '总计',
};
const STATUS = { HOLDS: '成立', VIOLATED: '不成立', NOT_CHECKED: '未核对' } as const;

/** A report as rows of cells per section, shared by both renderings. */
interface Section {
  title: string;
  notes: string[];
  header: string[] | null;
  rows: string[][];
}

function sections(report: AnnualReportRecord): Section[] {
  const columns = report.columns.map((c) => c.key);
  const cells = (counts: ColumnCounts) => columns.map((c) => String(counts[c]));
  const proactive: Section = {
    title: '二、主动公开政府信息情况',
    notes: [
      `公开目录各类别条数（${report.year}-01-01 至 ${report.catalog.through}），合计 ${report.catalog.total} 条。`,
      ...(report.catalog.unavailableStores.length > 0 ? [`以下数据源未响应，其条目未计入：${report.catalog.unavailableStores.join('、')}。`] : []),
      `以下项目本网关尚未掌握数据，未填数字：${report.proactiveNotHeld.join('；')}。`,
    ],
    header: ['公开目录类别', '条数'],
    rows: [...report.catalog.counts.map((c) => [c.label, String(c.count)]), ['行政规范性文件·本年制发（件）', String(report.normativeDocumentsIssued)]],
  };
  const lists: Section = {
    title: '行政权力清单及信息发布平台',
    notes: [`行政权力清单事项（现行）；信息发布平台为 ${report.year}-01-01 至 ${report.catalog.through}。`],
    header: ['项目', '数量', '其中区级下放 / 发布次数'],
    rows: [
      ...report.powerList.map((p) => [`行政权力清单·${p.label}`, String(p.items), String(p.delegatedFromDistrict)]),
      ...report.broadcasts.map((b) => [`${b.label}（条）`, String(b.messages), String(b.broadcasts)]),
    ],
  };
  let applications: Section;
  if (report.applicationRows) {
    const rows: string[][] = [];
    let heading: string | null = null;
    for (const row of report.applicationRows) {
      if (row.heading !== null && row.heading !== heading) rows.push([row.heading, ...columns.map(() => '')]);
      heading = row.heading;
      rows.push([row.label, ...cells(row.counts)]);
    }
    applications = { title: '三、收到和处理政府信息公开申请情况', notes: ['列：申请人情况（自然人；法人或其他组织：商业企业、科研机构、社会公益组织、法律服务机构、其他；总计）。'], header: ['', ...columns.map((c) => SHORT_COLUMN[c])], rows };
  } else {
    applications = {
      title: '三、收到和处理政府信息公开申请情况',
      notes: ['本表数据不平衡（一 + 二 ≠ 三 + 四），不予生成。请先核对以下申请：'],
      header: ['核对项', '列', '应为', '实为', '涉及申请', '说明'],
      rows: report.violations.map((v) => [v.invariant, v.column ? SHORT_COLUMN[v.column] : '', v.expected === null ? '' : String(v.expected), v.actual === null ? '' : String(v.actual), v.trackingNumbers.join('、'), v.detail]),
    };
  }
  const reviews: Section = {
    title: '四、政府信息公开行政复议、行政诉讼情况',
    notes: ['本年提起的案件，按年底时的结果统计。'],
    header: ['', '结果维持', '结果纠正', '其他结果', '尚未审结', '总计'],
    rows: report.reviews.map((r) => [r.label, String(r.upheld), String(r.corrected), String(r.other), String(r.pending), String(r.total)]),
  };
  const checks: Section = {
    title: '核对',
    notes: report.published ? [`本报告已于 ${report.published.publishedAt.toISOString()} 发布。`] : [],
    header: ['核对项', '结果', '说明'],
    rows: [
      ...report.checks.map((c) => [c.invariant, STATUS[c.status], c.detail]),
      ...(report.applicationRows ? report.violations.map((v) => [v.invariant, '不成立', `${v.detail}；涉及申请：${v.trackingNumbers.join('、') || '无'}`]) : []),
    ],
  };
  return [proactive, lists, applications, reviews, checks];
}

function title(report: AnnualReportRecord): string {
  return `${report.organizationName}${report.year}年政府信息公开工作年度报告（统计表）`;
}

/** Text safe in a Markdown line or table cell: pipes and backslashes escaped, and no raw HTML for a renderer to run. */
function markdownCell(text: string): string {
  return text
    .replace(/&/gu, '&amp;')
    .replace(/</gu, '&lt;')
    .replace(/>/gu, '&gt;')
    .replace(/\\/gu, '\\\\')
    .replace(/\|/gu, '\\|')
    .replace(/\r?\n/gu, ' ');
}

/** The report as Markdown (GitHub tables). */
export function renderMarkdown(report: AnnualReportRecord): string {
  const lines = [`# ${markdownCell(title(report))}`, ''];
  for (const section of sections(report)) {
    lines.push(`## ${section.title}`, '');
    for (const note of section.notes) lines.push(markdownCell(note), '');
    if (section.header && section.rows.length > 0) {
      lines.push(`| ${section.header.map(markdownCell).join(' | ')} |`, `|${section.header.map((_, i) => (i === 0 ? ' --- ' : ' ---: ')).join('|')}|`);
      for (const row of section.rows) lines.push(`| ${row.map(markdownCell).join(' | ')} |`);
      lines.push('');
    }
  }
  return lines.join('\n');
}

function escapeHtml(text: string): string {
  return text.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;').replace(/"/gu, '&quot;').replace(/'/gu, '&#39;');
}

/** The report as a self-contained HTML page (no scripts, inline style only). */
export function renderHtml(report: AnnualReportRecord): string {
  const body: string[] = [`<h1>${escapeHtml(title(report))}</h1>`];
  for (const section of sections(report)) {
    body.push(`<h2>${escapeHtml(section.title)}</h2>`);
    for (const note of section.notes) body.push(`<p>${escapeHtml(note)}</p>`);
    if (section.header && section.rows.length > 0) {
      body.push('<table>', `<thead><tr>${section.header.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead>`, '<tbody>');
      for (const row of section.rows) body.push(`<tr>${row.map((cell, i) => (i === 0 ? `<th scope="row">${escapeHtml(cell)}</th>` : `<td>${escapeHtml(cell)}</td>`)).join('')}</tr>`);
      body.push('</tbody>', '</table>');
    }
  }
  return [
    '<!DOCTYPE html>',
    '<html lang="zh-CN">',
    '<head>',
    '<meta charset="utf-8">',
    `<title>${escapeHtml(title(report))}</title>`,
    '<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;margin:1em 0}th,td{border:1px solid #999;padding:.3em .6em}td{text-align:right}th[scope=row]{text-align:left;font-weight:normal}</style>',
    '</head>',
    '<body>',
    ...body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
