// Shared states and small building blocks of the extension, on macaw-ui.
import { Box, Button, Spinner, Text } from "@saleor/macaw-ui";
import { useCallback, useEffect, useState, type ReactNode } from "react";

import { ApiError } from "./api";
import { type Connection, type CursorPages, nodes } from "./cursors";
import type { MessageKey, Translate } from "./i18n";

export function Waiting({ t }: { t: Translate }) {
  return (
    <Box padding={6} display="flex" gap={2} alignItems="center" data-testid="waiting">
      <Spinner />
      <Text>{t("waitingForDashboard")}</Text>
    </Box>
  );
}

export function NoPermission({
  t,
  text = "noPermissionText",
}: {
  t: Translate;
  text?: MessageKey;
}) {
  return (
    <Box padding={6} data-testid="no-permission" role="alert">
      <Text as="h1" size={8} fontWeight="bold">
        {t("noPermission")}
      </Text>
      <Box marginTop={2}>
        <Text>{t(text)}</Text>
      </Box>
    </Box>
  );
}

export function Loading({ t }: { t: Translate }) {
  return (
    <Box padding={4} display="flex" gap={2} alignItems="center" data-testid="loading">
      <Spinner />
      <Text color="default2">{t("loading")}</Text>
    </Box>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return (
    <Box padding={4} data-testid="empty">
      <Text color="default2">{children}</Text>
    </Box>
  );
}

export function Failure({ t, error, retry }: { t: Translate; error: Error; retry?: () => void }) {
  if (error instanceof ApiError && error.code === "PERMISSION_DENIED") {
    return <NoPermission t={t} />;
  }
  return (
    <Box padding={4} display="flex" gap={3} alignItems="center" role="alert" data-testid="error">
      <Text color="critical1">{t("error", { message: error.message })}</Text>
      {retry && (
        <Button variant="secondary" onClick={retry}>
          {t("retry")}
        </Button>
      )}
    </Box>
  );
}

export type Loaded<T> = {
  data: T | undefined;
  error: Error | undefined;
  loading: boolean;
  reload: () => void;
};

/** Run `load` now and whenever `key` changes; `reload` runs it again. */
export function useLoad<T>(load: () => Promise<T>, key: string): Loaded<T> {
  const [state, setState] = useState<{ data?: T; error?: Error; loading: boolean }>({
    loading: true,
  });
  const [round, setRound] = useState(0);
  useEffect(() => {
    let current = true;
    setState((previous) => ({ data: previous.data, loading: true }));
    load().then(
      (data) => current && setState({ data, loading: false }),
      (error: Error) => current && setState({ error, loading: false }),
    );
    return () => {
      current = false;
    };
    // `load` is a new closure each render; `key` says when its inputs changed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, round]);
  const reload = useCallback(() => setRound((n) => n + 1), []);
  return { data: state.data, error: state.error, loading: state.loading, reload };
}

/** Render loading, error or the data. */
export function Async<T>({
  t,
  loaded,
  children,
}: {
  t: Translate;
  loaded: Loaded<T>;
  children: (data: T) => ReactNode;
}) {
  if (loaded.error) return <Failure t={t} error={loaded.error} retry={loaded.reload} />;
  if (loaded.data === undefined) return <Loading t={t} />;
  return <>{children(loaded.data)}</>;
}

export function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Box as="section" marginBottom={6}>
      <Text as="h2" size={6} fontWeight="bold" marginBottom={3} display="block">
        {title}
      </Text>
      {children}
    </Box>
  );
}

export function Card({ children, testId }: { children: ReactNode; testId?: string }) {
  return (
    <Box
      borderStyle="solid"
      borderWidth={1}
      borderColor="default1"
      borderRadius={4}
      padding={4}
      marginBottom={3}
      data-testid={testId}
    >
      {children}
    </Box>
  );
}

/** A labelled native select: keyboard- and test-friendly, styled by the browser. */
export function Choice({
  label,
  value,
  options,
  onChange,
  id,
}: {
  label: string;
  value: string;
  options: { value: string; label: string }[];
  onChange: (value: string) => void;
  id: string;
}) {
  return (
    <Box display="flex" flexDirection="column" gap={1}>
      <label htmlFor={id}>
        <Text size={2} color="default2">
          {label}
        </Text>
      </label>
      <Box
        as="select"
        id={id}
        value={value}
        onChange={(event) => onChange((event.target as HTMLSelectElement).value)}
        padding={2}
        borderRadius={3}
        borderColor="default1"
        borderStyle="solid"
        borderWidth={1}
        backgroundColor="default1"
        color="default1"
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </Box>
    </Box>
  );
}

/** `value`, once it has stopped changing for `delay` ms (live previews while typing). */
export function useSettled<T>(value: T, delay = 400): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delay);
    return () => clearTimeout(timer);
  }, [value, delay]);
  return settled;
}

/** Previous / page / next under a list fetched one item past the page (`hasNext`). */
export function Pager({
  t,
  page,
  hasNext,
  onPage,
}: {
  t: Translate;
  page: number;
  hasNext: boolean;
  onPage: (page: number) => void;
}) {
  return (
    <Box display="flex" gap={3} alignItems="center" data-testid="pager">
      <Button variant="secondary" disabled={page === 0} onClick={() => onPage(page - 1)}>
        {t("previous")}
      </Button>
      <Text>{t("page", { page: page + 1 })}</Text>
      <Button variant="secondary" disabled={!hasNext} onClick={() => onPage(page + 1)}>
        {t("next")}
      </Button>
    </Box>
  );
}

/** A page of a staff list (a cursor connection): its items and the pager, or the empty state. */
export function Paged<T>({
  t,
  connection,
  pages,
  empty,
  children,
}: {
  t: Translate;
  connection: Connection<T>;
  pages: CursorPages;
  empty: string;
  children: (item: T) => ReactNode;
}) {
  const items = nodes(connection);
  if (items.length === 0) return <Empty>{empty}</Empty>;
  return (
    <>
      {items.map(children)}
      <Pager
        t={t}
        page={pages.page}
        hasNext={connection.pageInfo.hasNextPage}
        onPage={(next) => pages.turn(next, connection)}
      />
    </>
  );
}
