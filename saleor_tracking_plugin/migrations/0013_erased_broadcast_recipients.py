from django.db import migrations, models


class Migration(migrations.Migration):
    # A broadcast's address is unique among the addresses still held: erasure sets it to "",
    # and two erased customers of one broadcast must both fit.
    dependencies = [("saleor_tracking_plugin", "0012_broadcast_sending")]

    operations = [
        migrations.RemoveConstraint(
            model_name="delaybroadcastrecipient", name="stp_broadcast_recipient_once"
        ),
        migrations.AddConstraint(
            model_name="delaybroadcastrecipient",
            constraint=models.UniqueConstraint(
                condition=models.Q(("email", ""), _negated=True),
                fields=("broadcast", "email"),
                name="stp_broadcast_recipient_once",
            ),
        ),
    ]
