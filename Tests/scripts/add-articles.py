#!/usr/bin/env python3
"""add-articles.py COLLECTION — adds ten articles to a copy of a collection, for the catalog-grow check:
five copies of one existing week's Minghui articles (same dates, new ids and source URLs) and five copies
dated two weeks after the newest such article, in a week that has no book yet. Prints the two dates used."""
import datetime, pathlib, re, sys

DIGITS = "零一二三四五六七八九"
DATELINE = re.compile(r"【明慧网([零一二三四五六七八九〇]{4})年([一二三四五六七八九十]+)月([一二三四五六七八九十]+)日】")
URL = re.compile(r"(/mh/articles/)(\d{4})/(\d{1,2})/(\d{1,2})/(.*?)-(\d+)\.html")

def small(n):  # 1..31 in Chinese numerals, as the datelines write them
    tens, ones = divmod(n, 10)
    return ("" if tens < 2 else DIGITS[tens]) + ("十" if tens else "") + (DIGITS[ones] if ones else "")

def chinese(date):
    return "【明慧网" + "".join(DIGITS[int(d)] for d in str(date.year)) + "年" + small(date.month) + "月" + small(date.day) + "日】"

def parse(text):
    m = URL.search(text)
    if not m or not DATELINE.search(text):
        return None
    return datetime.date(int(m.group(2)), int(m.group(3)), int(m.group(4)))

root = pathlib.Path(sys.argv[1]) / "pages"
dated = []
for path in sorted(root.glob("*/*.md")):
    text = path.read_text(encoding="utf-8", errors="replace")
    date = parse(text)
    if date and DATELINE.search(text).group(0) == chinese(date):
        dated.append((date, path, text))
dated.sort(key=lambda item: (item[0], str(item[1])))
newest = dated[-1][0]
old = dated[len(dated) // 2][0]
new = newest + datetime.timedelta(days=14)
old_week = [item for item in dated if item[0] == old][:5]
new_week = dated[-5:]
serial = 9_000_001
for date, items in ((old, old_week), (new, new_week)):
    for source_date, path, text in items:
        text = DATELINE.sub(chinese(date), text, count=1)
        text = URL.sub(lambda m: f"{m.group(1)}{date.year}/{date.month}/{date.day}/{m.group(5)}-{serial}.html", text, count=1)
        (path.parent / f"{serial}.md").write_text(text, encoding="utf-8")
        serial += 1
print(old.isoformat(), new.isoformat())
