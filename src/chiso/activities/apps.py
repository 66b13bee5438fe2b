from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ActivitiesConfig(AppConfig):
    name = "chiso.activities"
    verbose_name = _("Kiểm tra, tuyên truyền, khảo sát")

    def ready(self) -> None:
        from chiso.activities.posting_progress import on_split, on_withdraw
        from chiso.plans.signals import assignment_created, assignment_withdrawn

        # A district handing the posting task down to some communes moves their postings'
        # share from its own part to their sub-assignments.
        assignment_created.connect(on_split, dispatch_uid="activities.posting_split")
        # Taking such a part back gives its communes' postings back to the part above.
        assignment_withdrawn.connect(on_withdraw, dispatch_uid="activities.posting_withdraw")
