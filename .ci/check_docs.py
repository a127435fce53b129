"""Check a built docs site (standard library only): every notebook has its page, no internal link or anchor is broken,
no page shows Python error text, every video has a source and every image data, no page shows raw TeX (the build turns
it into MathML), the pages in `EQUATION_PAGES` carry their equations, the index links to every equation, and every
page shows its notebook's whole description, the first paragraph of its module's docstring.

  python3 .ci/check_docs.py [_docs] [nbs]      # exit status 1 and one line per problem when something is wrong
"""
from __future__ import annotations

import ast
import json
import re
import sys
import tomllib
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

# an uncaught exception, or a traceback printed by a cell (stderr warnings are allowed)
ERROR_TEXT = re.compile(r"Traceback \(most recent call last\)|^\s*\w*(?:Error|Exception): ", re.MULTILINE)
# LaTeX left as text: a `$...$` / `$$...$$` formula, or a TeX command such as \frac (outside code, pre and MathML)
RAW_TEX = re.compile(r"\$\$|\$[^$\s][^$]*?(?<!\s)\$|\\(?:[a-zA-Z]{2,}|[,;!{}_^])")
# the pages that must show equations as MathML: page -> how many displayed (`$$`) equations at least (issue 29)
EQUATION_PAGES = {"reward.html": 3, "diffusion.html": 3, "pretrain.html": 1, "tasks.html": 6, "data.html": 2,
                  "dataset.html": 2, "metrics.html": 5, "compare.html": 1}
# anchors that must stand on a page: the tasks page has one equation per task
EQUATION_ANCHORS = {"tasks.html": ("eq-forward", "eq-steering", "eq-location", "eq-getup"),
                    "reward.html": ("eq-normaliser", "eq-r-smp", "eq-compositions"),
                    "diffusion.html": ("eq-schedule", "eq-sampling", "eq-sds-error")}


def page_name(notebook: Path) -> str:
  "The page nbdev (and Quarto) writes for a notebook: its name without the numeric prefix (`nbdev.config.nbpath2html`)."
  return re.sub(r"^\d+[a-zA-Z0-9]*_", "", notebook.name.lower()).removesuffix(".ipynb") + ".html"


class Page(HTMLParser):
  "The links, anchors, media and visible text of one page."

  def __init__(self):
    super().__init__(convert_charrefs=True)
    self.links, self.ids, self.videos, self.images, self.text, self._skip = [], set(), [], [], [], 0
    self._video = None
    self.prose, self._code = [], 0  # visible text outside code, pre and MathML
    self.maths = {"block": 0, "inline": 0}  # MathML elements by display
    self.description, self._in_description = None, False

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
    if tag in ("pre", "code", "math"):
      self._code += 1
    if tag == "math":
      self.maths["block" if a.get("display") == "block" else "inline"] += 1
    if tag == "p" and "description" in (a.get("class") or "").split():
      self.description, self._in_description = "", True

  def handle_endtag(self, tag):
    if tag in ("style", "script"):
      self._skip -= 1
    if tag == "video":
      self._video = None
    if tag in ("pre", "code", "math"):
      self._code -= 1
    if tag == "p":
      self._in_description = False

  def handle_data(self, data):
    if not self._skip:
      self.text.append(data)
      if not self._code:
        self.prose.append(data)
    if self._in_description:
      self.description += data


def _norm(text: str) -> str:
  return " ".join(text.split())


def notebook_description(notebook: Path) -> tuple[list[str], str | None]:
  "The `>` lines of a notebook's first markdown cell (nbdev's front matter reads only the first), and its default_exp."
  cells = json.loads(notebook.read_text())["cells"]
  first = next((c for c in cells if c["cell_type"] == "markdown"), None)
  lines = "".join(first["source"]).split("\n") if first else []
  start = next((i for i, l in enumerate(lines) if l.startswith(">")), None)
  quote = []
  if start is not None:
    for l in lines[start:]:
      if not l.startswith(">"):
        break
      quote.append(l.lstrip(">").strip())
  module = None
  for c in cells:
    if c["cell_type"] == "code" and (m := re.search(r"^#\|\s*default_exp\s+(\S+)", "".join(c["source"]), re.MULTILINE)):
      module = m.group(1)
      break
  return quote, module


