"""Check a built docs site (standard library only): every notebook has its page, no internal link or anchor is broken,
no page shows Python error text, every video has a source and every image data.

  python3 .ci/check_docs.py [_docs] [nbs]      # exit status 1 and one line per problem when something is wrong
"""
from __future__ import annotations

import re
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

# an uncaught exception, or a traceback printed by a cell (stderr warnings are allowed)
ERROR_TEXT = re.compile(r"Traceback \(most recent call last\)|^\s*\w*(?:Error|Exception): ", re.MULTILINE)


def page_name(notebook: Path) -> str:
  "The page nbdev (and Quarto) writes for a notebook: its name without the numeric prefix (`nbdev.config.nbpath2html`)."
  return re.sub(r"^\d+[a-zA-Z0-9]*_", "", notebook.name.lower()).removesuffix(".ipynb") + ".html"


class Page(HTMLParser):
  "The links, anchors, media and visible text of one page."

  def __init__(self):
    super().__init__(convert_charrefs=True)
    self.links, self.ids, self.videos, self.images, self.text, self._skip = [], set(), [], [], [], 0
    self._video = None

  def handle_starttag(self, tag, attrs):
    a = dict(attrs)
    if a.get("id"):
      self.ids.add(a["id"])
    if tag == "a" and a.get("name"):
      self.ids.add(a["name"])
    if tag == "a" and a.get("href"):
      self.links.append(a["href"])
    if tag in ("style", "script"):
      self._skip += 1
    if tag == "video":
      self._video = [a["src"]] if a.get("src") else []
      self.videos.append(self._video)
    if tag == "source" and self._video is not None and a.get("src"):
      self._video.append(a["src"])
    if tag == "img":
      self.images.append(a.get("src", ""))

  def handle_endtag(self, tag):
    if tag in ("style", "script"):
      self._skip -= 1
    if tag == "video":
      self._video = None

  def handle_data(self, data):
    if not self._skip:
      self.text.append(data)


def check(docs: Path, nbs: Path) -> list[str]:
  "Every problem found, one line each."
  problems = []
  expected = sorted({page_name(p) for p in nbs.glob("*.ipynb") if not p.name.startswith(("_", "."))})
  problems += [f"{name}: no page (from a notebook in {nbs})" for name in expected if not (docs / name).is_file()]
  pages = {}
  for path in sorted(docs.rglob("*.html")):
    if "site_libs" in path.parts:
      continue
    parser = Page()
    parser.feed(path.read_text(errors="replace"))
    pages[path.resolve()] = parser
  for path, page in pages.items():
    rel = path.relative_to(docs.resolve())
    text = "".join(page.text)
    if m := ERROR_TEXT.search(text):
      problems.append(f"{rel}: Python error text: {text[m.start():m.start() + 120].strip()!r}")
    for href in page.links:
      url = urlsplit(href)
      if url.scheme or url.netloc or href.startswith(("mailto:", "javascript:")):
        continue  # external: not checked offline
      target = (path.parent / unquote(url.path)).resolve() if url.path else path
      if url.path.endswith("/"):
        target = target / "index.html"
      if not target.exists():
        problems.append(f"{rel}: broken link {href}")
      elif url.fragment and target in pages and unquote(url.fragment) not in pages[target].ids:
        problems.append(f"{rel}: broken anchor {href}")
    for sources in page.videos:
      if not any(s.startswith("data:video/") or (path.parent / s).is_file() for s in sources):
        problems.append(f"{rel}: a video without a playable source ({sources[:1]})")
    for src in page.images:
      if not (src.startswith("data:image/") and len(src) > 100) and not (path.parent / unquote(src)).is_file():
        problems.append(f"{rel}: an image without data ({src[:60]!r})")
  return problems


if __name__ == "__main__":
  docs, nbs = (Path(a) for a in (sys.argv[1:3] + ["_docs", "nbs"][len(sys.argv[1:3]):]))
  if not docs.is_dir():
    sys.exit(f"{docs}: no docs site; build it first")
  found = check(docs, nbs)
  print("\n".join(found) or f"{docs}: {len(list(docs.rglob('*.html')))} pages, every notebook has one, no broken "
        "internal link, no Python error text, every video and image has data")
  sys.exit(1 if found else 0)
