import {
  cohortQuery,
  cohortReport,
  dashboardQuery,
  errorResponse,
  funnelReport,
  revenueReport,
  revenueReportQuery,
  snakeKeys,
  sourcesReport,
  trialConversionReport,
} from "@lumen/contracts";
import {
  type Cohort,
  type CoreContext,
  type RevenueRow,
  readCohorts,
  readFunnelReport,
  readRevenueReport,
  readSources,
  readTrialConversion,
  type SourceRow,
} from "@lumen/core";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { RequireAuth } from "../../http/auth.ts";
import { type CsvColumn, decimalAmount, sendCsv } from "../../http/csv.ts";

const tags = ["analytics"];
const period = (q: {
  from?: string | undefined;
  to?: string | undefined;
  tz: string;
  bot_id?: string | undefined;
}) => ({
  from: q.from,
  to: q.to,
  tz: q.tz,
  botId: q.bot_id,
});
async function* each<T>(rows: T[]): AsyncIterable<T> {
  yield* rows;
}

type FunnelLine = { step: string; product_id: string | null; title: string | null; people: number };
const funnelCsv: CsvColumn<FunnelLine>[] = [
  { header: "step", value: (r) => r.step },
  { header: "product_id", value: (r) => r.product_id },
  { header: "product", value: (r) => r.title },
  { header: "people", value: (r) => r.people },
];
const revenueCsv: CsvColumn<RevenueRow>[] = [
  { header: "key", value: (r) => r.key },
  { header: "label", value: (r) => r.label },
  { header: "currency", value: (r) => r.currency },
  { header: "orders", value: (r) => r.orders },
  { header: "buyers", value: (r) => r.buyers },
  { header: "amount", value: (r) => decimalAmount(r.amount, r.currency) },
];
type CohortLine = { week: string; users: number; week_offset: number; active: number; paying: number };
const cohortCsv: CsvColumn<CohortLine>[] = [
  { header: "cohort_week", value: (r) => r.week },
  { header: "users", value: (r) => r.users },
  { header: "week_offset", value: (r) => r.week_offset },
  { header: "active", value: (r) => r.active },
  { header: "paying", value: (r) => r.paying },
];
const sourcesCsv: CsvColumn<SourceRow>[] = [
  { header: "source", value: (r) => r.source },
  { header: "kind", value: (r) => r.kind },
  { header: "users", value: (r) => r.users },
  { header: "paying_users", value: (r) => r.payingUsers },
  {
    header: "revenue_rub",
    value: (r) => decimalAmount(r.revenue.find((m) => m.currency === "RUB")?.amount ?? 0, "RUB"),
  },
  { header: "revenue_xtr", value: (r) => r.revenue.find((m) => m.currency === "XTR")?.amount ?? 0 },
  { header: "broadcast_title", value: (r) => r.broadcastTitle },
  { header: "clicks", value: (r) => r.clicks },
];
const cohortLines = (cohorts: Cohort[]): CohortLine[] =>
  cohorts.flatMap((c) =>
    c.active.map((active, k) => ({
      week: c.week,
      users: c.users,
      week_offset: k,
      active,
      paying: c.paying[k] ?? 0,
    })),
  );

/**
 * The analytics reports: each computed in SQL by a core verb, as JSON for the panel and as CSV
 * (admin) for a spreadsheet, with the dashboard's period and bot filters.
 */
