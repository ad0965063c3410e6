// One carrier's credentials, with a button making the doctor's test call with what is typed.
import { Box, Button, Chip, Text } from "@saleor/macaw-ui";
import { useState } from "react";

import { raiseMutationErrors, type MutationError } from "./api";
import { useDashboard } from "./dashboard";
import { label } from "./labels";
import { TEST_CARRIER } from "./settings";
import { Fields, type Form } from "./SettingField";
import { Card, Failure } from "./ui";

type Finding = { severity: string; message: string; action: string };
type TestResult = { carrierCredentialsTest: { result: Finding | null; errors: MutationError[] } };

export function CarrierCard({
  carrier,
  form,
}: {
  carrier: { code: string; name: string; fields: string[] };
  form: Form;
}) {
  const { request, t, language } = useDashboard();
  const [busy, setBusy] = useState(false);
  const [finding, setFinding] = useState<Finding>();
  const [error, setError] = useState<Error>();
  const test = async () => {
    setBusy(true);
    setError(undefined);
    setFinding(undefined);
    try {
      const data = await request<TestResult>(TEST_CARRIER, {
        carrier: carrier.code,
        configuration: form.changed(carrier.fields),
      });
      raiseMutationErrors(data.carrierCredentialsTest);
      setFinding(data.carrierCredentialsTest.result ?? undefined);
    } catch (caught) {
      setError(caught as Error);
    } finally {
      setBusy(false);
    }
  };
  const bad = finding && (finding.severity === "PROBLEM" || finding.severity === "WARNING");
  return (
    <Card testId={`carrier-settings-${carrier.code}`}>
      <Text as="h3" fontWeight="bold" display="block" marginBottom={2}>
        {carrier.name}
      </Text>
      <Fields form={form} names={carrier.fields} />
      <Box display="flex" gap={3} alignItems="center" flexWrap="wrap">
        <Button variant="secondary" disabled={busy} onClick={test}>
          {busy ? t("testing") : t("testCredentials")}
        </Button>
        {finding && (
          <Box display="flex" gap={2} alignItems="center" data-testid="credential-result">
            <Chip backgroundColor={bad ? "critical1" : "success1"}>
              <Text size={1}>{label(language, "severity", finding.severity)}</Text>
            </Chip>
            <Text size={2}>
              {finding.message} {finding.action}
            </Text>
          </Box>
        )}
      </Box>
      {error && <Failure t={t} error={error} />}
    </Card>
  );
}
