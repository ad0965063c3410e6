// Settings, grouped by capability, for staff who may manage plugins. Values are read and saved
// through Saleor's own API (`plugin`, `pluginUpdate`): the plugin's validators answer, and
// Saleor's flat plugin page shows the same values.
import { Box, Button, Text } from "@saleor/macaw-ui";
import { useState } from "react";

import { CarrierCard } from "./CarrierCard";
import { useDashboard } from "./dashboard";
import type { MessageKey } from "./i18n";
import { MessageTypeCard } from "./MessageTypeCard";
import {
  GROUP_TITLES,
  LAYOUT,
  PLUGIN_ID,
  SAVE_SETTINGS,
  SAVED_SETTINGS,
  changes,
  errorsByField,
  initialValues,
  type Layout,
  type SavedSettings,
  type SaveResult,
  type SettingItem,
} from "./settings";
import { Fields, type Form } from "./SettingField";
import { Async, Card, Failure, NoPermission, useLoad } from "./ui";

export function Settings() {
  const { saleor, request, t, canManagePlugins } = useDashboard();
  const loaded = useLoad(async () => {
    if (!saleor) throw new Error("Saleor's API address is unknown.");
    const [saved, layout] = await Promise.all([
      saleor<SavedSettings>(SAVED_SETTINGS, { id: PLUGIN_ID }),
      request<{ trackingSettingsLayout: Layout }>(LAYOUT),
    ]);
    return { items: saved.plugin?.globalConfiguration?.configuration ?? [], layout };
  }, "settings");
  if (!canManagePlugins) return <NoPermission t={t} text="noPluginPermissionText" />;
  return (
    <Async t={t} loaded={loaded}>
      {({ items, layout }) => (
        <SettingsForm items={items} layout={layout.trackingSettingsLayout} />
      )}
    </Async>
  );
}

function SettingsForm({ items: savedItems, layout }: { items: SettingItem[]; layout: Layout }) {
  const { saleor, t } = useDashboard();
  const [items, setItems] = useState(savedItems);
  const [initial, setInitial] = useState(() => initialValues(savedItems));
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [group, setGroup] = useState(layout.groups[0]?.title ?? "");
  const [status, setStatus] = useState<"idle" | "saving" | "saved">("idle");
  const [failure, setFailure] = useState<Error>();

  const pending = changes(initial, values);
  const form: Form = {
    items: new Map(items.map((item) => [item.name, item])),
    values,
    errors,
    set: (name, value) => {
      setValues({ ...values, [name]: value });
      setStatus("idle");
    },
    changed: (names) => changes(initial, values, names),
  };
  const save = async () => {
    setStatus("saving");
    setFailure(undefined);
    try {
      const data = await saleor!<SaveResult>(SAVE_SETTINGS, {
        id: PLUGIN_ID,
        input: { configuration: pending },
      });
      const result = data.pluginUpdate;
      if (result.errors.length) {
        setErrors(errorsByField(result.errors, items.map((item) => item.name)));
        setStatus("idle");
        return;
      }
      const saved = result.plugin?.globalConfiguration?.configuration ?? items;
      const fresh = initialValues(saved);
      setItems(saved);
      setInitial(fresh);
      setValues(fresh);
      setErrors({});
      setStatus("saved");
    } catch (caught) {
      setFailure(caught as Error);
      setStatus("idle");
    }
  };
  const errorCount = (names: string[]) => names.filter((name) => errors[name]).length;
  const current = layout.groups.find((g) => g.title === group);
  return (
    <Box>
      <Text display="block" color="default2" marginBottom={3}>
        {t("settingsIntro")}
      </Text>
      <Box display="flex" gap={2} marginBottom={4} flexWrap="wrap" role="tablist">
        {layout.groups.map(({ title, fields }) => {
          const count = errorCount(fields);
          const key: MessageKey | undefined = GROUP_TITLES[title];
          return (
            <Button
              key={title}
              role="tab"
              aria-selected={title === group}
              variant={title === group ? "primary" : "secondary"}
              onClick={() => setGroup(title)}
            >
              {key ? t(key) : title}
              {count > 0 ? ` (${count})` : ""}
            </Button>
          );
        })}
      </Box>
      <Box
        display="flex"
        gap={3}
        alignItems="center"
        marginBottom={4}
        padding={3}
        borderRadius={4}
        backgroundColor="default1Hovered"
        data-testid="save-bar"
      >
        <Button disabled={!pending.length || status === "saving"} onClick={save}>
          {status === "saving" ? t("saving") : t("save")}
        </Button>
        <Text>{t("unsaved", { count: pending.length })}</Text>
        {Object.keys(errors).length > 0 && (
          <Text color="critical1" role="alert">
            {t("fixFields", { count: Object.keys(errors).length })}
          </Text>
        )}
        {status === "saved" && <Text color="success1">{t("savedSettings")}</Text>}
      </Box>
      {failure && <Failure t={t} error={failure} />}
      {current && <Group title={current.title} names={current.fields} layout={layout} form={form} />}
    </Box>
  );
}

function Group({
  title,
  names,
  layout,
  form,
}: {
  title: string;
  names: string[];
  layout: Layout;
  form: Form;
}) {
  const { t } = useDashboard();
  if (title === "Carriers") {
    const credentials = new Set(layout.carriers.flatMap((carrier) => carrier.fields));
    return (
      <>
        {layout.carriers.map((carrier) => (
          <CarrierCard key={carrier.code} carrier={carrier} form={form} />
        ))}
        <Card testId="carrier-general">
          <Text as="h3" fontWeight="bold" display="block" marginBottom={2}>
            {t("otherSettings")}
          </Text>
          <Fields form={form} names={names.filter((name) => !credentials.has(name))} />
        </Card>
      </>
    );
  }
  if (title === "Messages") {
    const perType = new Set(
      layout.messageTypes.flatMap((mt) => [
        mt.channelsField,
        mt.textTrField,
        mt.textEnField,
        mt.whatsappTemplateField,
      ]),
    );
    return (
      <>
        <Card testId="message-channels">
          <Text as="h3" fontWeight="bold" display="block" marginBottom={2}>
            {t("channelSettings")}
          </Text>
          <Fields form={form} names={names.filter((name) => !perType.has(name))} />
        </Card>
        {layout.messageTypes.map((messageType) => (
          <MessageTypeCard key={messageType.code} messageType={messageType} form={form} />
        ))}
      </>
    );
  }
  return (
    <Card testId={`group-${title}`}>
      <Fields form={form} names={names} />
    </Card>
  );
}
