from django.db import migrations, models

# Broadcasts sent before chunked sending: SENT, and each recipient queued when the outbox holds
# its message (the dedupe key `broadcast:<id>` of its order), skipped otherwise.
MARK_SENT_BROADCASTS = """
UPDATE saleor_tracking_plugin_delaybroadcast SET status = 'sent' WHERE sent_at IS NOT NULL;
UPDATE saleor_tracking_plugin_delaybroadcastrecipient AS recipient
SET processed_at = broadcast.sent_at,
    outcome = CASE WHEN EXISTS (
        SELECT 1 FROM saleor_tracking_plugin_outboxmessage AS message
        WHERE message.order_id = recipient.order_id
          AND message.message_type = 'delay_broadcast'
          AND message.dedupe_key = 'broadcast:' || broadcast.id
    ) THEN 'queued' ELSE 'skipped' END
FROM saleor_tracking_plugin_delaybroadcast AS broadcast
WHERE broadcast.id = recipient.broadcast_id AND broadcast.sent_at IS NOT NULL;
"""


class Migration(migrations.Migration):
    # Only the plugin's own previous migration: Saleor 3.21's migrations stay enough.
    dependencies = [("saleor_tracking_plugin", "0011_pending_shipment_sync")]

    operations = [
        migrations.AddField(
            model_name="delaybroadcast",
            name="sending_started_at",
            field=models.DateTimeField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name="delaybroadcast",
            name="status",
            field=models.CharField(
                choices=[("draft", "Draft"), ("sending", "Sending"), ("sent", "Sent")],
                default="draft",
                max_length=16,
            ),
        ),
        migrations.AddField(
            model_name="delaybroadcastrecipient",
            name="outcome",
            field=models.CharField(
                blank=True,
                choices=[("", "Pending"), ("queued", "Queued"), ("skipped", "Skipped")],
                default="",
                max_length=16,
            ),
        ),
        migrations.AddField(
            model_name="delaybroadcastrecipient",
            name="processed_at",
            field=models.DateTimeField(blank=True, null=True),
        ),
        migrations.RunSQL(MARK_SENT_BROADCASTS, migrations.RunSQL.noop),
        migrations.AddIndex(
            model_name="delaybroadcastrecipient",
            index=models.Index(
                condition=models.Q(("outcome", "")),
                fields=["broadcast", "id"],
                name="stp_broadcast_pending_idx",
            ),
        ),
    ]
