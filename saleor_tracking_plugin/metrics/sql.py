"""The SQL of each figure: one statement per figure, grouped by period bucket and overall
(GROUPING SETS), never row by row. Parameters: start, end, tz, interval, channel, carrier, now."""

# Orders of the chosen channel (or all when channel is NULL).
_CHANNEL = (
    "(%(channel)s::text IS NULL OR o.channel_id = "
    "(SELECT c.id FROM channel_channel c WHERE c.slug = %(channel)s))"
)


def _in_channel(order_column: str) -> str:
    """The row's order is in the chosen channel (any when channel is NULL). A filter, not a
    join: without a channel PostgreSQL drops it, and the figure reads no order at all."""
    return (
        f"(%(channel)s::text IS NULL OR {order_column} IN (SELECT co.id FROM order_order co "
        "JOIN channel_channel c ON c.id = co.channel_id WHERE c.slug = %(channel)s))"
    )


_CARRIER = "(%(carrier)s::text IS NULL OR s.carrier_code = %(carrier)s)"


def _bucket(column: str) -> str:
    return f"date_trunc(%(interval)s, {column} AT TIME ZONE %(tz)s)"


def _grouped(column: str, select: str, source: str, where: str) -> str:
    bucket = _bucket(column)
    return (
        f"SELECT {bucket} AS bucket, {select} FROM {source} "
        f"WHERE {column} >= %(start)s AND {column} < %(end)s AND {where} "
        f"GROUP BY GROUPING SETS (({bucket}), ())"
    )


# Items of the orders placed in the period: in Saleor's returned fulfillments (returned, also
# for an exchange) over all shipped. By order date because Saleor moves returned items out of
# the original fulfillment: counted by fulfillment date, a returned item would leave the month
# it shipped in.
RETURN_RATE = _grouped(
    "o.created_at",
    "COALESCE(SUM(fl.quantity) FILTER (WHERE f.status IN "
    "('returned', 'refunded_and_returned', 'replaced')), 0)::float "
    "/ NULLIF(SUM(fl.quantity) FILTER (WHERE f.status IN "
    "('fulfilled', 'returned', 'refunded_and_returned', 'replaced')), 0) AS return_rate",
    "order_order o JOIN order_fulfillment f ON f.order_id = o.id "
    "JOIN order_fulfillmentline fl ON fl.fulfillment_id = f.id",
    _CHANNEL,
)

RETURNS = _grouped(
    "r.created_at",
    "percentile_cont(0.5) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM r.resolved_at - "
    "r.created_at) / 86400) FILTER (WHERE r.status IN ('refunded', 'credited')) "
    "AS return_duration_median_days, "
    "percentile_cont(0.9) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM r.resolved_at - "
    "r.created_at) / 86400) FILTER (WHERE r.status IN ('refunded', 'credited')) "
    "AS return_duration_p90_days, "
    "COUNT(*) FILTER (WHERE r.status IN ('refunded', 'credited'))::float "
    "/ NULLIF(COUNT(*), 0) AS return_success_rate",
    "saleor_tracking_plugin_return r",
    _in_channel("r.order_id"),
)

SURVEYS_ANSWERED = _grouped(
    "sv.answered_at",
    "COUNT(*) FILTER (WHERE sv.score >= 4)::float / NULLIF(COUNT(*), 0) AS csat, "
    "COUNT(*)::float AS feedback_count",
    "saleor_tracking_plugin_survey sv",
    "sv.score IS NOT NULL AND " + _in_channel("sv.order_id"),
)

SURVEYS_SENT = _grouped(
    "sv.sent_at",
    "COUNT(sv.answered_at)::float / NULLIF(COUNT(*), 0) AS response_rate",
    "saleor_tracking_plugin_survey sv",
    _in_channel("sv.order_id"),
)

COMPLAINTS = _grouped(
    "cp.opened_at",
    "percentile_cont(0.5) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM cp.first_response_at "
    "- cp.opened_at) / 3600) AS complaint_first_response_median_hours, "
    # Complaints still unanswered before their due time have not failed yet: not counted.
    "COUNT(*) FILTER (WHERE cp.first_response_within_sla)::float / NULLIF(COUNT(*) FILTER "
    "(WHERE cp.first_response_at IS NOT NULL OR cp.due_at <= %(now)s), 0) "
    "AS complaint_response_within_sla",
    "saleor_tracking_plugin_complaint cp",
    _in_channel("cp.order_id"),
)

