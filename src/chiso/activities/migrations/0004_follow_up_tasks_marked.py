"""Tasks made from inspection recommendations before plans 0012 are follow-up tasks."""

from django.db import migrations


def mark(apps, schema_editor):
    Recommendation = apps.get_model("activities", "Recommendation")
    Task = apps.get_model("plans", "Task")
    made = Recommendation.objects.filter(follow_up_task__isnull=False)
    Task.objects.filter(pk__in=made.values("follow_up_task")).update(follow_up=True)


class Migration(migrations.Migration):
    dependencies = [
        ("activities", "0003_villages_posting_task"),
        ("plans", "0012_task_follow_up"),
    ]

    operations = [migrations.RunPython(mark, migrations.RunPython.noop)]
