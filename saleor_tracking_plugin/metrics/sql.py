"""The SQL of each figure: one statement per figure, grouped by period bucket and overall
(GROUPING SETS), never row by row. Parameters: start, end, tz, interval, channel, carrier, now."""

# Orders of the chosen channel (or all when channel is NULL).
_CHANNEL = (
    "(%(channel)s::text IS NULL OR o.channel_id = "
    "(SELECT c.id FROM channel_channel c WHERE c.slug = %(channel)s))"
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
    "order_fulfillment f JOIN order_fulfillmentline fl ON fl.fulfillment_id = f.id "
    "JOIN order_order o ON o.id = f.order_id",
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
    "saleor_tracking_plugin_return r JOIN order_order o ON o.id = r.order_id",
    _CHANNEL,
)

SURVEYS_ANSWERED = _grouped(
    "sv.answered_at",
    "COUNT(*) FILTER (WHERE sv.score >= 4)::float / NULLIF(COUNT(*), 0) AS csat, "
    "COUNT(*)::float AS feedback_count",
    "saleor_tracking_plugin_survey sv JOIN order_order o ON o.id = sv.order_id",
    "sv.score IS NOT NULL AND " + _CHANNEL,
)

SURVEYS_SENT = _grouped(
    "sv.sent_at",
    "COUNT(sv.answered_at)::float / NULLIF(COUNT(*), 0) AS response_rate",
    "saleor_tracking_plugin_survey sv JOIN order_order o ON o.id = sv.order_id",
    _CHANNEL,
)

COMPLAINTS = _grouped(
    "cp.opened_at",
    "percentile_cont(0.5) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM cp.first_response_at "
    "- cp.opened_at) / 3600) AS complaint_first_response_median_hours, "
    # Complaints still unanswered before their due time have not failed yet: not counted.
    "COUNT(*) FILTER (WHERE cp.first_response_within_sla)::float / NULLIF(COUNT(*) FILTER "
    "(WHERE cp.first_response_at IS NOT NULL OR cp.due_at <= %(now)s), 0) "
    "AS complaint_response_within_sla",
    "saleor_tracking_plugin_complaint cp JOIN order_order o ON o.id = cp.order_id",
    _CHANNEL,
)

# Customers (emails) with a shipped order placed in the period, and those of them who
# ordered again within 90 days of it (an order that was placed: not a draft, an unconfirmed or
# expired checkout order, or cancelled). Emails match exactly, as Saleor's index on them does.
REPEAT_PURCHASE = _grouped(
    "o.created_at",
    "COUNT(DISTINCT o.user_email) FILTER (WHERE EXISTS (SELECT 1 FROM order_order n "
    "WHERE n.user_email = o.user_email AND n.created_at > o.created_at "
    "AND n.created_at <= o.created_at + interval '90 days' "
    "AND n.status NOT IN ('draft', 'unconfirmed', 'expired', 'canceled')))::float "
    "/ NULLIF(COUNT(DISTINCT o.user_email), 0) AS repeat_purchase_rate",
    "order_order o",
    "o.status IN ('fulfilled', 'partially_returned', 'returned') AND o.user_email <> '' AND "
    + _CHANNEL,
)

# A carrier may move a late parcel's estimate to a later date: a parcel whose estimate was
# once found passed (delay cause `estimate_passed`) is late whatever its last estimate says.
ON_TIME = _grouped(
    "s.delivered_at",
    "COUNT(*) FILTER (WHERE (s.delivered_at AT TIME ZONE %(tz)s)::date "
    "<= s.estimated_delivery AND NOT EXISTS (SELECT 1 FROM "
    "saleor_tracking_plugin_orderdelaycause dc WHERE dc.shipment_id = s.id "
    "AND dc.cause = 'estimate_passed'))::float / NULLIF(COUNT(*), 0) AS on_time_delivery_rate",
    "saleor_tracking_plugin_shipment s JOIN order_order o ON o.id = s.order_id",
    "s.kind = 'outbound' AND s.status = 'delivered' AND s.estimated_delivery IS NOT NULL "
    "AND " + _CHANNEL + " AND " + _CARRIER,
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
    "JOIN order_order o ON o.id = d.order_id "
    "LEFT JOIN saleor_tracking_plugin_shipment s ON s.id = dc.shipment_id "
    "WHERE dc.detected_at >= %(start)s AND dc.detected_at < %(end)s AND "
    + _CHANNEL
    + " AND "
    + _CARRIER
    + " GROUP BY dc.cause ORDER BY dc.cause"
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
