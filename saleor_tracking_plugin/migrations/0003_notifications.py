import uuid

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("order", "0202_alter_order_undiscounted_base_shipping_price_amount"),
        ("saleor_tracking_plugin", "0002_carriers"),
    ]

    operations = [
        migrations.CreateModel(
            name="ContactPreference",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("address", models.CharField(max_length=255)),
                (
                    "channel",
                    models.CharField(
                        choices=[
                            ("email", "email"),
                            ("sms", "sms"),
                            ("whatsapp", "whatsapp"),
                            ("webhook", "webhook"),
                        ],
                        max_length=16,
                    ),
                ),
                (
                    "category",
                    models.CharField(
                        choices=[("transactional", "transactional"), ("marketing", "marketing")],
                        max_length=16,
                    ),
                ),
                ("subscribed", models.BooleanField()),
                ("source", models.CharField(blank=True, default="", max_length=64)),
                ("updated_at", models.DateTimeField(auto_now=True)),
            ],
            options={
                "constraints": [
                    models.UniqueConstraint(
                        fields=("address", "channel", "category"),
                        name="stp_contact_preference_once",
                    )
                ],
            },
        ),
        migrations.CreateModel(
            name="OutboxMessage",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("message_type", models.CharField(max_length=64)),
                ("dedupe_key", models.CharField(max_length=255)),
                ("thread", models.CharField(blank=True, default="", max_length=255)),
                (
                    "channel",
                    models.CharField(
                        choices=[
                            ("email", "email"),
                            ("sms", "sms"),
                            ("whatsapp", "whatsapp"),
                            ("webhook", "webhook"),
                        ],
                        max_length=16,
                    ),
                ),
                (
                    "category",
                    models.CharField(
                        choices=[("transactional", "transactional"), ("marketing", "marketing")],
                        max_length=16,
                    ),
                ),
                ("recipient", models.CharField(max_length=255)),
                ("language", models.CharField(max_length=8)),
                ("subject", models.TextField(blank=True, default="")),
                ("body", models.TextField(blank=True, default="")),
                ("body_html", models.TextField(blank=True, default="")),
                ("facts", models.JSONField(blank=True, default=dict)),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("queued", "Queued"),
                            ("sending", "Sending"),
                            ("sent", "Sent"),
                            ("failed", "Failed"),
                            ("cancelled", "Cancelled"),
                        ],
                        default="queued",
                        max_length=16,
                    ),
                ),
                ("not_before", models.DateTimeField()),
                ("attempts", models.PositiveIntegerField(default=0)),
                ("lease_until", models.DateTimeField(blank=True, null=True)),
                ("lease_token", models.UUIDField(blank=True, null=True)),
                (
                    "idempotency_key",
                    models.UUIDField(default=uuid.uuid4, editable=False, unique=True),
                ),
                ("provider", models.CharField(blank=True, default="", max_length=32)),
                ("provider_message_id", models.CharField(blank=True, default="", max_length=255)),
                ("last_error", models.TextField(blank=True, default="")),
                ("created_at", models.DateTimeField(auto_now_add=True)),
                ("updated_at", models.DateTimeField(auto_now=True)),
                ("sent_at", models.DateTimeField(blank=True, null=True)),
                (
                    "order",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="tracking_messages",
                        to="order.order",
                    ),
                ),
            ],
            options={
                "ordering": ("created_at", "pk"),
                "indexes": [
                    models.Index(fields=["status", "not_before"], name="stp_outbox_due_idx"),
                    models.Index(fields=["status", "lease_until"], name="stp_outbox_lease_idx"),
                ],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("order", "message_type", "dedupe_key", "channel"),
                        name="stp_outbox_message_once",
                    )
                ],
            },
        ),
    ]
