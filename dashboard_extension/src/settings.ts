// The settings screen's data: Saleor's own plugin configuration (read and saved through its
// API, so its validation applies) and the plugin's layout of it.
import type { MessageKey } from "./i18n";

export const PLUGIN_ID = "saleor_tracking_plugin";

export type SettingItem = {
  name: string;
  value: string | null;
  type: string | null;
  label: string | null;
  helpText: string | null;
};

const CONFIGURATION = `globalConfiguration { configuration { name value type label helpText } }`;

/** Saleor's API: the plugin's saved values (secrets come back masked). */
export const SAVED_SETTINGS = `query TrackingSettings($id: ID!) {
  plugin(id: $id) { ${CONFIGURATION} }
}`;

export const SAVE_SETTINGS = `mutation SaveTrackingSettings($id: ID!, $input: PluginUpdateInput!) {
  pluginUpdate(id: $id, input: $input) {
    plugin { ${CONFIGURATION} }
    errors { field code message }
  }
}`;

export type SavedSettings = {
  plugin: { globalConfiguration: { configuration: SettingItem[] } | null } | null;
};

export type SaveResult = {
  pluginUpdate: {
    plugin: SavedSettings["plugin"];
    errors: { field: string | null; code: string; message: string }[];
  };
};

/** The plugin's API: how the settings are grouped. */
export const LAYOUT = `query Layout { trackingSettingsLayout {
  groups { title fields }
  carriers { code name fields }
  messageTypes { code label channelsField textTrField textEnField whatsappTemplateField }
} }`;

export type MessageTypeLayout = {
  code: string;
  label: string;
  channelsField: string;
  textTrField: string;
  textEnField: string;
  whatsappTemplateField: string;
};

export type Layout = {
  groups: { title: string; fields: string[] }[];
  carriers: { code: string; name: string; fields: string[] }[];
  messageTypes: MessageTypeLayout[];
};

export const TEST_CARRIER = `mutation TestCarrier($carrier: String!, $configuration: [SettingInput!]) {
  carrierCredentialsTest(carrier: $carrier, configuration: $configuration) {
    result { severity message action }
    errors { field code message }
  }
}`;

export const PREVIEW = `query Preview($type: String!, $number: String, $configuration: [SettingInput!]) {
  messagePreview(messageType: $type, orderNumber: $number, configuration: $configuration) {
    orderNumber texts { language subject body }
  }
}`;

export type Preview = {
  orderNumber: string;
  texts: { language: string; subject: string; body: string }[];
};

/** The groups' names in the dashboard's language (the plugin names them in English). */
export const GROUP_TITLES: Record<string, MessageKey> = {
  Shop: "groupShop",
  Tracking: "groupTracking",
  Carriers: "groupCarriers",
  Returns: "groupReturns",
  Delays: "groupDelays",
  Messages: "groupMessages",
  Surveys: "groupSurveys",
};

/** Secrets are shown masked by Saleor: typed anew or left alone, never echoed back. */
export function isSecret(type: string | null): boolean {
  return type === "SECRET" || type === "SECRETMULTILINE" || type === "PASSWORD";
}

/** What the form starts with: the saved values, and secrets empty (kept unless retyped). */
export function initialValues(saved: SettingItem[]): Record<string, string> {
  return Object.fromEntries(
    saved.map((item) => [item.name, isSecret(item.type) ? "" : (item.value ?? "")]),
  );
}

/** The values staff changed, as `pluginUpdate` and the plugin's test calls take them. */
export function changes(
  initial: Record<string, string>,
  edited: Record<string, string>,
  only?: string[],
): { name: string; value: string }[] {
  return Object.entries(edited)
    .filter(([name, value]) => initial[name] !== value)
    .filter(([name]) => !only || only.includes(name))
    .map(([name, value]) => ({ name, value }));
}

const camel = (name: string) => name.replace(/_([a-z0-9])/g, (_whole, c: string) => c.toUpperCase());

/** Saleor names a refused setting in camelCase (`localTimezone`): back to its name. */
export function errorsByField(
  errors: { field: string | null; message: string }[],
  names: string[],
): Record<string, string> {
  const byCamel = new Map(names.map((name) => [camel(name), name]));
  const found: Record<string, string> = {};
  for (const error of errors) {
    const name = error.field ? (byCamel.get(error.field) ?? error.field) : "";
    found[name] = found[name] ? `${found[name]} ${error.message}` : error.message;
  }
  return found;
}

/** A setting's label without the group prefix Saleor's flat page needs ("Returns · …"). */
export function shortLabel(item: SettingItem): string {
  const text = item.label ?? item.name;
  const at = text.indexOf(" · ");
  return at >= 0 ? text.slice(at + 3) : text;
}
