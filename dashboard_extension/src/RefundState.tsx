// A return's refund record: its exactly-once state, amount, Saleor's reference, the failure.
import { Box, Chip, Text } from "@saleor/macaw-ui";

import { useDashboard } from "./dashboard";
import { formatDate, formatMoney } from "./i18n";
import { label } from "./labels";
import type { RefundRecord } from "./returns";

/** Refund states that need staff's eyes; any state the API adds later shows neutrally. */
const ALARMING = new Set(["FAILED", "UNKNOWN"]);

export function RefundState({ refund }: { refund: RefundRecord }) {
  const { t, language } = useDashboard();
  const status = refund.status.toUpperCase();
  return (
    <Box
      display="flex"
      flexDirection="column"
      gap={1}
      marginY={2}
      data-testid="refund-record"
      data-status={status}
    >
      <Box display="flex" gap={2} alignItems="center" flexWrap="wrap">
        <Text size={2} color="default2">
          {t("refundRecord")}
        </Text>
        <Chip backgroundColor={ALARMING.has(status) ? "critical1" : undefined}>
          <Text size={1} data-testid="refund-status">
            {label(language, "refundStatus", status)}
          </Text>
        </Chip>
        <Text size={2}>{formatMoney(language, refund.amount, refund.currency)}</Text>
      </Box>
      <Text size={2} color="default2">
        {t("refundReference", { reference: refund.reference || "—" })} ·{" "}
        {t("refundAttempts", { count: refund.attempts })} · {formatDate(language, refund.updatedAt)}
      </Text>
      {refund.error && (
        <Text size={2} color="critical1" data-testid="refund-error">
          {t("refundError", { error: refund.error })}
        </Text>
      )}
    </Box>
  );
}
