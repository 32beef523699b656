#!/usr/bin/env python3
"""check-report.py CORPUS REPORT.json — checks a `sheaf build --report` against the collection it came from.

Independent of Sheaf's code: walks the corpus itself, opens the books with zipfile.
- every article file (pages/<channel>/<id>.md) appears exactly once: in a volume's articles' files, in skipped
  or in excluded (left out on purpose, e.g. outside a time window);
- at most 1% skipped, each with a reason;
- each packaged article's title appears in its book's nav document and NCX;
- no chapter contains page furniture (share block, source line, ads, scripts, hidden spans).
"""
import html, json, os, sys, zipfile

FURNITURE = ["手机上长按", "原文地址", "gfw-breaker", "adsbygoogle", "<script", "<iframe", "display:none"]

def main(corpus, report_path):
    report = json.load(open(report_path, encoding="utf-8"))
    expected = set()
    for dirpath, _, names in os.walk(os.path.join(corpus, "pages")):
        expected.update(os.path.realpath(os.path.join(dirpath, n)) for n in names if n.endswith(".md"))
    seen, problems = [], []
    for skip in report["skipped"] + report.get("excluded", []):
        seen.append(os.path.realpath(skip["file"]))
        if not skip.get("reason"):
            problems.append(f"skipped without a reason: {skip['file']}")
    packaged = 0
    for volume in report["volumes"]:
        if volume.get("status") != "written":
            problems.append(f"book not written: {volume['file']}: {volume.get('error')}")
            continue
        with zipfile.ZipFile(volume["file"]) as book:
            nav = book.read("OEBPS/nav.xhtml").decode("utf-8")
            ncx = book.read("OEBPS/toc.ncx").decode("utf-8")
            for article in volume["articles"]:
                packaged += 1
                seen.extend(os.path.realpath(f) for f in article["files"])
                title = html.escape(article["title"], quote=False)
                if title not in nav or title not in ncx:
                    problems.append(f"{volume['file']}: title not in nav/NCX: {article['title']}")
                chapter = book.read(article["chapter"]).decode("utf-8")
                problems += [f"{article['chapter']} in {volume['file']} contains {bad}" for bad in FURNITURE if bad in chapter]
    missing = expected - set(seen)
    duplicated = {f for f in seen if seen.count(f) > 1} if len(seen) != len(set(seen)) else set()
    extra = set(seen) - expected
    problems += [f"not accounted for: {f}" for f in sorted(missing)]
    problems += [f"accounted for twice: {f}" for f in sorted(duplicated)]
    problems += [f"not an input file: {f}" for f in sorted(extra)]
    skipped = len(report["skipped"])
    if skipped > len(expected) / 100:
        problems.append(f"{skipped} of {len(expected)} files skipped: more than 1%")
    print(f"{os.path.basename(report_path)}: {len(expected)} article files; {packaged} articles packaged in "
          f"{len(report['volumes'])} books; {skipped} skipped; {len(problems)} problems")
    for p in problems[:50]:
        print("  " + p)
    return 1 if problems else 0

if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
