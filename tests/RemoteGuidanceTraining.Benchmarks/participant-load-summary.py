"""Summarises participant-load.sh results: median req/s per page and site, the ratio to the trivial page measured
right before it on the same site (median over rounds), and the median p99. A quiz answer is a POST plus its
redirect's GET, so its rate is half the request rate. The trivial page's measurements are recorded as
"trivial:<page>"; its row shows them all. Results of older runs, with one "trivial" per round, are read too."""
import statistics
import sys
from collections import defaultdict


def ms(text):
    units = {"us": 0.001, "ms": 1.0, "s": 1000.0}
    for unit in ("us", "ms", "s"):
        if text.endswith(unit):
            return float(text[: -len(unit)]) * units[unit]
    return float(text)


rows = defaultdict(dict)
for line in open(sys.argv[1], encoding="utf-8"):
    cookies, site, round_, page, rps, p99, errors = line.split()
    rate = float(rps) / (2 if page == "quiz" else 1)
    rows[(cookies, site, page)][round_] = (rate, ms(p99), int(errors))
    if page.startswith("trivial:"):
        rows[(cookies, site, "trivial")][f"{round_}:{page}"] = (rate, ms(p99), int(errors))

names = {"trivial": "/Account/Lockout (trivial)", "catalogue": "Catalogue /courses", "course": "Course page",
         "lesson": "Lesson page", "studies": "My studies", "quiz": "Quiz POST + redirect (answers/s)"}
for cookies in sorted({k[0] for k in rows}, key=int):
    sites = sorted({k[1] for k in rows if k[0] == cookies}, reverse=True)
    print(f"\n{cookies} participant cookie(s)")
    print("| Page | " + " | ".join(f"{s} req/s | {s} ratio | {s} p99" for s in sites) + " |")
    print("|---|" + "---:|---:|---:|" * len(sites))
    for page in names:
        cells = []
        for site in sites:
            data = rows.get((cookies, site, page), {})
            base = rows.get((cookies, site, f"trivial:{page}")) or rows.get((cookies, site, "trivial"), {})
            if not data:
                cells += ["", "", ""]
                continue
            ratios = [data[r][0] / base[r][0] for r in data if r in base and base[r][0] > 0]
            errors = sum(v[2] for v in data.values())
            cells += [f"{statistics.median(v[0] for v in data.values()):,.0f}" + (f" ({errors} non-2xx/3xx)" if errors else ""),
                      f"{statistics.median(ratios) * 100:.0f} %", f"{statistics.median(v[1] for v in data.values()):.0f} ms"]
        print(f"| {names[page]} | " + " | ".join(cells) + " |")
