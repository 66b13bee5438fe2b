"""Pages under /hoat-dong/: inspections, training and communication, postings, survey support."""

from django.urls import path

from chiso.activities.views import counting, edits, inspections, outreach, survey

app_name = "activities"

urlpatterns = [
    path("", outreach.index, name="index"),
    # Inspections (kiểm tra) and Fatherland Front supervision (giám sát)
    path("kiem-tra/", inspections.inspection_list, name="inspection-list"),
    path("kiem-tra/them/", inspections.inspection_create, name="inspection-create"),
    path("kiem-tra/<int:pk>/", inspections.inspection_detail, name="inspection-detail"),
    path("kiem-tra/<int:pk>/dot-kiem-tra/them/", inspections.visit_create, name="visit-create"),
    path("dot-kiem-tra/<int:pk>/", inspections.visit_detail, name="visit-detail"),
    path("dot-kiem-tra/<int:pk>/ket-qua/", inspections.finding_create, name="finding-create"),
    path("dot-kiem-tra/<int:pk>/ket-luan/", inspections.visit_conclude, name="visit-conclude"),
    path("ket-qua/<int:pk>/giai-trinh/", inspections.finding_respond, name="finding-respond"),
    path(
        "ket-qua/<int:pk>/kien-nghi/",
        inspections.recommendation_create,
        name="recommendation-create",
    ),
    path(
        "kien-nghi/<int:pk>/giao-nhiem-vu/",
        inspections.recommendation_assign,
        name="recommendation-assign",
    ),
    path("kien-nghi/<int:pk>/dong/", inspections.recommendation_close, name="recommendation-close"),
    path(
        "don-vi/<int:pk>/kiem-tra/", inspections.agency_inspections_page, name="agency-inspections"
    ),
    path("minh-chung/<int:pk>/", inspections.attachment_download, name="attachment"),
    # Training and communication (tập huấn, tuyên truyền), postings (niêm yết), coverage
    path("tuyen-truyen/", outreach.activity_list, name="activity-list"),
    path("tuyen-truyen/them/", outreach.activity_create, name="activity-create"),
    path("tuyen-truyen/<int:pk>/", outreach.activity_detail, name="activity-detail"),
    path("tuyen-truyen/<int:pk>/sua/", edits.activity_edit, name="activity-edit"),
    path("tuyen-truyen/<int:pk>/minh-chung/", outreach.activity_evidence, name="activity-evidence"),
    path("niem-yet/", outreach.posting_coverage, name="posting-coverage"),
    path("niem-yet/xlsx/", outreach.posting_coverage_download, name="posting-coverage-xlsx"),
    path("niem-yet/them/", outreach.posting_create, name="posting-create"),
    path("niem-yet/<int:pk>/", outreach.posting_detail, name="posting-detail"),
    path("niem-yet/<int:pk>/sua/", edits.posting_edit, name="posting-edit"),
    path("niem-yet/<int:pk>/minh-chung/", outreach.posting_evidence, name="posting-evidence"),
    path("niem-yet/<int:pk>/kiem-tra-lai/", outreach.posting_check, name="posting-check"),
    path("do-phu/", outreach.coverage_page, name="coverage"),
    # PAPI survey support (hỗ trợ khảo sát)
    path("khao-sat/", survey.survey_list, name="survey-list"),
    path("khao-sat/them/", survey.survey_create, name="survey-create"),
    path("khao-sat/<int:pk>/", survey.survey_detail, name="survey-detail"),
    path("khao-sat/<int:pk>/dia-ban/", survey.location_add, name="survey-location-add"),
    path("khao-sat/<int:pk>/dau-moi/", survey.contact_add, name="survey-contact-add"),
    path("khao-sat/<int:pk>/hau-can/", survey.logistics_add, name="survey-logistics-add"),
    path("hau-can/<int:pk>/", survey.logistics_update, name="logistics-update"),
    # Work that counts: activities, postings, visits and survey support as an assignment's work
    path("tinh-vao-nhiem-vu/", counting.work_count, name="work-count"),
    path("phan-cong/<int:pk>/bao-cao-cong-viec/", counting.work_report, name="work-report"),
    path("cong-viec/<int:pk>/bo/", counting.work_unlink, name="work-unlink"),
]
