import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        # The oldest Saleor we support is 3.21.0: depend only on migrations it has.
        ("account", "0086_auto_20240805_0851"),
        ("app", "0029_alter_app_identifier"),
        ("order", "0202_alter_order_undiscounted_base_shipping_price_amount"),
    ]

    operations = [
        migrations.CreateModel(
            name="Shipment",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "kind",
                    models.CharField(
                        choices=[("outbound", "Outbound"), ("return", "Return")],
                        default="outbound",
                        max_length=16,
                    ),
                ),
                ("carrier_code", models.CharField(blank=True, default="", max_length=64)),
                ("tracking_number", models.CharField(blank=True, default="", max_length=255)),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("pending", "pending"),
                            ("info_received", "info_received"),
                            ("in_transit", "in_transit"),
                            ("out_for_delivery", "out_for_delivery"),
                            ("available_for_pickup", "available_for_pickup"),
                            ("delivered", "delivered"),
                            ("failed_attempt", "failed_attempt"),
                            ("exception", "exception"),
                            ("delayed", "delayed"),
                            ("returning_to_sender", "returning_to_sender"),
                            ("returned", "returned"),
                            ("expired", "expired"),
                            ("cancelled", "cancelled"),
                            ("unknown", "unknown"),
                        ],
                        default="pending",
                        max_length=32,
                    ),
                ),
                ("status_detail", models.TextField(blank=True, default="")),
                ("carrier_status_code", models.CharField(blank=True, default="", max_length=64)),
                ("estimated_delivery", models.DateField(blank=True, null=True)),
                (
                    "estimated_delivery_source",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("carrier", "Carrier"),
                            ("table", "Transit Table"),
                            ("manual", "Manual"),
                        ],
                        default="",
                        max_length=16,
                    ),
                ),
                ("delivered_at", models.DateTimeField(blank=True, null=True)),
                ("last_event_at", models.DateTimeField(blank=True, null=True)),
                ("last_checked_at", models.DateTimeField(blank=True, null=True)),
                ("created_at", models.DateTimeField(auto_now_add=True)),
                ("updated_at", models.DateTimeField(auto_now=True)),
                (
                    "fulfillment",
                    models.OneToOneField(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="tracked_shipment",
                        to="order.fulfillment",
                    ),
                ),
                (
                    "order",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="tracked_shipments",
                        to="order.order",
                    ),
                ),
            ],
            options={
                "ordering": ("pk",),
            },
        ),
        migrations.CreateModel(
            name="ShipmentEvent",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("tracking_number", models.CharField(blank=True, default="", max_length=255)),
                ("occurred_at", models.DateTimeField()),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("pending", "pending"),
                            ("info_received", "info_received"),
                            ("in_transit", "in_transit"),
                            ("out_for_delivery", "out_for_delivery"),
                            ("available_for_pickup", "available_for_pickup"),
                            ("delivered", "delivered"),
                            ("failed_attempt", "failed_attempt"),
                            ("exception", "exception"),
                            ("delayed", "delayed"),
                            ("returning_to_sender", "returning_to_sender"),
                            ("returned", "returned"),
                            ("expired", "expired"),
                            ("cancelled", "cancelled"),
                            ("unknown", "unknown"),
                        ],
                        max_length=32,
                    ),
                ),
                ("carrier_status_code", models.CharField(blank=True, default="", max_length=64)),
                ("description", models.TextField(blank=True, default="")),
                ("location", models.CharField(blank=True, default="", max_length=255)),
                ("source", models.CharField(blank=True, default="", max_length=64)),
                ("fingerprint", models.CharField(max_length=64)),
                ("created_at", models.DateTimeField(auto_now_add=True)),
                (
                    "recorded_by_app",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="app.app",
                    ),
                ),
                (
                    "recorded_by_user",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="account.user",
                    ),
                ),
                (
                    "shipment",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="events",
                        to="saleor_tracking_plugin.shipment",
                    ),
                ),
            ],
            options={
                "ordering": ("occurred_at", "pk"),
            },
        ),
        migrations.AddIndex(
            model_name="shipment",
            index=models.Index(fields=["status"], name="stp_shipment_status_idx"),
        ),
        migrations.AddIndex(
            model_name="shipment",
            index=models.Index(
                fields=["carrier_code", "tracking_number"], name="stp_shipment_carrier_nr_idx"
            ),
        ),
        migrations.AddConstraint(
            model_name="shipmentevent",
            constraint=models.UniqueConstraint(
                fields=("shipment", "tracking_number", "fingerprint"),
                name="stp_shipment_event_once",
            ),
        ),
    ]
