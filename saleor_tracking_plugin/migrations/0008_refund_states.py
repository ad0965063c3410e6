"""Refund states (requested, unknown), the returned-less-than-owed amount, closing a return,
and inspection outcomes split by quantity (existing inspected lines keep their one outcome)."""

from django.db import migrations, models


def split_existing_outcomes(apps, schema_editor):
    ReturnLine = apps.get_model("saleor_tracking_plugin", "ReturnLine")
    for line in ReturnLine.objects.exclude(outcome="").only("pk", "outcome", "quantity"):
        line.outcome_quantities = {line.outcome: line.quantity}
        line.save(update_fields=["outcome_quantities"])


class Migration(migrations.Migration):
    dependencies = [
        ("saleor_tracking_plugin", "0007_perf_indexes"),
    ]

    operations = [
        migrations.AddField(
            model_name="delayrefund",
            name="attempts",
            field=models.PositiveIntegerField(default=1),
        ),
        migrations.AddField(
            model_name="return",
            name="close_reason",
            field=models.TextField(blank=True, default=""),
        ),
        migrations.AddField(
            model_name="return",
            name="refunded_amount",
            field=models.DecimalField(blank=True, decimal_places=3, max_digits=20, null=True),
        ),
        migrations.AddField(
            model_name="returnline",
            name="outcome_quantities",
            field=models.JSONField(blank=True, default=dict),
        ),
        migrations.AddField(
            model_name="returnrefund",
            name="attempt_started_at",
            field=models.DateTimeField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name="returnrefund",
            name="requested_amount",
            field=models.DecimalField(blank=True, decimal_places=3, max_digits=20, null=True),
        ),
        migrations.AlterField(
            model_name="delayrefund",
            name="status",
            field=models.CharField(
                choices=[
                    ("pending", "Pending"),
                    ("succeeded", "Succeeded"),
                    ("requested", "Requested"),
                    ("failed", "Failed"),
                    ("unknown", "Unknown"),
                    ("nothing_to_refund", "Nothing To Refund"),
                ],
                max_length=32,
            ),
        ),
        migrations.AlterField(
            model_name="return",
            name="status",
            field=models.CharField(
                choices=[
                    ("requested", "requested"),
                    ("approved", "approved"),
                    ("rejected", "rejected"),
                    ("cancelled", "cancelled"),
                    ("shipped_back", "shipped_back"),
                    ("received", "received"),
                    ("inspected", "inspected"),
                    ("refund_requested", "refund_requested"),
                    ("refunded", "refunded"),
                    ("credited", "credited"),
                    ("closed", "closed"),
                ],
                default="requested",
                max_length=16,
            ),
        ),
        migrations.AlterField(
            model_name="returnrefund",
            name="status",
            field=models.CharField(
                choices=[
                    ("pending", "Pending"),
                    ("requested", "Requested"),
                    ("succeeded", "Succeeded"),
                    ("failed", "Failed"),
                    ("unknown", "Unknown"),
                ],
                default="pending",
                max_length=16,
            ),
        ),
        migrations.AddIndex(
            model_name="returnrefund",
            index=models.Index(fields=["status"], name="stp_return_refund_status_idx"),
        ),
        migrations.RunPython(split_existing_outcomes, migrations.RunPython.noop),
    ]
