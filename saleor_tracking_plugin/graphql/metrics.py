"""Staff GraphQL of the post-purchase figures (MANAGE_ORDERS)."""

import graphene

from ..metrics.export import csv_url
from ..metrics.installed import plugin_installed_at
from ..metrics.report import FIGURES, Report, Scope, compute
from ..pages.rendering import shop_timezone
from .core import BadInput
from .permissions import Access, requires

MetricIntervalEnum = graphene.Enum(
    "MetricInterval",
    [("DAY", "day"), ("WEEK", "week"), ("MONTH", "month")],
    description="Size of the buckets of the series.",
)
MetricComparisonEnum = graphene.Enum(
    "MetricComparison",
    [("PREVIOUS_PERIOD", "previous_period"), ("BEFORE_INSTALL", "before_install")],
    description="The period the figures are compared with (of the same length).",
)
NOT_MEASURED = "Not measured before the plugin was installed."
NO_INSTALL_TIME = "The plugin's install time is not recorded in this database."


class MetricFigure(graphene.ObjectType):
    code = graphene.String(required=True, description="Figure code, e.g. `csat`.")
    label = graphene.String(required=True, description="What it is (README: definitions).")
    value = graphene.Float(description="The figure over the period; null without data.")
    comparison = graphene.Float(description="The figure over the comparison period.")
    comparison_note = graphene.String(
        description="Why the comparison has no figure (did not exist before the plugin)."
    )


class MetricBucketValue(graphene.ObjectType):
    code = graphene.String(required=True, description="Figure code.")
    value = graphene.Float(description="The figure in this bucket.")


class MetricBucket(graphene.ObjectType):
    start = graphene.Date(required=True, description="First day of the bucket (shop time).")
    figures = graphene.List(graphene.NonNull(MetricBucketValue), required=True)


class DelayCauseCount(graphene.ObjectType):
    cause = graphene.String(required=True, description="Delay cause.")
    count = graphene.Int(required=True, description="Causes detected in the period.")


class PostPurchaseMetrics(graphene.ObjectType):
    figures = graphene.List(graphene.NonNull(MetricFigure), required=True)
    series = graphene.List(graphene.NonNull(MetricBucket), required=True)
    delays_by_cause = graphene.List(graphene.NonNull(DelayCauseCount), required=True)
    compare_from = graphene.DateTime(description="Start of the comparison period.")
    compare_to = graphene.DateTime(description="End of the comparison period.")
    csv_url = graphene.String(required=True, description="Signed CSV download, valid 1 hour.")


class MetricQueries(graphene.ObjectType):
    post_purchase_metrics = requires(
        Access.MANAGE_ORDERS,
        graphene.Field(
            graphene.NonNull(PostPurchaseMetrics),
            from_=graphene.DateTime(required=True, name="from", description="Period start."),
            to=graphene.DateTime(required=True, description="Period end (exclusive)."),
            interval=MetricIntervalEnum(default_value="month", description="Series buckets."),
            channel=graphene.String(description="Channel slug; all channels when omitted."),
            carrier=graphene.String(description="Carrier code, for the figures about parcels."),
            compare_to=MetricComparisonEnum(description="Comparison period, if any."),
            description=(
                "The post-purchase figures of a period, overall and per bucket, computed with SQL "
                "aggregation; definitions in the README. Requires MANAGE_ORDERS."
            ),
        ),
    )

    @staticmethod
    def resolve_post_purchase_metrics(
        _root, info, from_, to, interval="month", channel=None, carrier=None, compare_to=None
    ):
        if to <= from_:
            raise BadInput("`to` must be after `from`.")
        interval = str(getattr(interval, "value", interval))
        zone = str(shop_timezone())
        channel, carrier = channel or None, carrier or None
        compare = str(getattr(compare_to, "value", compare_to)) if compare_to else None
        length = to - from_
        scope = Scope(from_, to, interval, zone, channel, carrier)
        other_scope = None
        if compare == "previous_period":
            other_scope = Scope(from_ - length, from_, interval, zone, channel, carrier)
        elif compare == "before_install" and (installed := plugin_installed_at()) is not None:
            other_scope = Scope(installed - length, installed, interval, zone, channel, carrier)
        try:
            report = compute(scope)
            other = compute(other_scope) if other_scope else None
        except ValueError as error:
            raise BadInput(str(error)) from error
        return PostPurchaseMetrics(
            figures=[
                _figure(code, label, before, report, other, compare)
                for code, label, before in FIGURES
            ],
            series=[
                MetricBucket(
                    start=bucket.date(),
                    figures=[
                        MetricBucketValue(code=code, value=values.get(code))
                        for code, _l, _b in FIGURES
                    ],
                )
                for bucket, values in report.series.items()
            ],
            delays_by_cause=[
                DelayCauseCount(cause=cause, count=count)
                for cause, count in report.delays_by_cause.items()
            ],
            compare_from=other_scope.start if other_scope else None,
            compare_to=other_scope.end if other_scope else None,
            csv_url=csv_url(scope),
        )


def _figure(
    code: str, label: str, before: bool, report: Report, other: Report | None, compare: str | None
) -> MetricFigure:
    value = report.totals.get(code)
    if compare == "before_install" and other is None:
        return MetricFigure(code=code, label=label, value=value, comparison_note=NO_INSTALL_TIME)
    if compare == "before_install" and not before:
        return MetricFigure(code=code, label=label, value=value, comparison_note=NOT_MEASURED)
    comparison = other.totals.get(code) if other else None
    return MetricFigure(code=code, label=label, value=value, comparison=comparison)
