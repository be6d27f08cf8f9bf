/**
 * Writes export rows to an HTTP response as CSV (UTF-8 with a byte order
 * mark, so spreadsheet programs read Chinese correctly, and a header row of
 * Chinese and English names) or NDJSON (one JSON object per line, keyed by
 * the English names). Rows are pulled from an async iterable only as fast
 * as the client reads: the response's backpressure reaches the store's
 * cursor, so memory stays flat whatever the number of rows.
 */
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import type { Response } from 'express';

export const EXPORT_FORMATS = ['csv', 'ndjson'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** A column of an export: its English name (NDJSON key, CSV header) and its Chinese name (CSV header). */
export interface ExportHeader {
  name: string;
  chinese: string;
}

type Cell = string | number | boolean | null;

/** The CSV header of a column: "金额 amount", or the English name alone when there is no Chinese one. */
export function csvHeader(column: ExportHeader): string {
  return column.chinese ? `${column.chinese} ${column.name}` : column.name;
}

function ndjsonLines(columns: readonly ExportHeader[]) {
  return new Transform({
    writableObjectMode: true,
    transform(row: Cell[], _encoding, done) {
      const record: Record<string, Cell> = {};
      columns.forEach((column, i) => {
        record[column.name] = row[i] ?? null;
      });
      done(null, `${JSON.stringify(record)}\n`);
    },
  });
}

/**
 * Streams `rows` to `res` in `format` with a download file name; resolves
 * when the last byte is written. A failure after the first byte destroys the
 * response (the client sees a truncated transfer, never a complete-looking
 * partial file) and rejects.
 */
export async function streamExport(res: Response, format: ExportFormat, fileName: string, columns: readonly ExportHeader[], rows: AsyncIterable<Cell[]>): Promise<void> {
  res.status(200);
  res.setHeader('content-type', format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8');
  res.setHeader('content-disposition', `attachment; filename="${fileName}.${format}"`);
  res.setHeader('cache-control', 'no-store');
  const source = Readable.from(rows, { objectMode: true, highWaterMark: 64 });
  if (format === 'csv') {
    const csv = stringify({ bom: true, header: false, cast: { boolean: (value) => (value ? 'true' : 'false') } });
    csv.write(columns.map(csvHeader));
    await pipeline(source, csv, res);
  } else {
    await pipeline(source, ndjsonLines(columns), res);
  }
}
