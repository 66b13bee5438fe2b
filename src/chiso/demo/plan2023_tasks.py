# ruff: noqa: E501 — task titles quote the seed verbatim, one string each.
"""Sections II.1–II.4 and III of Khánh Hòa's 2023 PAPI plan (the seed), one entry per task.

Deadlines are the seed's (guidance by 30/6/2023, results reported by 29/9/2023, "thường xuyên"
for ongoing work). Where the seed gives no date or no PAPI link, the value here is a plausible
example and the task's description says "(minh họa)".
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from chiso.demo.organisations import GROUP_ALL, GROUP_DISTRICTS, GROUP_GUIDING

GUIDANCE_DUE = dt.date(2023, 6, 30)
REPORT_DUE = dt.date(2023, 9, 29)
SURVEY_DUE = dt.date(2023, 11, 30)  # illustrative: PAPI fieldwork runs in the autumn

SECTIONS = [
    ("I", "Mục đích, yêu cầu và mục tiêu của kế hoạch"),
    (
        "II.1",
        "Quán triệt, chỉ đạo triển khai thực hiện các giải pháp cải thiện và nâng cao Chỉ số PAPI",
    ),
    ("II.2", "Tổ chức tập huấn, thông tin, tuyên truyền về PAPI"),
    (
        "II.3",
        "Kiểm tra, đánh giá tình hình, kết quả việc triển khai các giải pháp cải thiện và nâng cao Chỉ số PAPI của các cơ quan, đơn vị, địa phương",
    ),
    ("II.4", "Phối hợp, hỗ trợ triển khai khảo sát PAPI năm 2023 trên địa bàn tỉnh"),
    ("III", "Tổ chức thực hiện"),
]

FRONT = "Ủy ban MTTQ Việt Nam tỉnh"
MASS_MOBILISATION = "Ban Dân vận Tỉnh ủy"
RADIO_TV = "Đài Phát thanh và Truyền hình Khánh Hòa"
NEWSPAPER = "Báo Khánh Hòa"
HOME_AFFAIRS = "Sở Nội vụ"
OFFICE = "Văn phòng UBND tỉnh"
ILLUSTRATIVE_UNITS = "Chỉ số PAPI liên quan: minh họa (kế hoạch không nêu)."


@dataclass(frozen=True)
class TaskDef:
    section: str
    code: str
    title: str
    lead: tuple[str, ...] = ()
    group: str | None = None
    coordinating: tuple[str, ...] = ()
    coordinating_group: str | None = None  # every member coordinates (except the lead)
    deadline: dt.date | None = None
    recurring: bool = False
    period: str = ""
    output: str = ""
    units: tuple[str, ...] = ()
    description: str = ""


TASKS = [
    # II.1.a — the agencies, units and localities
    TaskDef(
        "II.1",
        "a.1",
        "Quán triệt, thực hiện nghiêm các nội dung chỉ đạo của UBND tỉnh về việc cải thiện và nâng cao Chỉ số PAPI, đặc biệt là Văn bản số 81/UBND-KSTT ngày 05/01/2022 về triển khai các giải pháp cải thiện và nâng cao Chỉ số PAPI trong năm 2022 và các năm tiếp theo, Văn bản số 4573/UBND-KSTT ngày 12/5/2023 về tiếp tục rà soát, triển khai các giải pháp cải thiện và nâng cao Chỉ số PAPI của tỉnh trong năm 2023 và những năm tiếp theo",
        group=GROUP_ALL,
        recurring=True,
        period="quarterly",
        description="Nhiệm vụ chung, không gắn với chỉ số cụ thể.",
    ),
    TaskDef(
        "II.1",
        "a.2",
        "Phổ biến, quán triệt và tổ chức thực hiện hiệu quả các nhiệm vụ được giao tại Quyết định số 3012/QĐ-UBND ngày 07/11/2022 của UBND tỉnh về việc ban hành Bộ Khung nhiệm vụ cải thiện và nâng cao Chỉ số Hiệu quả Quản trị và Hành chính công của tỉnh, tiếp tục coi đây là một nhiệm vụ trọng tâm của tỉnh trong năm 2023 và các năm tiếp theo",
        group=GROUP_ALL,
        recurring=True,
        period="quarterly",
        description="Nhiệm vụ chung, không gắn với chỉ số cụ thể.",
    ),
    TaskDef(
        "II.1",
        "a.3",
        "Tăng cường phổ biến, quán triệt nâng cao nhận thức cán bộ, công chức, viên chức, đặc biệt là vai trò, trách nhiệm của người đứng đầu trong triển khai thực hiện chỉ số PAPI",
        group=GROUP_ALL,
        recurring=True,
        period="half_yearly",
        units=("4.4",),
        description=ILLUSTRATIVE_UNITS,
    ),
    TaskDef(
        "II.1",
        "a.4",
        "Rà soát, đánh giá lại các chỉ tiêu thành phần đạt điểm thấp hoặc giảm điểm liên quan đến chức năng, nhiệm vụ được giao, từ đó có giải pháp kịp thời, quyết liệt để cải thiện và nâng cao kết quả trong thời gian tới",
        group=GROUP_ALL,
        deadline=REPORT_DUE,
        output="Báo cáo rà soát các chỉ tiêu thành phần thấp, giảm điểm và giải pháp",
        description="Thời hạn theo hạn báo cáo kết quả tại Phần III (29/9/2023).",
    ),
    # II.1.b — bodies that guide and inspect
    TaskDef(
        "II.1",
        "b.1",
        "Hướng dẫn chuyên môn, nghiệp vụ triển khai các giải pháp cải thiện và nâng cao Chỉ số PAPI đối với ngành, lĩnh vực được phân công",
        group=GROUP_GUIDING,
        deadline=GUIDANCE_DUE,
        output="Văn bản hướng dẫn chuyên môn, nghiệp vụ",
        description="Phân công ngành, lĩnh vực theo chỉ số nội dung trong nhóm “Cơ quan được giao hướng dẫn, kiểm tra” là minh họa (Quyết định 3012/QĐ-UBND không có trong tài liệu gốc).",
    ),
    TaskDef(
        "II.1",
        "b.2",
        "Xây dựng kế hoạch kiểm tra việc thực hiện các giải pháp cải thiện và nâng cao Chỉ số PAPI đối với cơ quan, đơn vị, địa phương thuộc ngành, lĩnh vực được phân công, kết hợp khi tiến hành thanh tra, kiểm tra",
        group=GROUP_GUIDING,
        deadline=REPORT_DUE,
        output="Kế hoạch kiểm tra",
        description="Thời hạn: minh họa (kế hoạch không nêu).",
    ),
    # II.1.c — district-level committees
    TaskDef(
        "II.1",
        "c.1",
        "Tuyên truyền, phổ biến các nội dung về Chỉ số PAPI đến người dân. Quán triệt và thực hiện tốt chủ trương “Dân biết, dân bàn, dân kiểm tra, dân giám sát, dân thụ hưởng” đối với các vấn đề về phát triển kinh tế - xã hội ở địa phương",
        group=GROUP_DISTRICTS,
        recurring=True,
        period="quarterly",
        units=("1.1", "1.2"),
        description=ILLUSTRATIVE_UNITS,
    ),
    TaskDef(
        "II.1",
        "c.2",
        "Chỉ đạo UBND các xã, phường, thị trấn xây dựng kế hoạch cụ thể để tổ chức thực hiện các nhiệm vụ sau: Quán triệt, thực hiện nghiêm túc, hiệu quả các nội dung chỉ đạo của UBND tỉnh về việc cải thiện và nâng cao Chỉ số PAPI",
        group=GROUP_DISTRICTS,
        deadline=GUIDANCE_DUE,
        output="Kế hoạch của UBND cấp xã",
        description="Thời hạn: minh họa (kế hoạch không nêu).",
    ),
    TaskDef(
        "II.1",
        "c.3",
        "Chỉ đạo UBND các xã, phường, thị trấn xây dựng kế hoạch cụ thể để tổ chức thực hiện các nhiệm vụ sau: Phối hợp chặt chẽ với Mặt trận Tổ quốc và các tổ chức chính trị - xã hội cùng cấp tổ chức tuyên truyền, phổ biến sâu rộng các chủ trương chính sách pháp luật liên quan đến đời sống của người dân",
        group=GROUP_DISTRICTS,
        coordinating=(FRONT,),
        recurring=True,
        period="quarterly",
        units=("1.1", "3.3"),
        description=ILLUSTRATIVE_UNITS,
    ),
    TaskDef(
        "II.1",
        "c.4",
        "Chỉ đạo UBND các xã, phường, thị trấn xây dựng kế hoạch cụ thể để tổ chức thực hiện các nhiệm vụ sau: Kịp thời công khai quy hoạch, kế hoạch sử dụng đất, các thông tin về thu hồi đất, giá đất, các chủ trương, chính sách, pháp luật về đất đai; công khai các khoản thu, chi ngân sách cấp xã, danh sách hộ nghèo, công tác bảo vệ môi trường, nguồn nước để người dân biết và giám sát,...; thực hiện xét duyệt danh sách hộ nghèo đảm bảo chặt chẽ, đúng quy trình, thủ tục, đúng đối tượng",
        group=GROUP_DISTRICTS,
        recurring=True,
        period="quarterly",
        units=("2.2", "2.3", "2.4", "7.1", "7.3"),
        output="Niêm yết, công khai tại trụ sở UBND cấp xã và trên cổng thông tin",
    ),
    TaskDef(
        "II.1",
        "c.5",
        "Chỉ đạo UBND các xã, phường, thị trấn xây dựng kế hoạch cụ thể để tổ chức thực hiện các nhiệm vụ sau: Giải quyết kịp thời, đúng quy định đối với các nội dung kiến nghị, khiếu nại, tố cáo của công dân; nâng cao hiệu quả hoạt động của Ban Thanh tra nhân dân, Ban Giám sát đầu tư cộng đồng gắn với phong trào xây dựng nông thôn mới, phong trào toàn dân xây dựng nông thôn mới, phong trào toàn dân bảo vệ an ninh Tổ quốc",
        group=GROUP_DISTRICTS,
        recurring=True,
        period="quarterly",
        units=("3.2", "1.2", "4.4"),
    ),
    # II.1.d, đ — requests
    TaskDef(
        "II.1",
        "d",
        "Chỉ đạo Ủy ban Mặt trận Tổ quốc Việt Nam ở địa phương phối hợp tuyên truyền và thực hiện chức năng giám sát việc thực hiện Chỉ số PAPI ở địa phương; thực hiện các giải pháp nâng cao chất lượng hoạt động của Ban Thanh tra nhân dân",
        lead=(FRONT,),
        recurring=True,
        period="half_yearly",
        units=("1.2", "4.4"),
        description="Đề nghị (UBND tỉnh không giao nhiệm vụ cho Mặt trận Tổ quốc).",
    ),
    TaskDef(
        "II.1",
        "đ",
        "Chỉ đạo các tổ chức chính trị ở cơ sở tham gia tích cực và có trách nhiệm vào việc thực hiện dân chủ ở cơ sở, bảo đảm thực hiện đầy đủ, thực chất phương châm “Dân biết, dân bàn, dân làm, dân kiểm tra, dân giám sát, dân thụ hưởng”",
        lead=(MASS_MOBILISATION,),
        recurring=True,
        period="half_yearly",
        units=("1.2", "2"),
        description="Đề nghị. " + ILLUSTRATIVE_UNITS,
    ),
    # II.2 — training and communication
    TaskDef(
        "II.2",
        "a",
        "Chủ trì, phối hợp với Văn phòng UBND tỉnh, cơ quan liên quan tham mưu UBND tỉnh tổ chức hội nghị triển khai các giải pháp cải thiện và nâng cao Chỉ số PAPI tỉnh Khánh Hòa năm 2023 với mục tiêu: trang bị kiến thức, kỹ năng về Chỉ số PAPI cho đội ngũ cán bộ, công chức, viên chức và cán bộ cấp cơ sở; thông tin, tuyên truyền về kết quả Chỉ số PAPI của tỉnh Khánh Hòa năm 2022; quán triệt, triển khai các giải pháp cải thiện và nâng cao Chỉ số PAPI tỉnh Khánh Hòa trong năm 2023 và những năm tiếp theo",
        lead=(HOME_AFFAIRS,),
        coordinating=(OFFICE,),
        deadline=GUIDANCE_DUE,
        output="Hội nghị triển khai; tài liệu hội nghị",
        description="Thời hạn: minh họa (kế hoạch không nêu).",
    ),
    TaskDef(
        "II.2",
        "b.1",
        "Chỉ đạo UBND cấp xã: Tổ chức tuyên truyền, thông tin về kết quả Chỉ số PAPI của tỉnh năm 2023 đến các thôn/tổ dân phố để Nhân dân biết và giám sát",
        group=GROUP_DISTRICTS,
        deadline=REPORT_DUE,
        units=("1.1", "2.1"),
        description=ILLUSTRATIVE_UNITS,
    ),
    TaskDef(
        "II.2",
        "b.2",
        "Chỉ đạo UBND cấp xã: Thực hiện công khai, niêm yết Bộ khung nhiệm vụ cải thiện và nâng cao Chỉ số PAPI tại trụ sở UBND cấp xã, trụ sở thôn/tổ dân phố để Nhân dân biết và giám sát",
        group=GROUP_DISTRICTS,
        deadline=GUIDANCE_DUE,
        units=("2.1",),
        output="Bộ khung nhiệm vụ được niêm yết tại trụ sở UBND cấp xã, thôn/tổ dân phố",
        description="Thời hạn: minh họa (kế hoạch không nêu).",
    ),
    TaskDef(
        "II.2",
        "c.1",
        "Tiếp tục đẩy mạnh thông tin, tuyên truyền về quá trình triển khai, kết quả Chỉ số PAPI của tỉnh để Nhân dân biết, giám sát",
        lead=(RADIO_TV, NEWSPAPER),
        recurring=True,
        period="monthly",
        units=("2.1",),
        description=ILLUSTRATIVE_UNITS,
    ),
    TaskDef(
        "II.2",
        "c.2",
        "Định kỳ lồng ghép phát sóng chuyên mục thực hiện các nội dung chỉ số PAPI với chuyên mục cải cách hành chính",
        lead=(RADIO_TV,),
        recurring=True,
        period="monthly",
        units=("2.1",),
        output="Chuyên mục phát sóng định kỳ",
        description=ILLUSTRATIVE_UNITS,
    ),
    # II.3 — inspection and evaluation
    TaskDef(
        "II.3",
        "a.1",
        "Chủ trì, phối hợp với các cơ quan được giao hướng dẫn, kiểm tra triển khai các nhiệm vụ cải thiện và nâng cao Chỉ số PAPI để tổ chức đoàn công tác kiểm tra, khảo sát nắm tình hình triển khai giải pháp cải thiện Chỉ số PAPI của cơ quan, đơn vị, địa phương, từ đó hướng dẫn, tháo gỡ khó khăn, vướng mắc hoặc tham mưu UBND tỉnh chỉ đạo xử lý (nếu có)",
        lead=(HOME_AFFAIRS,),
        coordinating_group=GROUP_GUIDING,
        deadline=REPORT_DUE,
        output="Kế hoạch và báo cáo kết quả kiểm tra",
        description="Thời hạn: minh họa.",
    ),
    TaskDef(
        "II.3",
        "a.2",
        "Theo dõi, tổng hợp, đánh giá kết quả triển khai nhiệm vụ của cơ quan được giao chủ trì hướng dẫn, kiểm tra việc triển khai các nhiệm vụ cải thiện và nâng cao Chỉ số PAPI trên phạm vi toàn tỉnh",
        lead=(HOME_AFFAIRS,),
        recurring=True,
        period="quarterly",
    ),
    TaskDef(
        "II.3",
        "b",
        "Thường xuyên tổ chức kiểm tra việc thực hiện các giải pháp cải thiện và nâng cao Chỉ số PAPI của cơ quan, đơn vị, địa phương thuộc ngành, lĩnh vực được phân công để kịp thời hướng dẫn tháo gỡ khó khăn, vướng mắc; phối hợp với Sở Nội vụ để tham mưu UBND tỉnh chỉ đạo xử lý (nếu có)",
        group=GROUP_GUIDING,
        coordinating=(HOME_AFFAIRS,),
        recurring=True,
        period="quarterly",
    ),
    TaskDef(
        "II.3",
        "c.1",
        "Tăng cường công tác kiểm tra, giám sát việc thực hiện quy chế dân chủ cơ sở tại cấp xã, phát huy dân chủ, tạo mọi điều kiện thuận lợi để người dân thực hiện; quán triệt và thực hiện tốt chủ trương “Dân biết, dân bàn, dân kiểm tra, dân giám sát, dân thụ hưởng” đối với các vấn đề về phát triển kinh tế - xã hội ở địa phương",
        group=GROUP_DISTRICTS,
        recurring=True,
        period="half_yearly",
        units=("1.2", "1.4"),
        description=ILLUSTRATIVE_UNITS,
    ),
    TaskDef(
        "II.3",
        "c.2",
        "Kiểm tra việc triển khai các giải pháp cải thiện và nâng cao Chỉ số PAPI của UBND các xã, phường, thị trấn, tập trung vào các nhiệm vụ được giao tại Bộ khung nhiệm vụ cải thiện và nâng cao Chỉ số PAPI của tỉnh Khánh Hòa",
        group=GROUP_DISTRICTS,
        deadline=REPORT_DUE,
        output="Báo cáo kết quả kiểm tra cấp xã",
        description="Thời hạn: minh họa (kế hoạch không nêu).",
    ),
    TaskDef(
        "II.3",
        "d",
        "Tăng cường công tác kiểm tra, giám sát việc thực hiện Pháp lệnh thực hiện dân chủ cơ sở, nâng cao hiệu quả công tác giám sát, phản biện",
        lead=(FRONT,),
        recurring=True,
        period="half_yearly",
        units=("1.2", "3.2"),
        description="Đề nghị. " + ILLUSTRATIVE_UNITS,
    ),
    # II.4 — the 2023 survey
    TaskDef(
        "II.4",
        "a",
        "Làm đầu mối phối hợp với Ủy ban Mặt trận Tổ quốc Việt Nam cấp huyện và các cơ quan, đơn vị liên quan hỗ trợ đoàn khảo sát PAPI thực hiện khảo sát tại địa phương. Chỉ đạo UBND cấp xã bố trí địa điểm, chuẩn bị điều kiện hậu cần phục vụ khảo sát",
        group=GROUP_DISTRICTS,
        deadline=SURVEY_DUE,
        description="Thời hạn: minh họa (theo lịch khảo sát PAPI hằng năm).",
    ),
    TaskDef(
        "II.4",
        "b",
        "Phối hợp với các cơ quan, đơn vị, địa phương trong việc trao đổi thông tin, xác định địa bàn và đối tượng khảo sát, hỗ trợ điều tra viên thực hiện khảo sát PAPI năm 2023 trên địa bàn tỉnh",
        lead=(FRONT,),
        deadline=SURVEY_DUE,
        description="Đề nghị. Thời hạn: minh họa (theo lịch khảo sát PAPI hằng năm).",
    ),
    # III — organisation
    TaskDef(
        "III",
        "1",
        "Khẩn trương tổ chức thực hiện các nhiệm vụ tại Khoản 1, 2, 3 Phần II; báo cáo kết quả về UBND tỉnh (thông qua Sở Nội vụ)",
        group=GROUP_ALL,
        deadline=REPORT_DUE,
        output="Báo cáo kết quả thực hiện gửi Sở Nội vụ",
    ),
    TaskDef(
        "III",
        "2",
        "Theo dõi, tổng hợp và báo cáo UBND tỉnh kết quả triển khai các giải pháp cải thiện và nâng cao Chỉ số PAPI của cơ quan, đơn vị, địa phương; kịp thời tham mưu chỉ đạo xử lý khó khăn, vướng mắc",
        lead=(HOME_AFFAIRS,),
        recurring=True,
        period="quarterly",
        output="Báo cáo tổng hợp trình UBND tỉnh",
    ),
]
