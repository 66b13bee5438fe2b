# Feedback keeps two times: received_at on the site's clock (chiso.site.clock, the replayed day
# under CHISO_TODAY) and sent_at, the machine's real time, which only the throttle reads.

import django.utils.timezone
from django.db import migrations, models


def sent_when_received(apps, schema_editor):
    """Posts made before this migration were received by the real clock: that is when they
    were sent."""
    Feedback = apps.get_model("supervision", "Feedback")
    Feedback.objects.update(sent_at=models.F("received_at"))


class Migration(migrations.Migration):

    dependencies = [
        ("supervision", "0003_feedback"),
    ]

    operations = [
        migrations.AddField(
            model_name="feedback",
            name="sent_at",
            field=models.DateTimeField(
                db_index=True, default=django.utils.timezone.now, editable=False
            ),
        ),
        migrations.RunPython(sent_when_received, migrations.RunPython.noop),
    ]
