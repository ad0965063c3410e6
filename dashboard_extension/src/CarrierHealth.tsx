// Carrier health: which carriers fail or are paused.
import { Box, Chip, Text } from "@saleor/macaw-ui";

import { useDashboard } from "./dashboard";
import { formatDate } from "./i18n";
import { Async, Card, Empty, useLoad } from "./ui";

type Health = {
  code: string;
  consecutiveFailures: number;
  pausedUntil: string | null;
  lastError: string | null;
  lastSuccessAt: string | null;
};

const CARRIER_HEALTH = `query Health {
  carrierHealth { code consecutiveFailures pausedUntil lastError lastSuccessAt }
}`;

/** Paused carriers first, then those failing, then the healthy ones. */
export function byConcern(rows: Health[], now: Date = new Date()): Health[] {
  const rank = (row: Health) =>
    row.pausedUntil && new Date(row.pausedUntil) > now ? 0 : row.consecutiveFailures > 0 ? 1 : 2;
  return [...rows].sort((a, b) => rank(a) - rank(b) || a.code.localeCompare(b.code));
}

export function CarrierHealth() {
  const { request, t, language } = useDashboard();
  const loaded = useLoad(() => request<{ carrierHealth: Health[] }>(CARRIER_HEALTH), "health");
  return (
    <Async t={t} loaded={loaded}>
      {({ carrierHealth }) =>
        carrierHealth.length === 0 ? (
          <Empty>{t("noCarriers")}</Empty>
        ) : (
          <>
            {byConcern(carrierHealth).map((row) => {
              const paused = row.pausedUntil && new Date(row.pausedUntil) > new Date();
              return (
                <Card key={row.code} testId={`carrier-${row.code}`}>
                  <Box display="flex" gap={3} alignItems="center">
                    <Text fontWeight="bold">{row.code}</Text>
                    <Chip backgroundColor={paused ? "critical1" : undefined}>
                      <Text size={1}>
                        {paused
                          ? t("paused", { date: formatDate(language, row.pausedUntil) })
                          : row.consecutiveFailures
                            ? t("failures", { count: row.consecutiveFailures })
                            : t("healthy")}
                      </Text>
                    </Chip>
                  </Box>
                  {row.lastError && (
                    <Text display="block" size={2} color="critical1">
                      {t("lastError", { error: row.lastError })}
                    </Text>
                  )}
                  <Text display="block" size={2} color="default2">
                    {t("lastSuccess", { date: formatDate(language, row.lastSuccessAt) })}
                  </Text>
                </Card>
              );
            })}
          </>
        )
      }
    </Async>
  );
}
