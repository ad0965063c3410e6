// The post-purchase figures of a period, compared with the previous one, with their trend.
import { Box, Text } from "@saleor/macaw-ui";
import { useState } from "react";

import { BarChart, LineChart } from "./charts";
import { useDashboard } from "./dashboard";
import type { Language } from "./i18n";
import { label } from "./labels";
import { Async, Card, Choice, Empty, useLoad } from "./ui";

type Figure = { code: string; value: number | null; comparison: number | null };
type Metrics = {
  figures: Figure[];
  series: { start: string; figures: { code: string; value: number | null }[] }[];
  delaysByCause: { cause: string; count: number }[];
  csvUrl: string;
};

const METRICS = `query Metrics($from: DateTime!, $to: DateTime!, $interval: MetricInterval) {
  postPurchaseMetrics(from: $from, to: $to, interval: $interval, compareTo: PREVIOUS_PERIOD) {
    figures { code value comparison }
    series { start figures { code value } }
    delaysByCause { cause count }
    csvUrl
  }
}`;

const PERIODS = { last30: 30, last90: 90, last365: 365 } as const;
type Period = keyof typeof PERIODS;

/** Rates as percentages, durations and counts as numbers, in the dashboard's language. */
export function formatFigure(language: Language, code: string, value: number | null): string {
  if (value === null || value === undefined) return "—";
  const locale = language === "tr" ? "tr-TR" : "en-GB";
  if (code.endsWith("rate") || code === "csat" || code.endsWith("within_sla")) {
    return new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 }).format(value);
  }
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value);
}

/** The period's bounds: `days` up to the start of tomorrow (UTC), so today counts. */
export function periodBounds(days: number, now: Date = new Date()): { from: string; to: string } {
  const to = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1));
  const from = new Date(to.getTime() - days * 24 * 3600 * 1000);
  return { from: from.toISOString(), to: to.toISOString() };
}

export function MetricsPage() {
  const { request, t, language } = useDashboard();
  const [period, setPeriod] = useState<Period>("last90");
  const [interval, setInterval] = useState("WEEK");
  const variables = { ...periodBounds(PERIODS[period]), interval };
  const loaded = useLoad(
    () => request<{ postPurchaseMetrics: Metrics }>(METRICS, variables),
    JSON.stringify([period, interval]),
  );
  return (
    <Box>
      <Box display="flex" gap={4} alignItems="flex-end" marginBottom={4} flexWrap="wrap">
        <Choice
          id="metrics-period"
          label={t("period")}
          value={period}
          onChange={(value) => setPeriod(value as Period)}
          options={(Object.keys(PERIODS) as Period[]).map((key) => ({ value: key, label: t(key) }))}
        />
        <Choice
          id="metrics-interval"
          label={t("interval")}
          value={interval}
          onChange={setInterval}
          options={[
            { value: "DAY", label: t("intervalDay") },
            { value: "WEEK", label: t("intervalWeek") },
            { value: "MONTH", label: t("intervalMonth") },
          ]}
        />
      </Box>
      <Async t={t} loaded={loaded}>
        {({ postPurchaseMetrics: metrics }) => {
          if (metrics.figures.every((figure) => figure.value === null)) {
            return <Empty>{t("noData")}</Empty>;
          }
          return (
            <>
              <Box display="grid" gridTemplateColumns={3} gap={3}>
                {metrics.figures.map((figure) => (
                  <Card key={figure.code} testId={`figure-${figure.code}`}>
                    <Text size={2} color="default2" display="block">
                      {label(language, "figure", figure.code)}
                    </Text>
                    <Text size={8} fontWeight="bold" display="block" data-testid="figure-value">
                      {formatFigure(language, figure.code, figure.value)}
                    </Text>
                    <Text size={1} color="default2" display="block">
                      {t("previousPeriod", {
                        value: formatFigure(language, figure.code, figure.comparison),
                      })}
                    </Text>
                    <LineChart
                      title={label(language, "figure", figure.code)}
                      points={metrics.series.map((bucket) => ({
                        x: bucket.start,
                        y: bucket.figures.find((f) => f.code === figure.code)?.value ?? null,
                      }))}
                    />
                  </Card>
                ))}
              </Box>
              <Card testId="delays-by-cause">
                <Text as="h3" fontWeight="bold" display="block" marginBottom={2}>
                  {t("delaysByCause")}
                </Text>
                {metrics.delaysByCause.length ? (
                  <BarChart
                    bars={metrics.delaysByCause.map((row) => ({
                      label: label(language, "delayCause", row.cause),
                      value: row.count,
                    }))}
                  />
                ) : (
                  <Empty>{t("noData")}</Empty>
                )}
              </Card>
              <a href={metrics.csvUrl} download>
                {t("downloadCsv")}
              </a>
            </>
          );
        }}
      </Async>
    </Box>
  );
}
