from django.db import migrations, models


class Migration(migrations.Migration):
    # Only the plugin's own previous migration: Saleor 3.21's migrations stay enough.
    dependencies = [("saleor_tracking_plugin", "0010_scale_indexes")]

    operations = [
        migrations.CreateModel(
            name="PendingShipmentSync",
            fields=[
                (
                    "fulfillment",
                    models.OneToOneField(
                        on_delete=models.deletion.CASCADE,
                        primary_key=True,
                        related_name="+",
                        serialize=False,
                        to="order.fulfillment",
                    ),
                ),
                ("requested_at", models.DateTimeField()),
            ],
        ),
    ]