def module_docstring(nbs: Path, module: str) -> str | None:
  "The docstring of an exported module (`nbs/../<lib_path>/<module>.py`), as nbdev wrote it from the description."
  project = nbs.resolve().parent
  lib_path = "smp_nb"
  if (pyproject := project / "pyproject.toml").is_file():
    lib_path = tomllib.loads(pyproject.read_text()).get("tool", {}).get("nbdev", {}).get("lib_path", lib_path)
  path = project / lib_path / (module.replace(".", "/") + ".py")
  return ast.get_docstring(ast.parse(path.read_text()), clean=True) if path.is_file() else None


def _differ(shown: str, wanted: str) -> str:
  "Where two descriptions part: the common start's last words, then each one's rest."
  i = next((k for k, (a, b) in enumerate(zip(shown, wanted)) if a != b), min(len(shown), len(wanted)))
  return f"...{shown[max(i - 30, 0):i]!r} then {shown[i:i + 40]!r} on the page, {wanted[i:i + 40]!r} wanted"


def check_descriptions(docs: Path, nbs: Path, pages: dict) -> list[str]:
  "Every page shows its notebook's whole description, which is the first paragraph of its module's docstring."
  problems = []
  for notebook in sorted(p for p in nbs.glob("*.ipynb") if not p.name.startswith(("_", "."))):
    name = page_name(notebook)
    quote, module = notebook_description(notebook)
    if not quote:
      problems.append(f"{notebook.name}: no `>` description in its first markdown cell")
      continue
    whole = _norm(" ".join(quote))
    if len(quote) > 1:
      problems.append(f"{notebook.name}: its description spans {len(quote)} `>` lines; nbdev's front matter reads only "
                      f"the first, so the page cuts it off: write it on one line")
    page = pages.get((docs / name).resolve())
    if page is not None:
      shown = _norm(page.description or "")
      if shown != whole.replace("`", ""):
        problems.append(f"{name}: not the notebook's whole description: {_differ(shown, whole.replace('`', ''))}")
      if module is not None:
        doc = module_docstring(nbs, module)
        first = _norm(doc.split("\n\n")[0]) if doc else None
        if first is None:
          problems.append(f"{name}: module {module} has no docstring (run nbdev-export)")
        elif shown != first.replace("`", ""):
          problems.append(f"{name}: its description is not the first paragraph of module {module}'s docstring (run "
                          f"nbdev-export): {_differ(shown, first.replace('`', ''))}")
  return problems


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
    prose = "".join(page.prose)
    for m in list(RAW_TEX.finditer(prose))[:3]:
      problems.append(f"{rel}: raw TeX on the page: {prose[max(m.start() - 30, 0):m.end() + 30].strip()!r}")
  for name, least in EQUATION_PAGES.items():
    page = pages.get((docs / name).resolve())
    if page is not None and page.maths["block"] < least:
      problems.append(f"{name}: {page.maths['block']} displayed equations (MathML), expected at least {least}")
    for anchor in EQUATION_ANCHORS.get(name, ()):
      if page is not None and anchor not in page.ids:
        problems.append(f"{name}: no equation anchored #{anchor}")
  index = pages.get((docs / "index.html").resolve())
  if index is not None:  # the map in the index links to every equation of the site
    linked = {(urlsplit(h).path or "index.html", unquote(urlsplit(h).fragment)) for h in index.links}
    for path, page in pages.items():
      for anchor in sorted(i for i in page.ids if i.startswith("eq-")):
        if (path.name, anchor) not in linked:
          problems.append(f"index.html: the equation map does not link to {path.name}#{anchor}")
  problems += check_descriptions(docs, nbs, pages)
  return problems


if __name__ == "__main__":
  docs, nbs = (Path(a) for a in (sys.argv[1:3] + ["_docs", "nbs"][len(sys.argv[1:3]):]))
  if not docs.is_dir():
    sys.exit(f"{docs}: no docs site; build it first")
  found = check(docs, nbs)
  print("\n".join(found) or f"{docs}: {len(list(docs.rglob('*.html')))} pages, every notebook has one, no broken "
        "internal link, no Python error text, every video and image has data, no raw TeX, equations as MathML on "
        f"{', '.join(EQUATION_PAGES)}, each linked from the index, every description whole")
  sys.exit(1 if found else 0)
