// One setting as Saleor types it: switch, text, multi-line text or secret, with its help and
// the error Saleor's validation gave it.
import { Box, Text } from "@saleor/macaw-ui";

import { useDashboard } from "./dashboard";
import { isSecret, shortLabel, type SettingItem } from "./settings";

export type FieldProps = {
  item: SettingItem;
  value: string;
  error?: string;
  onChange: (value: string) => void;
};

const inputStyle = {
  padding: 2,
  borderRadius: 3,
  borderColor: "default1",
  borderStyle: "solid",
  borderWidth: 1,
  backgroundColor: "default1",
  color: "default1",
  width: "100%",
} as const;

export function SettingField({ item, value, error, onChange }: FieldProps) {
  const { t } = useDashboard();
  const id = `setting-${item.name}`;
  const secret = isSecret(item.type);
  let control;
  if (item.type === "BOOLEAN") {
    control = (
      <Box as="label" display="flex" gap={2} alignItems="center">
        <input
          id={id}
          type="checkbox"
          checked={value === "true"}
          onChange={(event) => onChange(event.target.checked ? "true" : "false")}
        />
        <Text>{shortLabel(item)}</Text>
      </Box>
    );
  } else if (item.type === "MULTILINE" || item.type === "SECRETMULTILINE") {
    control = (
      <Box
        as="textarea"
        id={id}
        rows={3}
        value={value}
        onChange={(event) => onChange((event.target as HTMLTextAreaElement).value)}
        {...inputStyle}
      />
    );
  } else {
    control = (
      <Box
        as="input"
        id={id}
        type={secret ? "password" : "text"}
        autoComplete="off"
        value={value}
        onChange={(event) => onChange((event.target as HTMLInputElement).value)}
        {...inputStyle}
      />
    );
  }
  return (
    <Box display="flex" flexDirection="column" gap={1} marginBottom={3} data-testid={id}>
      {item.type !== "BOOLEAN" && (
        <label htmlFor={id}>
          <Text size={2} fontWeight="bold">
            {shortLabel(item)}
          </Text>
        </label>
      )}
      {control}
      {secret && item.value && !value && (
        <Text size={1} color="default2">
          {t("secretKept")}
        </Text>
      )}
      {item.helpText && (
        <Text size={1} color="default2">
          {item.helpText}
        </Text>
      )}
      {error && (
        <Text size={2} color="critical1" role="alert" data-testid={`error-${item.name}`}>
          {error}
        </Text>
      )}
    </Box>
  );
}

/** What a group's cards need of the form. */
export type Form = {
  items: Map<string, SettingItem>;
  values: Record<string, string>;
  errors: Record<string, string>;
  set: (name: string, value: string) => void;
  /** The unsaved values among `names`. */
  changed: (names: string[]) => { name: string; value: string }[];
};

/** The fields named, in order, that Saleor knows. */
export function Fields({ form, names }: { form: Form; names: string[] }) {
  return (
    <>
      {names
        .filter((name) => form.items.has(name))
        .map((name) => (
          <SettingField
            key={name}
            item={form.items.get(name)!}
            value={form.values[name] ?? ""}
            error={form.errors[name]}
            onChange={(value) => form.set(name, value)}
          />
        ))}
    </>
  );
}

