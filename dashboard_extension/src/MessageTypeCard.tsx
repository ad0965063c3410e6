// One message type: its channels, its Turkish and English texts, and a live preview of both
// filled from a real order, following the texts as they are typed (before saving).
import { Box, Button, Input, Text } from "@saleor/macaw-ui";
import { useState } from "react";

import { useDashboard } from "./dashboard";
import { PREVIEW, type MessageTypeLayout, type Preview } from "./settings";
import { Fields, type Form } from "./SettingField";
import { Async, Card, useLoad, useSettled } from "./ui";

export function MessageTypeCard({ messageType, form }: { messageType: MessageTypeLayout; form: Form }) {
  const { t } = useDashboard();
  const [open, setOpen] = useState(false);
  return (
    <Card testId={`message-type-${messageType.code}`}>
      <Text as="h3" fontWeight="bold" display="block" marginBottom={2}>
        {messageType.label}
      </Text>
      <Fields form={form} names={[messageType.channelsField, messageType.whatsappTemplateField]} />
      <Box display="grid" gridTemplateColumns={2} gap={3}>
        <Fields form={form} names={[messageType.textTrField]} />
        <Fields form={form} names={[messageType.textEnField]} />
      </Box>
      {open ? (
        <MessagePreview messageType={messageType} form={form} />
      ) : (
        <Button variant="secondary" onClick={() => setOpen(true)}>
          {t("showPreview")}
        </Button>
      )}
    </Card>
  );
}

function MessagePreview({ messageType, form }: { messageType: MessageTypeLayout; form: Form }) {
  const { request, t } = useDashboard();
  const [orderNumber, setOrderNumber] = useState("");
  const texts = form.changed([messageType.textTrField, messageType.textEnField]);
  const variables = useSettled(
    JSON.stringify({ type: messageType.code, number: orderNumber.trim() || null, configuration: texts }),
  );
  const loaded = useLoad(
    () => request<{ messagePreview: Preview }>(PREVIEW, JSON.parse(variables)),
    variables,
  );
  return (
    <Box data-testid={`preview-${messageType.code}`} marginTop={2}>
      <Box __maxWidth="320px" marginBottom={2}>
        <Input
          label={t("previewOrder")}
          value={orderNumber}
          onChange={(event) => setOrderNumber(event.target.value)}
          size="small"
        />
      </Box>
      <Async t={t} loaded={loaded}>
        {({ messagePreview }) => (
          <>
            <Text size={2} color="default2" display="block" marginBottom={2}>
              {t("previewTitle", { number: messagePreview.orderNumber })}
            </Text>
            <Box display="grid" gridTemplateColumns={2} gap={3}>
              {messagePreview.texts.map((text) => (
                <Box
                  key={text.language}
                  padding={3}
                  borderRadius={3}
                  backgroundColor="default1Hovered"
                  data-testid={`preview-${text.language}`}
                >
                  <Text size={1} color="default2" display="block">
                    {t(text.language === "tr" ? "textTr" : "textEn")}
                  </Text>
                  <Text fontWeight="bold" display="block">
                    {text.subject}
                  </Text>
                  <Text display="block" style={{ whiteSpace: "pre-wrap" }}>
                    {text.body}
                  </Text>
                </Box>
              ))}
            </Box>
          </>
        )}
      </Async>
    </Box>
  );
}
