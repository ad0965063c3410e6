// Staff's way out of a refund that failed or whose answer was lost: retry it, or record that
// the money moved elsewhere (the gateway's reference, an optional amount). Both ask to confirm:
// a wrong click would refund twice or tell of money that did not move.
import { Box, Button, Input, Text } from "@saleor/macaw-ui";
import { useState } from "react";

import { useDashboard } from "./dashboard";

export type SettleVariables = { action: "RETRY" | "MARK_DONE"; reference?: string; amount?: string };

/** `settle` runs the mutation and resolves to whether it succeeded (errors show elsewhere). */
export function RefundSettle({
  settle,
  busy,
}: {
  settle: (variables: SettleVariables) => Promise<boolean>;
  busy: boolean;
}) {
  const { t } = useDashboard();
  const [step, setStep] = useState<"" | "retry" | "mark" | "confirmMark">("");
  const [reference, setReference] = useState("");
  const [amount, setAmount] = useState("");
  // Turkish staff write a decimal comma (12,50); the API takes a point.
  const decimal = amount.trim().replace(",", ".");
  const amountOk = !decimal || Number(decimal) > 0;
  const submit = async (variables: SettleVariables) => {
    if (await settle(variables)) {
      setStep("");
      setReference("");
      setAmount("");
    }
  };
  const cancel = (
    <Button variant="secondary" disabled={busy} onClick={() => setStep("")}>
      {t("cancel")}
    </Button>
  );
  return (
    <Box display="flex" gap={2} alignItems="flex-end" flexWrap="wrap" data-testid="refund-settle">
      {step === "" && (
        <>
          <Button disabled={busy} onClick={() => setStep("retry")}>
            {t("retryRefund")}
          </Button>
          <Button variant="secondary" disabled={busy} onClick={() => setStep("mark")}>
            {t("markRefunded")}
          </Button>
        </>
      )}
      {step === "retry" && (
        <>
          <Text data-testid="settle-confirm">{t("confirmRetry")}</Text>
          <Button disabled={busy} onClick={() => submit({ action: "RETRY" })}>
            {t("yesRetry")}
          </Button>
          {cancel}
        </>
      )}
      {step === "mark" && (
        <>
          <Input
            label={t("settleReference")}
            value={reference}
            onChange={(event) => setReference(event.target.value)}
            size="small"
          />
          <Input
            label={t("settleAmount")}
            value={amount}
            onChange={(event) => setAmount(event.target.value)}
            size="small"
            inputMode="decimal"
          />
          <Button disabled={!reference.trim() || !amountOk} onClick={() => setStep("confirmMark")}>
            {t("markRefunded")}
          </Button>
          {cancel}
          {!amountOk && (
            <Text color="critical1" role="alert">
              {t("invalidAmount")}
            </Text>
          )}
        </>
      )}
      {step === "confirmMark" && (
        <>
          <Text data-testid="settle-confirm">{t("confirmMark", { reference: reference.trim() })}</Text>
          <Button
            disabled={busy}
            onClick={() =>
              submit({
                action: "MARK_DONE",
                reference: reference.trim(),
                ...(decimal ? { amount: decimal } : {}),
              })
            }
          >
            {t("yesMark")}
          </Button>
          {cancel}
        </>
      )}
    </Box>
  );
}
