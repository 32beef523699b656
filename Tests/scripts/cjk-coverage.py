#!/usr/bin/env python3
"""cjk-coverage.py CORPUS REPORT.json [--low 98] [--high 102] — does every book keep every CJK character?
(`cjk-coverage.py --self-test` checks the counting on an inline article.)

An independent check, sharing no code or logic with Sheaf: for each article packaged in the books of a
`sheaf build --report`, it counts the visible CJK characters of the article's source content and of its
chapter (all parts of it), and reports the ratio chapter / source. Exits 1 when any article is outside the band.

What counts: CJK ideographs (the URO, extensions A to G, compatibility ideographs) and CJK punctuation (the
CJK Symbols and Punctuation block except the ideographic space U+3000, which is whitespace; fullwidth forms).
Latin text, digits, whitespace and general punctuation (“” … —) are not counted.

Source content, read from the article file by its layout: after the navigation line that follows the first
dashes line, up to the share block (the last `<hr` before the line that invites sharing, else before the
original-URL line). Markdown promo lines inside the content (`#### [ … ](…)`, `---`) are boilerplate. Visible
means: not in a tag, comment, script, style, template, noscript, iframe, nor in an element hidden by
`display:none`, `visibility:hidden` or the `hidden` attribute; entities decoded.

Chapter text: the body of the chapter file and its split parts (`cNNNN-2.xhtml`, …), without the `<h1>` title,
the byline (`class="byline"`), image placeholders (`class="image-missing"`: they show an image's alt text,
which the source does not show as text) and video, audio and frame placeholders (`class="media-missing"`: their
"［视频］" is Sheaf's own word for an element the source shows as a player, not as text).
"""
import argparse, json, os, re, statistics, sys, zipfile
from html.parser import HTMLParser

# MARK: - Counting

CJK_RANGES = [
    (0x3001, 0x303F),    # CJK symbols and punctuation (not U+3000, a space)
    (0x3400, 0x4DBF),    # extension A
    (0x4E00, 0x9FFF),    # unified ideographs
    (0xF900, 0xFAFF),    # compatibility ideographs
    (0xFF01, 0xFF60),    # fullwidth punctuation and forms
    (0xFFE0, 0xFFE6),    # fullwidth signs
    (0x20000, 0x3134F),  # extensions B to G, compatibility supplement
]

def is_cjk(ch):
    code = ord(ch)
    return any(lo <= code <= hi for lo, hi in CJK_RANGES)

def cjk_count(text):
    return sum(1 for ch in text if ord(ch) >= 0x3001 and is_cjk(ch))

# MARK: - Visible text of soup

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track",
        "wbr", "keygen"}
INVISIBLE = {"script", "style", "template", "noscript", "iframe", "head", "title", "textarea", "select",
             "object", "video", "audio", "canvas", "svg", "math"}
HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)


class VisibleText(HTMLParser):
    """Collects the text a browser would show, keeping a stack of open elements to know what is hidden.

    Soup closes elements out of order: an end tag closes the nearest open element of its name and everything
    opened after it; an end tag with no open element of its name is ignored.
    """

    def __init__(self, skip_classes=(), skip_tags=()):
        super().__init__(convert_charrefs=True)
        self.skip_classes, self.skip_tags = set(skip_classes), set(skip_tags)
        self.stack = []   # (tag, hides)
        self.hidden = 0   # how many open elements hide their content
        self.parts = []

    def hides(self, tag, attrs):
        attrs = dict(attrs)
        if tag in INVISIBLE or tag in self.skip_tags or "hidden" in attrs:
            return True
        if HIDDEN_STYLE.search(attrs.get("style") or ""):
            return True
        return bool(self.skip_classes & set((attrs.get("class") or "").split()))

    def handle_starttag(self, tag, attrs):
        if tag in VOID:
            return
        hides = self.hides(tag, attrs)
        self.stack.append((tag, hides))
        self.hidden += hides

    def handle_startendtag(self, tag, attrs):
        pass  # `<span style="display:none"/>` hides nothing

    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                self.hidden -= sum(h for _, h in self.stack[i:])
                del self.stack[i:]
                return

    def handle_data(self, data):
        if not self.hidden:
            self.parts.append(data)

    def text(self):
        return "".join(self.parts)


def visible_text(html, **options):
    parser = VisibleText(**options)
    parser.feed(html)
    parser.close()
    return parser.text()

# MARK: - Source content

DASHES = re.compile(r"^\s*-{3,}\s*$")
NAVIGATION = re.compile(r"^\s*#{1,6}\s*\[[^\]]*\]\([^)]*\)")   # `#### [首页](…) | …`, `#### [ 🔥 …](…)`
SHARE = re.compile(r"长按并复制|分享本文章")
SOURCE_LINE = re.compile(r"^\s*原文(地址|链接)")
HR = re.compile(r"<hr\b", re.I)


