import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        # The oldest Saleor we support is 3.21.0: depend only on migrations it has.
        ("account", "0086_auto_20240805_0851"),
        ("app", "0029_alter_app_identifier"),
        ("order", "0202_alter_order_undiscounted_base_shipping_price_amount"),
        ("saleor_tracking_plugin", "0001_initial"),
        # Chained after the migration main already has, so the graph keeps one leaf.
        ("saleor_tracking_plugin", "0004_returns"),
    ]

    operations = [
        migrations.CreateModel(
            name="DelayBroadcast",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("message", models.TextField()),
                ("carrier_codes", models.JSONField(blank=True, default=list)),
                ("country", models.CharField(blank=True, default="", max_length=2)),
                ("country_area", models.CharField(blank=True, default="", max_length=128)),
                ("city", models.CharField(blank=True, default="", max_length=256)),
                ("shipped_from", models.DateField(blank=True, null=True)),
                ("shipped_to", models.DateField(blank=True, null=True)),
                ("created_at", models.DateTimeField(auto_now_add=True)),
                ("sent_at", models.DateTimeField(blank=True, null=True)),
                (
                    "created_by_app",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="app.app",
                    ),
                ),
                (
                    "created_by_user",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="account.user",
                    ),
                ),
            ],
            options={
                "ordering": ("-created_at", "pk"),
            },
        ),
        migrations.CreateModel(
            name="OrderDelay",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("opened_at", models.DateTimeField()),
                ("resolved_at", models.DateTimeField(blank=True, null=True)),
                ("resolution", models.CharField(blank=True, default="", max_length=32)),
                ("new_estimate", models.DateField(blank=True, null=True)),
                (
                    "choice",
                    models.CharField(
                        blank=True,
                        choices=[("cancel", "cancel"), ("wait", "wait"), ("chase", "chase")],
                        default="",
                        max_length=16,
                    ),
                ),
                ("chosen_at", models.DateTimeField(blank=True, null=True)),
                ("updates_consent", models.BooleanField(default=False)),
                (
                    "order",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="tracking_delay",
                        to="order.order",
                    ),
                ),
            ],
            options={
                "ordering": ("-opened_at", "pk"),
            },
        ),
        migrations.CreateModel(
            name="DelayRefund",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("idempotency_key", models.CharField(max_length=64, unique=True)),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("pending", "Pending"),
                            ("succeeded", "Succeeded"),
                            ("requested", "Requested"),
                            ("failed", "Failed"),
                            ("nothing_to_refund", "Nothing To Refund"),
                        ],
                        max_length=32,
                    ),
                ),
                (
                    "amount",
                    models.DecimalField(blank=True, decimal_places=3, max_digits=20, null=True),
                ),
                ("currency", models.CharField(blank=True, default="", max_length=3)),
                ("detail", models.TextField(blank=True, default="")),
                ("created_at", models.DateTimeField(auto_now_add=True)),
                ("finished_at", models.DateTimeField(blank=True, null=True)),
                (
                    "delay",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="refund",
                        to="saleor_tracking_plugin.orderdelay",
                    ),
                ),
            ],
        ),
        migrations.CreateModel(
            name="DelayCall",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "outcome",
                    models.CharField(
                        choices=[
                            ("reached", "Reached"),
                            ("no_answer", "No Answer"),
                            ("voicemail", "Voicemail"),
                            ("wrong_number", "Wrong Number"),
                            ("call_back", "Call Back"),
                        ],
                        max_length=16,
                    ),
                ),
                ("note", models.TextField(blank=True, default="")),
                ("created_at", models.DateTimeField(auto_now_add=True)),
                (
                    "called_by_app",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="app.app",
                    ),
                ),
                (
                    "called_by_user",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="account.user",
                    ),
                ),
                (
                    "delay",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="calls",
                        to="saleor_tracking_plugin.orderdelay",
                    ),
                ),
            ],
            options={
                "ordering": ("created_at", "pk"),
            },
        ),
        migrations.CreateModel(
            name="OrderDelayCause",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "cause",
                    models.CharField(
                        choices=[
                            ("not_shipped", "not_shipped"),
                            ("out_of_stock", "out_of_stock"),
                            ("carrier_delay", "carrier_delay"),
                            ("carrier_exception", "carrier_exception"),
                            ("no_scan", "no_scan"),
                            ("estimate_passed", "estimate_passed"),
                        ],
                        max_length=32,
                    ),
                ),
                ("detected_at", models.DateTimeField()),
                ("days_late", models.PositiveIntegerField(default=0)),
                (
                    "delay",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="causes",
                        to="saleor_tracking_plugin.orderdelay",
                    ),
                ),
                (
                    "shipment",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="delay_causes",
                        to="saleor_tracking_plugin.shipment",
                    ),
                ),
            ],
            options={
                "ordering": ("detected_at", "pk"),
            },
        ),
        migrations.CreateModel(
            name="DelayBroadcastRecipient",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("email", models.CharField(max_length=254)),
                (
                    "broadcast",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="recipients",
                        to="saleor_tracking_plugin.delaybroadcast",
                    ),
                ),
                (
                    "order",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="order.order",
                    ),
                ),
            ],
            options={
                "ordering": ("pk",),
                "constraints": [
                    models.UniqueConstraint(
                        fields=("broadcast", "email"), name="stp_broadcast_recipient_once"
                    )
                ],
            },
        ),
        migrations.AddIndex(
            model_name="orderdelay",
            index=models.Index(fields=["resolved_at"], name="stp_delay_resolved_idx"),
        ),
        migrations.AddConstraint(
            model_name="orderdelaycause",
            constraint=models.UniqueConstraint(
                fields=("delay", "cause"), name="stp_delay_cause_once"
            ),
        ),
    ]