# Customers (emails) with a shipped order placed in the period, and those of them who
# ordered again within 90 days of it (an order that was placed: not a draft, an unconfirmed or
# expired checkout order, or cancelled). One pass over the orders of the period and the 90 days
# after it: a window counts each order's later orders by the same email (any channel), so no
# lookup per order (Saleor has no plain index on the email).
REPEAT_PURCHASE = (
    "WITH placed AS (SELECT o.user_email, o.created_at, o.status, o.channel_id, "
    "COUNT(*) OVER (PARTITION BY o.user_email ORDER BY o.created_at RANGE BETWEEN "
    "'1 microsecond' FOLLOWING AND '90 days' FOLLOWING) AS later "
    "FROM order_order o WHERE o.created_at >= %(start)s "
    "AND o.created_at < %(end)s + interval '90 days' "
    "AND o.status NOT IN ('draft', 'unconfirmed', 'expired', 'canceled') "
    "AND o.user_email <> '') "
    + _grouped(
        "o.created_at",
        "COUNT(DISTINCT o.user_email) FILTER (WHERE o.later > 0)::float "
        "/ NULLIF(COUNT(DISTINCT o.user_email), 0) AS repeat_purchase_rate",
        "placed o",
        "o.status IN ('fulfilled', 'partially_returned', 'returned') AND " + _CHANNEL,
    )
)

# A carrier may move a late parcel's estimate to a later date: a parcel whose estimate was
# once found passed (delay cause `estimate_passed`) is late whatever its last estimate says.
ON_TIME = _grouped(
    "s.delivered_at",
    "COUNT(*) FILTER (WHERE (s.delivered_at AT TIME ZONE %(tz)s)::date "
    "<= s.estimated_delivery AND NOT EXISTS (SELECT 1 FROM "
    "saleor_tracking_plugin_orderdelaycause dc WHERE dc.shipment_id = s.id "
    "AND dc.cause = 'estimate_passed'))::float / NULLIF(COUNT(*), 0) AS on_time_delivery_rate",
    "saleor_tracking_plugin_shipment s",
    "s.kind = 'outbound' AND s.status = 'delivered' AND s.estimated_delivery IS NOT NULL "
    "AND " + _in_channel("s.order_id") + " AND " + _CARRIER,
)

DELAY_RATE = _grouped(
    "o.created_at",
    "COUNT(d.id)::float / NULLIF(COUNT(*), 0) AS delay_rate",
    "order_order o LEFT JOIN saleor_tracking_plugin_orderdelay d ON d.order_id = o.id",
    "o.status NOT IN ('draft', 'unconfirmed', 'expired') AND "
    + _CHANNEL
    + " AND (%(carrier)s::text IS NULL OR EXISTS (SELECT 1 FROM "
    "saleor_tracking_plugin_shipment s WHERE s.order_id = o.id AND " + _CARRIER + "))",
)

DELAYS_BY_CAUSE = (
    "SELECT dc.cause, COUNT(*) FROM saleor_tracking_plugin_orderdelaycause dc "
    "JOIN saleor_tracking_plugin_orderdelay d ON d.id = dc.delay_id "
    "LEFT JOIN saleor_tracking_plugin_shipment s ON s.id = dc.shipment_id "
    "WHERE dc.detected_at >= %(start)s AND dc.detected_at < %(end)s AND "
    + _in_channel("d.order_id")
    + " AND "
    + _CARRIER
    + " GROUP BY dc.cause ORDER BY dc.cause"
)

FIGURE_NAMES = (
    "return rate",
    "returns",
    "surveys answered",
    "surveys sent",
    "complaints",
    "repeat purchase",
    "on time",
    "delay rate",
)
FIGURE_QUERIES = (
    RETURN_RATE,
    RETURNS,
    SURVEYS_ANSWERED,
    SURVEYS_SENT,
    COMPLAINTS,
    REPEAT_PURCHASE,
    ON_TIME,
    DELAY_RATE,
)
