"""The API's overdue list (issue 19): a province's open assignments in task order, with the
deadline columns in the index so that PostgreSQL filters and counts them from the index alone."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0005_province_merged_into"),
        ("plans", "0013_units_and_objectives_by_index"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="assignment",
            index=models.Index(
                condition=models.Q(("completed_on__isnull", True)),
                fields=["province", "task", "id", "deadline", "period_due"],
                name="assignment_open_task",
            ),
        ),
    ]