export const analyticsReportRoutes =
  (deps: { core: CoreContext; requireAuth: RequireAuth }): FastifyPluginAsyncZod =>
  async (app) => {
    const operator = deps.requireAuth("operator");
    const admin = deps.requireAuth("admin");
    const now = () => deps.core.clock.now();
    const csv = { 400: errorResponse, 403: errorResponse };

    app.get(
      "/api/v1/analytics/reports/funnel",
      {
        schema: {
          tags,
          summary: "Start → viewed → checkout → paid: distinct people at each step, overall and per product",
          querystring: dashboardQuery,
          response: { 200: funnelReport, 400: errorResponse },
        },
        preHandler: operator,
      },
      async (request) => snakeKeys(await readFunnelReport(deps.core.db, now(), period(request.query))),
    );
    app.get(
      "/api/v1/analytics/reports/funnel.csv",
      {
        schema: { tags, summary: "The funnel as CSV (admin)", querystring: dashboardQuery, response: csv },
        preHandler: admin,
      },
      async (request, reply) => {
        const report = await readFunnelReport(deps.core.db, now(), period(request.query));
        const lines: FunnelLine[] = [
          ...Object.entries(report.steps).map(([step, people]) => ({
            step,
            product_id: null,
            title: null,
            people,
          })),
          ...report.products.flatMap((p) =>
            (["viewed", "checkout", "paid"] as const).map((step) => ({
              step,
              product_id: p.productId,
              title: p.title,
              people: p[step],
            })),
          ),
        ];
        return sendCsv(reply, "funnel", funnelCsv, each(lines), now());
      },
    );
    app.get(
      "/api/v1/analytics/reports/revenue",
      {
        schema: {
          tags,
          summary: "Paid orders by day, product or source, one row per currency",
          querystring: revenueReportQuery,
          response: { 200: revenueReport, 400: errorResponse },
        },
        preHandler: operator,
      },
      async (request) => ({
        items: await readRevenueReport(deps.core.db, now(), {
          ...period(request.query),
          by: request.query.by,
        }),
      }),
    );
    app.get(
      "/api/v1/analytics/reports/revenue.csv",
      {
        schema: { tags, summary: "Revenue as CSV (admin)", querystring: revenueReportQuery, response: csv },
        preHandler: admin,
      },
      async (request, reply) => {
        const rows = await readRevenueReport(deps.core.db, now(), {
          ...period(request.query),
          by: request.query.by,
        });
        return sendCsv(reply, `revenue-by-${request.query.by}`, revenueCsv, each(rows), now());
      },
    );
    app.get(
      "/api/v1/analytics/reports/cohorts",
      {
        schema: {
          tags,
          summary: "Weekly cohorts by first /start: users, and per later week who came back and who paid",
          querystring: cohortQuery,
          response: { 200: cohortReport, 400: errorResponse },
        },
        preHandler: operator,
      },
      async (request) => {
        const { weeks, tz, bot_id } = request.query;
        return { items: await readCohorts(deps.core.db, now(), { weeks, tz, botId: bot_id }) };
      },
    );
    app.get(
      "/api/v1/analytics/reports/cohorts.csv",
      {
        schema: { tags, summary: "Cohorts as CSV (admin)", querystring: cohortQuery, response: csv },
        preHandler: admin,
      },
      async (request, reply) => {
        const { weeks, tz, bot_id } = request.query;
        const cohorts = await readCohorts(deps.core.db, now(), { weeks, tz, botId: bot_id });
        return sendCsv(reply, "cohorts", cohortCsv, each(cohortLines(cohorts)), now());
      },
    );
    app.get(
      "/api/v1/analytics/reports/trial-conversion",
      {
        schema: {
          tags,
          summary: "Of the users who started a trial in the period, how many paid afterwards",
          querystring: dashboardQuery,
          response: { 200: trialConversionReport, 400: errorResponse },
        },
        preHandler: operator,
      },
      async (request) => readTrialConversion(deps.core.db, now(), period(request.query)),
    );
    app.get(
      "/api/v1/analytics/reports/sources",
      {
        schema: {
          tags,
          summary: "Where new users came from (deep links, partners), how many paid and what they paid",
          querystring: dashboardQuery,
          response: { 200: sourcesReport, 400: errorResponse },
        },
        preHandler: operator,
      },
      async (request) => ({
        items: snakeKeys(await readSources(deps.core.db, now(), period(request.query))),
      }),
    );
    app.get(
      "/api/v1/analytics/reports/sources.csv",
      {
        schema: { tags, summary: "Sources as CSV (admin)", querystring: dashboardQuery, response: csv },
        preHandler: admin,
      },
      async (request, reply) => {
        const rows = await readSources(deps.core.db, now(), period(request.query));
        return sendCsv(reply, "sources", sourcesCsv, each(rows), now());
      },
    );
  };