def source_content(text):
    """The article's content lines: between the navigation line and the share block, promo lines removed."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    start = next((i + 1 for i, line in enumerate(lines) if DASHES.match(line)), 0)
    while start < len(lines) and (not lines[start].strip() or NAVIGATION.match(lines[start])):
        start += 1
    end = next((i for i, line in enumerate(lines) if i >= start and SHARE.search(line)), None)
    if end is None:
        end = next((i for i, line in enumerate(lines) if i >= start and SOURCE_LINE.match(line)), len(lines))
    # The share block opens with the last `<hr` above it.
    for i in range(end - 1, max(start, end - 4) - 1, -1):
        if HR.search(lines[i]):
            lines[i] = lines[i][:HR.search(lines[i]).start()]
            end = i + 1
            break
    content = lines[start:end]
    return "\n".join(line for line in content if not (NAVIGATION.match(line) or DASHES.match(line)))


def source_text(path):
    raw = open(path, "rb").read()
    for encoding in ("utf-8", "gb18030"):
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        text = raw.decode("utf-8", errors="replace")
    return visible_text(source_content(text))

# MARK: - Chapter text

def chapter_parts(book, first):
    """The chapter's file and its split parts, in order."""
    names = set(book.namelist())
    parts, stem = [first], first[: -len(".xhtml")]
    n = 2
    while f"{stem}-{n}.xhtml" in names:
        parts.append(f"{stem}-{n}.xhtml")
        n += 1
    return parts


def chapter_text(book, first):
    return "".join(visible_text(book.read(part).decode("utf-8"), skip_tags={"h1"},
                                skip_classes={"byline", "image-missing", "media-missing"}) for part in chapter_parts(book, first))

# MARK: - Self-test

SELF_TEST_ARTICLE = """### 标题
------------------------

#### [首页](https://example.org/) &nbsp;|&nbsp; [导航](https://example.org/b)

<div class="content">
 <p>正文一&#20108;&amp;<ok href="x">链接</ok><span style="display: none">隐藏</span>
  <p>正文三<!-- 注释 --><script>var s = "脚本";</script></p>
#### [ 🔥 推广](https://example.org/promo)
---
 <b>粗体<i>交叉</b>斜体</i></p>
</div>

<hr/>
手机上长按并复制下列链接或二维码分享本文章：<br/>
https://example.org/pages/1/1.md <br/>
原文地址（需翻墙访问）：http://example.org/1.html


------------------------
#### [首页](https://example.org/)
"""
SELF_TEST_CHAPTER = ('<html><head><title>标题</title></head><body><section><h1>标题</h1>'
                     '<p class="byline"><span>明慧网</span></p><p>正文一二<a href="x">链接</a></p>'
                     '<p>正文三</p><p><span class="image-missing">［图片：说明］</span>粗体交叉斜体</p>'
                     '<p><span class="media-missing">［视频］ <a href="https://example.org/v.mp4">v</a></span></p>'
                     '</section></body></html>')


def self_test():
    """Checks the counting on an inline article: the script must see what a reader sees, and nothing more."""
    source = visible_text(source_content(SELF_TEST_ARTICLE))
    chapter = visible_text(SELF_TEST_CHAPTER, skip_tags={"h1"}, skip_classes={"byline", "image-missing", "media-missing"})
    expected = "正文一二链接正文三粗体交叉斜体"
    failures = [f"{name}: {''.join(ch for ch in text if is_cjk(ch))} != {expected}"
                for name, text in (("source", source), ("chapter", chapter))
                if "".join(ch for ch in text if is_cjk(ch)) != expected]
    if cjk_count("中，。「」ａ　abc 1“”") != 6:
        failures.append(f"cjk_count counts {cjk_count('中，。「」ａ　abc 1“”')} of 6")
    print("cjk-coverage self-test: " + ("ok" if not failures else "; ".join(failures)))
    return 1 if failures else 0

# MARK: - Report

def measure(report):
    rows = []
    for volume in report["volumes"]:
        if volume.get("status") != "written":
            continue
        with zipfile.ZipFile(volume["file"]) as book:
            for article in volume["articles"]:
                source = cjk_count(source_text(article["files"][0]))
                chapter = cjk_count(chapter_text(book, article["chapter"]))
                ratio = chapter / source if source else (1.0 if chapter == 0 else float("inf"))
                rows.append((ratio, source, chapter, article["files"][0], volume["file"], article["chapter"]))
    return rows


def main():
    if sys.argv[1:] == ["--self-test"]:
        return self_test()
    arguments = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    arguments.add_argument("corpus")
    arguments.add_argument("report")
    arguments.add_argument("--low", type=float, default=98.0, help="lowest percentage allowed (default 98)")
    arguments.add_argument("--high", type=float, default=102.0, help="highest percentage allowed (default 102)")
    options = arguments.parse_args()
    rows = measure(json.load(open(options.report, encoding="utf-8")))
    if not rows:
        print("cjk-coverage: no packaged article in the report")
        return 1
    ratios = sorted(r[0] for r in rows)
    outliers = sorted(r for r in rows if not options.low <= r[0] * 100 <= options.high)
    print(f"{os.path.basename(options.report)}: CJK characters kept, chapter/source, over {len(rows)} articles: "
          f"min {ratios[0]:.2%}, median {statistics.median(ratios):.2%}, max {ratios[-1]:.2%}; "
          f"{sum(r[1] for r in rows)} in sources, {sum(r[2] for r in rows)} in chapters; "
          f"{len(outliers)} outside {options.low:g}–{options.high:g}%")
    for ratio, source, chapter, file, book, part in outliers:
        print(f"  {ratio:8.2%}  {chapter}/{source}  {os.path.relpath(file, options.corpus)}  "
              f"{os.path.basename(book)}:{part}")
    return 1 if outliers else 0


if __name__ == "__main__":
    sys.exit(main())
