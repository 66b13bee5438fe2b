"""The words of the seed's plan that are not task data — opening, purpose, requirements, the
objectives as the plan words them, implementation, closing — and the seed's ten "Nơi nhận"
lines as Khánh Hòa's default list for plans, so the demo's plan document reads like the seed."""

from __future__ import annotations

from collections.abc import Callable

from chiso.accounts.models import User
from chiso.demo import organisations as org
from chiso.demo.plan2023 import NUMBER
from chiso.documents import editing as services
from chiso.documents.models import DocumentKind, PlanText, RecipientList
from chiso.plans.models import Plan

Say = Callable[[str], None]

PREAMBLE = (
    "Ngày 12/4/2023, Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam và Chương trình Phát triển Liên "
    "Hợp Quốc tại Việt Nam công bố Chỉ số Hiệu quả Quản trị và Hành chính công cấp tỉnh (PAPI) "
    "năm 2022. Theo kết quả công bố, Chỉ số tổng hợp PAPI tỉnh Khánh Hòa đạt 43,44 điểm; cao hơn "
    "trung bình chung các tỉnh/thành phố 1,09 điểm, xếp thứ hạng 16/61 tỉnh/thành phố, thuộc nhóm "
    "đạt điểm “Cao” - Nhóm có điểm số cao nhất; tăng 1,75 điểm và 24 bậc so với năm 2021. So sánh "
    "với mục tiêu đề ra tại Kế hoạch số 7305/KH-UBND ngày 08/8/2022 của UBND tỉnh, kết quả Chỉ số "
    "PAPI năm 2022 đã có cải thiện rất tích cực, cơ bản đạt mục tiêu chung đề ra. Tuy nhiên, kết "
    "quả rà soát và phân tích các chỉ số nội dung và chỉ tiêu thành phần PAPI cho thấy vẫn còn 04 "
    "mục tiêu cụ thể chưa đạt kế hoạch đề ra; kết quả đánh giá ở một số chỉ tiêu thành phần còn "
    "thấp.\n"
    "Để phát huy hơn nữa những kết quả đạt được, cải thiện những mặt chưa đạt được, từng bước nâng "
    "cao điểm số và xếp hạng Chỉ số PAPI của tỉnh trong năm 2023 và các năm tiếp theo, UBND tỉnh "
    "ban hành Kế hoạch cải thiện và nâng cao Chỉ số PAPI tỉnh Khánh Hòa năm 2023."
)
PURPOSE = (
    "Nâng cao hiệu lực, hiệu quả quản lý nhà nước, chất lượng điều hành, quản trị và hành chính "
    "công của bộ máy chính quyền từ cấp tỉnh đến cấp cơ sở; xây dựng một nền hành chính dân chủ, "
    "minh bạch, liêm chính.\n"
    "Tăng cường nhận thức và nâng cao trách nhiệm của người đứng đầu các cơ quan, đơn vị, địa "
    "phương, cán bộ, công chức, viên chức trong việc nỗ lực cải thiện và nâng cao Chỉ số PAPI của "
    "tỉnh.\n"
    "Góp phần thúc đẩy công cuộc cải cách hành chính, cải thiện môi trường đầu tư, kinh doanh, "
    "thúc đẩy phát triển kinh tế - xã hội của tỉnh.\n"
    "Phát huy sự tham gia của Nhân dân vào quá trình xây dựng, thực thi và giám sát việc thực thi "
    "chính sách, pháp luật của Nhà nước và nhiệm vụ phát triển kinh tế - xã hội của tỉnh."
)
REQUIREMENTS = (
    "Cải thiện và nâng cao Chỉ số PAPI là nhiệm vụ thường xuyên, liên tục, lâu dài và có sự vào "
    "cuộc của cả hệ thống chính trị từ tỉnh đến cơ sở, đặc biệt là cấp cơ sở, theo phương châm "
    "“Tỉnh sát xã, huyện sát thôn, xã sát dân”.\n"
    "Nhiệm vụ đề ra trong kế hoạch phải thống nhất với Kế hoạch cải cách hành chính tỉnh giai đoạn "
    "2021-2030 và năm 2023; triển khai đồng bộ với các kế hoạch cải thiện và nâng cao các Chỉ số "
    "của tỉnh.\n"
    "Xác định rõ những nội dung chưa thực hiện tốt, dẫn đến kết quả khảo sát còn thấp; trên cơ sở "
    "đó, các cơ quan, đơn vị, địa phương triển khai thực hiện các giải pháp hiệu quả, góp phần cải "
    "thiện và nâng cao kết quả Chỉ số PAPI của tỉnh trong năm 2023 và thời gian tới.\n"
    "Công tác thông tin, tuyên truyền về quá trình triển khai, kết quả Chỉ số PAPI của tỉnh phải "
    "được quan tâm thực hiện thường xuyên để Nhân dân biết, giám sát, từ đó tranh thủ được sự đồng "
    "tình, ủng hộ."
)
# The plan states its objectives in two sentences; chiso checks them as seven (plan objectives).
OBJECTIVES = (
    "Chỉ số tổng hợp PAPI năm 2023 đạt từ 45,00 điểm trở lên, tăng từ 1,56 điểm trở lên so với "
    "năm 2022; tiếp tục nằm trong nhóm các tỉnh/thành phố đạt điểm “Cao” và tăng vị trí xếp hạng.\n"
    "Cải thiện và nâng cao 08 chỉ số nội dung, thuộc nhóm đạt điểm “Trung bình cao” trở lên, trong "
    "đó ít nhất 03 chỉ số thuộc nhóm đạt điểm “Cao”."
)
IMPLEMENTATION = (
    "1. Các cơ quan, đơn vị, địa phương thuộc tỉnh và Công an tỉnh, Bảo hiểm xã hội tỉnh được "
    "giao nhiệm vụ tại Khoản 1, 2, 3, Phần II tại Kế hoạch này khẩn trương tổ chức thực hiện, báo "
    "cáo kết quả về UBND tỉnh (thông qua Sở Nội vụ) chậm nhất ngày 29/9/2023.\n"
    "2. Giao Sở Nội vụ theo dõi, tổng hợp và báo cáo UBND tỉnh kết quả triển khai các giải pháp "
    "cải thiện và nâng cao Chỉ số PAPI của cơ quan, đơn vị, địa phương; kịp thời tham mưu chỉ đạo "
    "xử lý các vấn đề khó khăn, vướng mắc (nếu có)."
)
CLOSING = (
    "Trên đây là kế hoạch cải thiện và nâng cao Chỉ số PAPI tỉnh Khánh Hòa năm 2023. UBND tỉnh "
    "yêu cầu các cơ quan, đơn vị, địa phương quán triệt, thực hiện có chất lượng, hiệu quả toàn "
    "bộ nội dung Kế hoạch này./."
)
PLAN_RECIPIENTS_NAME = "Nơi nhận kế hoạch PAPI (như Kế hoạch năm 2023)"
PLAN_RECIPIENTS = (
    "Ủy ban Mặt trận Tổ quốc Việt Nam (VBĐT)\n"
    "TT. Tỉnh ủy, TT. HĐND tỉnh (VBĐT)\n"
    "UBMTTQVN tỉnh và các tổ chức thành viên (VBĐT)\n"
    "Văn phòng Tỉnh ủy, Ban Tuyên giáo Tỉnh ủy, Ban Dân vận Tỉnh ủy (VBĐT)\n"
    "Cơ quan chuyên môn thuộc UBND tỉnh (VBĐT)\n"
    "Công an tỉnh, Bảo hiểm xã hội tỉnh (VBĐT)\n"
    "UBND các huyện, thị xã, thành phố (VBĐT)\n"
    "Đài PT-TH Khánh Hòa, Báo Khánh Hòa (VBĐT)\n"
    "Thành viên Ban Chỉ đạo CCHC tỉnh (VBĐT)\n"
    "Cổng TTĐT tỉnh, Cổng TTĐT CCHC tỉnh (VBĐT)\n"
    "Lưu: VT, SNV, DL,...b"
)
REPORT_RECIPIENTS_NAME = "Nơi nhận báo cáo của Sở Nội vụ"
REPORT_RECIPIENTS = (
    "UBND tỉnh (để báo cáo)\nBộ Nội vụ (để báo cáo)\nCác cơ quan, đơn vị, địa phương\nLưu: VT, SNV"
)


def load(say: Say) -> None:
    province = org.khanh_hoa()
    plan = Plan.objects.filter(province=province, number=NUMBER).first()
    if plan is None or PlanText.objects.filter(plan=plan).exists():
        say("  lời văn kế hoạch, nơi nhận đã có — bỏ qua")
        return
    coordinator = User.objects.get(username="sonoivu")
    services.save_plan_text(
        coordinator,
        plan,
        preamble=PREAMBLE,
        purpose=PURPOSE,
        requirements=REQUIREMENTS,
        objectives=OBJECTIVES,
        implementation=IMPLEMENTATION,
        closing=CLOSING,
        recipients="",
    )
    for name, kind, lines in (
        (PLAN_RECIPIENTS_NAME, DocumentKind.PLAN, PLAN_RECIPIENTS),
        (REPORT_RECIPIENTS_NAME, DocumentKind.RESULTS, REPORT_RECIPIENTS),
    ):
        if not RecipientList.objects.filter(province=province, name=name).exists():
            services.save_recipient_list(
                coordinator, None, name=name, kind=kind, lines=lines, is_default=True
            )
    say("  lời văn Kế hoạch 2023 (mục đích, yêu cầu, tổ chức thực hiện) và 2 danh sách nơi nhận")
