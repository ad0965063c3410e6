from django.db import migrations, models

# Saleor has no index on when a fulfillment was made; the return-rate figure reads the
# fulfillments of a period. Built CONCURRENTLY (so the migration is not atomic): a shop with
# millions of fulfillments keeps taking orders while it is built.
FULFILLMENT_INDEX = "stp_fulfillment_created_idx"


class Migration(migrations.Migration):
    atomic = False
    # Only the plugin's own previous migration: Saleor 3.21's migrations stay enough.
    dependencies = [("saleor_tracking_plugin", "0009_webhook_inbox")]

    operations = [
        migrations.AddIndex(
            model_name="shipment",
            index=models.Index(
                condition=models.Q(("kind", "outbound"), ("status", "delivered")),
                fields=["delivered_at"],
                name="stp_delivered_idx",
            ),
        ),
        migrations.AddIndex(
            model_name="survey",
            index=models.Index(fields=["sent_at"], name="stp_survey_sent_idx"),
        ),
        migrations.RunSQL(
            f"CREATE INDEX CONCURRENTLY IF NOT EXISTS {FULFILLMENT_INDEX} "
            "ON order_fulfillment (created_at)",
            f"DROP INDEX CONCURRENTLY IF EXISTS {FULFILLMENT_INDEX}",
        ),
    ]
