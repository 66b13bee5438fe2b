"""A task's units and a plan's objectives carry their index (issue 18): existing rows take
their plan's index, which is PAPI for every plan made before other indices existed."""

from django.db import migrations, models


def from_plan(apps, schema_editor):
    Plan = apps.get_model("plans", "Plan")
    TaskUnit = apps.get_model("plans", "TaskUnit")
    Objective = apps.get_model("plans", "Objective")
    for plan in Plan.objects.exclude(index="PAPI").only("pk", "index"):
        TaskUnit.objects.filter(task__plan_id=plan.pk).update(index=plan.index)
        Objective.objects.filter(plan_id=plan.pk).update(index=plan.index)


class Migration(migrations.Migration):

    dependencies = [
        ("plans", "0012_task_follow_up"),
    ]

    operations = [
        migrations.RemoveConstraint(model_name="taskunit", name="taskunit_unique"),
        migrations.RemoveIndex(model_name="taskunit", name="taskunit_code"),
        migrations.AddField(
            model_name="taskunit",
            name="index",
            field=models.CharField(default="PAPI", max_length=20, verbose_name="chỉ số"),
        ),
        migrations.AlterField(
            model_name="taskunit",
            name="unit_code",
            field=models.CharField(max_length=30, verbose_name="mã chỉ số"),
        ),
        migrations.AlterModelOptions(
            name="taskunit",
            options={"ordering": ["task", "index", "unit_code"]},
        ),
        migrations.AddConstraint(
            model_name="taskunit",
            constraint=models.UniqueConstraint(
                fields=("task", "index", "unit_code"), name="taskunit_unique"
            ),
        ),
        migrations.AddIndex(
            model_name="taskunit",
            index=models.Index(fields=["index", "unit_code"], name="taskunit_code"),
        ),
        migrations.AddField(
            model_name="objective",
            name="index",
            field=models.CharField(default="PAPI", max_length=20, verbose_name="chỉ số"),
        ),
        migrations.AlterField(
            model_name="objective",
            name="unit",
            field=models.CharField(blank=True, max_length=30, verbose_name="chỉ số/nội dung"),
        ),
        migrations.RunPython(from_plan, migrations.RunPython.noop),
    ]
