#!/usr/bin/env python3
"""make-collection.py OUT WEEKS PER_WEEK — writes a synthetic mirror collection (OUT/pages/<channel>/<id>.md):
PER_WEEK articles in each of WEEKS consecutive weeks from 2019-01-07, each a few KB of Chinese prose with its
dateline, so a build by week makes WEEKS books. Deterministic: the same arguments give the same bytes."""
import datetime
import os
import sys

DIGITS = "零一二三四五六七八九"


def small(n):
    """1–31 as a Chinese numeral: 十, 十一, 二十, 二十一…"""
    if n < 10:
        return DIGITS[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else DIGITS[tens]) + "十" + (DIGITS[ones] if ones else "")


def dateline(day):
    year = "".join(DIGITS[int(c)] for c in str(day.year))
    return f"【明慧网{year}年{small(day.month)}月{small(day.day)}日】"


def main():
    out, weeks, per_week = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    start = datetime.date(2019, 1, 7)
    prose = "我们在中国的生活是这样的一个大事情，人民都知道了这些年来的问题。"
    number = 0
    for week in range(weeks):
        for index in range(per_week):
            number += 1
            day = start + datetime.timedelta(days=7 * week + index % 7)
            channel = str(70 + number % 4)
            folder = os.path.join(out, "pages", channel)
            os.makedirs(folder, exist_ok=True)
            paragraphs = "\n".join(f"<p>{number} {p} {prose * 6}</p>" for p in range(8))
            text = (f"### 第{number}篇文章 week {week}\n\n<div>\n{dateline(day)}{prose}\n{paragraphs}\n</div>\n\n"
                    f"原文地址：https://example.org/{channel}/{number}.html\n")
            with open(os.path.join(folder, f"{number}.md"), "w", encoding="utf-8") as f:
                f.write(text)


main()
