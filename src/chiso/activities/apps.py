from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ActivitiesConfig(AppConfig):
    name = "chiso.activities"
    verbose_name = _("Kiểm tra, tuyên truyền, khảo sát")

    def ready(self) -> None:
        from chiso.activities.posting_progress import on_split
        from chiso.plans.signals import assignment_created

        # A district handing the posting task down to some communes moves their postings'
        # share from its own part to their sub-assignments.
        assignment_created.connect(on_split, dispatch_uid="activities.posting_split")
