// The order page's extension: parcels with their timeline, the delay, returns, messages.
import { Box, Chip, Text } from "@saleor/macaw-ui";

import { useDashboard } from "./dashboard";
import { DELAY_FIELDS, DelayCard, type Delay } from "./DelayCallList";
import { formatDate } from "./i18n";
import { ReturnsQueue, words } from "./ReturnsQueue";
import { Async, Card, Empty, Section, useLoad } from "./ui";

type Shipment = {
  id: string;
  carrier: { name: string } | null;
  trackingNumber: string;
  trackingUrl: string | null;
  status: string;
  estimatedDelivery: string | null;
  trackingProblem: { message: string } | null;
  events: { occurredAt: string; status: string; description: string; location: string }[];
};

type Message = {
  id: string;
  messageType: string;
  channel: string;
  recipient: string;
  status: string;
  createdAt: string;
  sentAt: string | null;
};

type OrderData = {
  orderTracking: { number: string; shipments: Shipment[] } | null;
  orderDelay: Delay | null;
  orderMessages: Message[];
};

const ORDER_QUERY = `query Order($id: ID!) {
  orderTracking(id: $id) {
    number
    shipments {
      id carrier { name } trackingNumber trackingUrl status estimatedDelivery
      trackingProblem { message }
      events { occurredAt status description location }
    }
  }
  orderDelay(orderId: $id) { ${DELAY_FIELDS} }
  orderMessages(orderId: $id) { id messageType channel recipient status createdAt sentAt }
}`;

/** The order's ID as the dashboard passes it in the extension's URL. */
export function orderIdFromUrl(href: string): string | null {
  return new URL(href).searchParams.get("orderId");
}

export function OrderWidget({ orderId }: { orderId: string | null }) {
  const { request, t } = useDashboard();
  const loaded = useLoad(
    () =>
      orderId ? request<OrderData>(ORDER_QUERY, { id: orderId }) : Promise.resolve(null),
    orderId ?? "",
  );
  if (!orderId) return <Empty>{t("noOrder")}</Empty>;
  return (
    <Box padding={4}>
      <Async t={t} loaded={loaded}>
        {(data) =>
          data && (
            <>
              <Section title={t("parcels")}>
                {!data.orderTracking?.shipments.length ? (
                  <Empty>{t("noParcels")}</Empty>
                ) : (
                  data.orderTracking.shipments.map((shipment) => (
                    <ShipmentCard key={shipment.id} shipment={shipment} />
                  ))
                )}
              </Section>
              {data.orderDelay && (
                <Section title={t("delay")}>
                  <DelayCard initial={data.orderDelay} callable={false} />
                </Section>
              )}
              <Section title={t("returns")}>
                <ReturnsQueue orderId={orderId} />
              </Section>
              <Section title={t("messages")}>
                <Messages messages={data.orderMessages} />
              </Section>
            </>
          )
        }
      </Async>
    </Box>
  );
}

function ShipmentCard({ shipment }: { shipment: Shipment }) {
  const { t, language } = useDashboard();
  return (
    <Card testId={`shipment-${shipment.trackingNumber}`}>
      <Box display="flex" gap={3} alignItems="center" flexWrap="wrap">
        <Text fontWeight="bold">{shipment.carrier?.name ?? "—"}</Text>
        {shipment.trackingUrl ? (
          <a href={shipment.trackingUrl} target="_blank" rel="noreferrer">
            {shipment.trackingNumber}
          </a>
        ) : (
          <Text>{shipment.trackingNumber}</Text>
        )}
        <Chip data-testid="shipment-status">
          <Text size={1}>{words(shipment.status)}</Text>
        </Chip>
      </Box>
      <Text display="block" size={2}>
        {t("estimate", { date: formatDate(language, shipment.estimatedDelivery) })}
      </Text>
      {shipment.trackingProblem && (
        <Text display="block" size={2} color="critical1">
          {t("trackingProblem", { message: shipment.trackingProblem.message })}
        </Text>
      )}
      {shipment.events.length > 0 && (
        <Box as="ol" marginTop={2} paddingLeft={4} data-testid="timeline">
          {shipment.events.map((event, index) => (
            <li key={index}>
              <Text size={2}>
                {formatDate(language, event.occurredAt)} — {words(event.status)}: {event.description}
                {event.location ? ` (${event.location})` : ""}
              </Text>
            </li>
          ))}
        </Box>
      )}
    </Card>
  );
}

function Messages({ messages }: { messages: Message[] }) {
  const { t, language } = useDashboard();
  if (!messages.length) return <Empty>{t("noMessages")}</Empty>;
  return (
    <Box as="ul" paddingLeft={4} data-testid="messages">
      {messages.map((message) => (
        <li key={message.id}>
          <Text size={2}>
            {formatDate(language, message.sentAt ?? message.createdAt)} · {words(message.messageType)}{" "}
            · {words(message.channel)} → {message.recipient} ({words(message.status)})
          </Text>
        </li>
      ))}
    </Box>
  );
}
