// The order page's extension: parcels with their timeline, the delay, returns, messages.
import { Box, Chip, Text } from "@saleor/macaw-ui";
import { useState } from "react";

import { type Connection, connectionOf, nodes } from "./cursors";
import { COMPLAINT_FIELDS, ComplaintCard, type Complaint } from "./Complaints";
import { useDashboard } from "./dashboard";
import { DELAY_FIELDS, DelayCard, type Delay } from "./DelayCallList";
import { formatDate } from "./i18n";
import { label } from "./labels";
import { ReturnsQueue } from "./ReturnsQueue";
import { StaffReturn } from "./StaffReturn";
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

type Survey = {
  state: string;
  score: number | null;
  comment: string | null;
  topics: string[] | null;
  answeredAt: string | null;
};

type OrderData = {
  orderTracking: { number: string; shipments: Shipment[] } | null;
  orderDelay: Delay | null;
  orderMessages: Message[];
  orderSurvey: Survey | null;
  complaints: Connection<Complaint>;
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
  orderSurvey(id: $id) { state score comment topics answeredAt }
  complaints(filter: { orderId: $id }, first: 1) { ${connectionOf(COMPLAINT_FIELDS)} }
}`;

/** The order's ID as the dashboard passes it in the extension's URL. */
export function orderIdFromUrl(href: string): string | null {
  return new URL(href).searchParams.get("orderId");
}

export function OrderWidget({ orderId }: { orderId: string | null }) {
  const { request, t } = useDashboard();
  // A return created here shows in the order's returns at once.
  const [returnsRound, setReturnsRound] = useState(0);
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
                <ReturnsQueue key={returnsRound} orderId={orderId} />
              </Section>
              <Section title={t("createReturn")}>
                <StaffReturn orderId={orderId} onCreated={() => setReturnsRound(returnsRound + 1)} />
              </Section>
              <Section title={t("survey")}>
                <SurveyAnswer survey={data.orderSurvey} />
                {nodes(data.complaints).map((complaint) => (
                  <ComplaintCard key={complaint.id} initial={complaint} />
                ))}
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
          <Text size={1}>{label(language, "shipmentStatus", shipment.status)}</Text>
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
                {formatDate(language, event.occurredAt)} — {label(language, "shipmentStatus", event.status)}: {event.description}
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
            {formatDate(language, message.sentAt ?? message.createdAt)} · {label(language, "messageType", message.messageType)}{" "}
            · {label(language, "channel", message.channel)} → {message.recipient} (
            {label(language, "messageStatus", message.status)})
          </Text>
        </li>
      ))}
    </Box>
  );
}

function SurveyAnswer({ survey }: { survey: Survey | null }) {
  const { t, language } = useDashboard();
  const state = label(language, "surveyState", survey?.state ?? "NOT_AVAILABLE");
  if (!survey || survey.score === null) return <Empty>{t("noSurvey", { state })}</Empty>;
  return (
    <Box marginBottom={3} data-testid="survey-answer">
      <Text fontWeight="bold" display="block">
        {t("score", { score: survey.score })} · {formatDate(language, survey.answeredAt)}
      </Text>
      {survey.topics && survey.topics.length > 0 && (
        <Text size={2} color="default2" display="block">
          {survey.topics.map((topic) => label(language, "topic", topic)).join(", ")}
        </Text>
      )}
      {survey.comment && <Text display="block">“{survey.comment}”</Text>}
      <Text size={1} color="default2" display="block">
        {t("surveyState", { state })}
      </Text>
    </Box>
  );
}
