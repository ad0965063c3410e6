from django.db import migrations, models


class Migration(migrations.Migration):
    # Only the plugin's own previous migration: Saleor 3.21's migrations stay enough.
    dependencies = [("saleor_tracking_plugin", "0008_refund_states")]

    operations = [
        migrations.AddField(
            model_name="webhookdelivery",
            name="body",
            field=models.TextField(blank=True, default=""),
        ),
        migrations.AlterField(
            model_name="webhookdelivery",
            name="outcome",
            field=models.CharField(
                choices=[
                    ("pending", "Pending"),
                    ("applied", "Applied"),
                    ("unmatched", "Unmatched"),
                    ("failed", "Failed"),
                ],
                max_length=16,
            ),
        ),
        migrations.AddIndex(
            model_name="webhookdelivery",
            index=models.Index(
                condition=models.Q(("outcome", "pending")),
                fields=["id"],
                name="stp_webhook_pending_idx",
            ),
        ),
    ]
