import {
  ApiError,
  loadReportData,
  reportDocument,
  writeAppendix,
  type ReportCycle,
  type ReportPeriodOptions,
} from '@giaoviec/cli';
import { type Logger } from '@giaoviec/shared';
import express, { type Request, type Response, type Router } from 'express';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const TYPES = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

/** The HTTP status of an error the API answered the report's queries with. */
const STATUS: Record<string, number> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, BAD_USER_INPUT: 400, NOT_FOUND: 404 };

/** The period of the query string: `cycle`, `year` and `index`, or `from`, `to` and `asOf`. */
function periodOf(query: Request['query']): ReportPeriodOptions | null {
  const text = (name: string) => (typeof query[name] === 'string' ? query[name] : undefined);
  const cycle = text('cycle');
  if (cycle) {
    const year = Number(text('year'));
    const index = text('index') === undefined ? undefined : Number(text('index'));
    // The API checks the cycle, the year and the index (BAD_USER_INPUT).
    return { cycle: { cycle: cycle as ReportCycle['cycle'], year, index } };
  }
  const [from, to] = [text('from'), text('to')];
  return from && to ? { from, to, asOf: text('asOf') } : null;
}

/**
 * The dashboard's download of the periodic report (.docx) and its appendix (.xlsx): built by the
 * CLI's report code, which calls this gateway's own /graphql with the user's own token, so the
 * user sees in the file only what the API lets them read.
 */
export function reportRoutes(log: Logger): Router {
  const router = express.Router({ strict: true });
  const send = (format: keyof typeof TYPES) => async (req: Request, res: Response) => {
    const authorization = req.headers.authorization ?? '';
    const token = /^Bearer (\S+)$/i.exec(authorization)?.[1];
    if (!token) {
      res
        .status(401)
        .json({ errors: [{ message: 'A valid bearer token is required', extensions: { code: 'UNAUTHENTICATED' } }] });
      return;
    }
    const period = periodOf(req.query);
    if (!period) {
      res.status(400).json({
        errors: [{ message: 'from and to, or cycle and year, are required', extensions: { code: 'BAD_USER_INPUT' } }],
      });
      return;
    }
    // This very server, on the address the request came in on: never a host the request names.
    const address = req.socket.localAddress ?? '127.0.0.1';
    const host = address.includes(':') ? `[${address}]` : address;
    const url = `http://${host}:${req.socket.localPort}/graphql`;
    try {
      // The API's errors in the language the page asked for.
      const data = await loadReportData({ url, token, acceptLanguage: req.headers['accept-language'] }, period);
      let body: Buffer;
      if (format === 'docx') body = await reportDocument(data);
      else {
        const dir = await mkdtemp(join(tmpdir(), 'giaoviec-report-'));
        try {
          await writeAppendix(join(dir, 'phu-luc.xlsx'), data);
          body = await readFile(join(dir, 'phu-luc.xlsx'));
        } finally {
          await rm(dir, { recursive: true, force: true });
        }
      }
      res
        .type(TYPES[format])
        .set('content-disposition', `attachment; filename="bao-cao-${data.from}-${data.to}.${format}"`)
        .set('cache-control', 'no-store')
        .send(body);
    } catch (error) {
      if (error instanceof ApiError) {
        res
          .status(STATUS[error.code ?? ''] ?? 502)
          .json({ errors: [{ message: error.reason, extensions: { code: error.code, field: error.field } }] });
        return;
      }
      log.error({ err: error }, 'dashboard: the report could not be written');
      res.status(502).json({
        errors: [{ message: 'The report could not be written', extensions: { code: 'INTERNAL_SERVER_ERROR' } }],
      });
    }
  };
  router.get('/report.docx', send('docx'));
  router.get('/report.xlsx', send('xlsx'));
  return router;
}
