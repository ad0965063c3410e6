import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        # The oldest Saleor we support is 3.21.0: depend only on migrations it has.
        ("account", "0086_auto_20240805_0851"),
        ("giftcard", "0021_alter_giftcard_current_balance_amount_and_more"),
        ("order", "0202_alter_order_undiscounted_base_shipping_price_amount"),
        ("saleor_tracking_plugin", "0003_notifications"),
    ]

    operations = [
        migrations.CreateModel(
            name="Return",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("rma", models.CharField(max_length=32, unique=True)),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("requested", "requested"),
                            ("approved", "approved"),
                            ("rejected", "rejected"),
                            ("cancelled", "cancelled"),
                            ("shipped_back", "shipped_back"),
                            ("received", "received"),
                            ("inspected", "inspected"),
                            ("refunded", "refunded"),
                            ("credited", "credited"),
                        ],
                        default="requested",
                        max_length=16,
                    ),
                ),
                (
                    "reason",
                    models.CharField(
                        choices=[
                            ("size", "size"),
                            ("damaged", "damaged"),
                            ("defective", "defective"),
                            ("wrong_item", "wrong_item"),
                            ("not_as_described", "not_as_described"),
                            ("changed_mind", "changed_mind"),
                            ("other", "other"),
                        ],
                        max_length=32,
                    ),
                ),
                ("comment", models.TextField(blank=True, default="")),
                (
                    "resolution",
                    models.CharField(
                        choices=[("refund", "refund"), ("store_credit", "store_credit")],
                        max_length=16,
                    ),
                ),
                ("customer_pays_shipping", models.BooleanField(default=False)),
                ("requested_as_guest", models.BooleanField(default=False)),
                ("decision_note", models.TextField(blank=True, default="")),
                ("auto_approved", models.BooleanField(default=False)),
                (
                    "refund_amount",
                    models.DecimalField(blank=True, decimal_places=3, max_digits=20, null=True),
                ),
                ("currency", models.CharField(blank=True, default="", max_length=3)),
                ("overdue_flagged_at", models.DateTimeField(blank=True, null=True)),
                ("created_at", models.DateTimeField(auto_now_add=True)),
                ("updated_at", models.DateTimeField(auto_now=True)),
                ("decided_at", models.DateTimeField(blank=True, null=True)),
                ("received_at", models.DateTimeField(blank=True, null=True)),
                ("inspected_at", models.DateTimeField(blank=True, null=True)),
                ("resolved_at", models.DateTimeField(blank=True, null=True)),
                (
                    "gift_card",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="giftcard.giftcard",
                    ),
                ),
                (
                    "order",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="returns",
                        to="order.order",
                    ),
                ),
                (
                    "requested_by_user",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="account.user",
                    ),
                ),
                (
                    "return_shipment",
                    models.OneToOneField(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="return_request",
                        to="saleor_tracking_plugin.shipment",
                    ),
                ),
                (
                    "saleor_fulfillment",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="order.fulfillment",
                    ),
                ),
            ],
            options={
                "ordering": ("-created_at", "-pk"),
            },
        ),
        migrations.CreateModel(
            name="ReturnLine",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("quantity", models.PositiveIntegerField()),
                (
                    "outcome",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("resellable", "resellable"),
                            ("defective", "defective"),
                            ("damaged", "damaged"),
                            ("missing", "missing"),
                        ],
                        default="",
                        max_length=16,
                    ),
                ),
                ("restocked_quantity", models.PositiveIntegerField(default=0)),
                (
                    "order_line",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="order.orderline",
                    ),
                ),
                (
                    "return_request",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="lines",
                        to="saleor_tracking_plugin.return",
                    ),
                ),
            ],
            options={
                "ordering": ("pk",),
            },
        ),
        migrations.CreateModel(
            name="ReturnRefund",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("idempotency_key", models.CharField(max_length=64, unique=True)),
                (
                    "resolution",
                    models.CharField(
                        choices=[("refund", "refund"), ("store_credit", "store_credit")],
                        max_length=16,
                    ),
                ),
                ("amount", models.DecimalField(decimal_places=3, max_digits=20)),
                ("currency", models.CharField(max_length=3)),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("pending", "Pending"),
                            ("succeeded", "Succeeded"),
                            ("failed", "Failed"),
                        ],
                        default="pending",
                        max_length=16,
                    ),
                ),
                ("saleor_reference", models.CharField(blank=True, default="", max_length=255)),
                ("error", models.TextField(blank=True, default="")),
                ("attempts", models.PositiveIntegerField(default=0)),
                ("created_at", models.DateTimeField(auto_now_add=True)),
                ("updated_at", models.DateTimeField(auto_now=True)),
                (
                    "return_request",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="refunds",
                        to="saleor_tracking_plugin.return",
                    ),
                ),
            ],
            options={
                "ordering": ("pk",),
            },
        ),
        migrations.AddIndex(
            model_name="return",
            index=models.Index(fields=["status", "created_at"], name="stp_return_status_idx"),
        ),
        migrations.AddConstraint(
            model_name="returnline",
            constraint=models.UniqueConstraint(
                fields=("return_request", "order_line"), name="stp_return_line_once"
            ),
        ),
    ]
