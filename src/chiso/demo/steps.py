"""The demo, declared as an ordered list of steps. Each feature adds its own step module.

Every step is idempotent: `make demo` may run any number of times.
"""

DEMO_PASSWORD = "chiso-demo"

DEMO_STEPS: list[str] = [
    "chiso.demo.organisations.load",
    "chiso.demo.places2023.load",  # communes of Nha Trang and Cam Ranh, a few villages
    "chiso.demo.plan2023.load",
    "chiso.demo.results.load",
    "chiso.demo.activities2023.load",  # after the plan step: needs the 2023 plan
    "chiso.demo.places2023.load_postings",  # every commune and village of two cities posted
    "chiso.demo.loop2023.load",  # review settings, own-agency reports, periods, sign-off
    "chiso.demo.cascade2023.load",  # Nha Trang hands two tasks down to four communes
    "chiso.demo.documents2023.load",  # the plan's words and "Nơi nhận" lists
    "chiso.demo.plans_illustrative.load",  # 2022 and 2024 copies of the plan, for plan reviews
    "chiso.demo.responsibilities2023.load",  # who guides which PAPI unit (illustrative)
    "chiso.demo.supervision2023.load",  # difficulties, directions, recommendations, feedback
    "chiso.demo.results.load_pci",  # PCI 2015–2024 as published (partial tables)
    "chiso.demo.pci2024.load",  # an illustrative PCI plan for 2024, tasks on several indices
]

# `chiso load_demo --after-2025`: the 2025 restructuring replayed on top (merger, districts
# abolished, communes merged; chiso.demo.after2025).
AFTER_2025_STEPS: list[str] = ["chiso.demo.after2025.load"]
