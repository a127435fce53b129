"""Build the docs site into `_docs/` from the notebooks' committed outputs, offline and without Quarto.

`uv run nbdev-docs` is nbdev's way and needs the Quarto binary on PATH (PyPI's `quarto-cli` downloads it from GitHub
when it is installed, so it cannot be a dependency of a project that installs offline). This script makes the same pages
without it: nbdev's own processing (`_proc/`: front matter, `show_doc` of every export, hidden cells and export cells
removed), then one self-contained HTML page per notebook (figures and videos inline, no script, no network).
No notebook is re-executed; only the cells the API docs need run (exports, pure imports and `show_doc` calls, as nbdev
does, but never a cell of tests that mixes imports with other code: those need the notebook's earlier, unexecuted cells).
The LaTeX of the markdown cells (`$...$`, `$$...$$`) becomes MathML here, at build time (latex2mathml), which browsers
render natively; the prose after a notebook's title and description stays on its page (nbdev's front matter would
drop the whole first cell).

  uv run python scripts/build_docs.py             # -> _docs/index.html and one page per notebook
  python3 -m http.server -d _docs 8000            # preview at http://localhost:8000

With Quarto (`uv sync --group docs` installs PyPI's `quarto-cli`, which needs GitHub while it installs), `--quarto` runs
nbdev's own `nbdev-docs` instead, with the same evaluation rule, into the same `_docs/`.
"""
from __future__ import annotations

import argparse
import ast
import html
import re
import shutil
import time
from pathlib import Path

CSS = """
body { margin: 0; font: 15px/1.5 system-ui, sans-serif; color: #1d2330; display: flex; }
nav { width: 220px; flex: none; padding: 16px; background: #f3f5f8; min-height: 100vh; box-sizing: border-box; }
nav a { display: block; color: #24508a; text-decoration: none; padding: 2px 0; }
nav a.here { font-weight: bold; }
main { max-width: 1000px; padding: 8px 32px 64px; min-width: 0; }
pre { background: #f6f8fa; padding: 8px; overflow-x: auto; font-size: 13px; }
code { font-size: 90%; }
table { border-collapse: collapse; } td, th { border: 1px solid #d0d5dd; padding: 2px 8px; }
img, video { max-width: 100%; }
.prompt { display: none; }
a.anchor-link { font-size: 60%; color: #99a; text-decoration: none; margin-left: 6px; }
p.description { color: #556; font-size: 110%; }
"""


def _eval_exports_and_imports(cell):
  "nbdev's `_do_eval`, without cells that mix imports with other (test) code: docs need exports, imports and `show_doc`."
  from nbdev.processors import _show_docs, cell_lang

  if cell.cell_type != "code" or cell_lang(cell) != "python" or not cell.source or "nbdev_export()" in cell.source:
    return False
  if cell.directives_.get("eval", "").lower() == "false":
    return False
  if cell.directives_.keys() & {"export", "exports", "exporti", "exec_doc"}:
    return True
  trees = cell.parsed_()
  if not trees:
    return False
  return all(isinstance(t, (ast.Import, ast.ImportFrom)) for t in trees) or len(_show_docs(trees)) == len(trees)


def prose_after_front_matter(source: str) -> str | None:
  "A title cell without the lines nbdev's front matter takes (title, the `>` description, `- key: value`), or None."
  lines = source.split("\n")
  title = next((i for i, l in enumerate(lines) if re.match(r"^#\s+\S", l)), None)
  quote = next((i for i, l in enumerate(lines) if l.startswith(">")), None)
  drop = {title} if title is not None else set()
  if quote is not None:  # the first blockquote, whole (nbdev reads its first line: `.ci/check_docs.py` wants only one)
    end = quote
    while end < len(lines) and lines[end].startswith(">"):
      end += 1
    drop |= set(range(quote, end))
  drop |= {i for i, l in enumerate(lines) if re.match(r"^-\s+(\S.*:.*\S)\s*$", l)}
  rest = "\n".join(l for i, l in enumerate(lines) if i not in drop).strip()
  return rest or None


def _keep_prose(self, f, cell):
  "`FrontmatterProc._update`, keeping the prose of the title cell on the page."
  source = cell.get("source")
  if not source or not (d := f(source)):
    return
  self.fm.update(d)
  cell.source = prose_after_front_matter(source) if cell.cell_type == "markdown" else None


def process_notebooks(force: bool) -> Path:
  "nbdev's processing of every notebook into `_proc/`, in this process (so the rules above apply)."
  import nbdev.processors
  from nbdev.config import get_config
  from nbdev.frontmatter import FrontmatterProc
  from nbdev.serve import proc_nbs

  nbdev.processors._do_eval = _eval_exports_and_imports
  FrontmatterProc._update = _keep_prose
  cache = get_config().config_path / "_proc"
  force = force or (cache.exists() and cache.stat().st_mtime < Path(__file__).stat().st_mtime)  # these rules changed
  return proc_nbs(n_workers=0, force=force)


def _front_matter(nb) -> dict:
  import yaml

  first = nb.cells[0] if nb.cells else None
  if first is not None and first.cell_type == "raw" and first.source.startswith("---"):
    nb.cells.pop(0)
    return yaml.safe_load(first.source.strip().strip("-")) or {}
  return {}


_DIRECTIVE = re.compile(r"^\s*#\|\s*(.*)$")


# fenced code blocks and code spans of a markdown cell: their `$` is not math
_MD_CODE = re.compile(r"^[ \t]*(```|~~~).*?^[ \t]*\1[ \t]*$|(`+).*?(?<!`)\2(?!`)", re.DOTALL | re.MULTILINE)
# $$display$$ (may span lines) or $inline$ (no blank line inside, no space after the opening or before the closing `$`)
_MD_MATH = re.compile(r"(?<!\\)\$\$(.+?)\$\$|(?<![\\$])\$(?=\S)((?:[^$\n]|\n(?!\s*\n))+?)(?<=[^\s\\])\$(?!\$)", re.DOTALL)


def extract_math(source: str, maths: list[str]) -> str:
  "Markdown with each LaTeX formula replaced by a placeholder; the formulas, as MathML, are appended to `maths`."
  from latex2mathml.converter import convert

  def one(m):
    tex, display = (m.group(1), "block") if m.group(1) is not None else (m.group(2), "inline")
    try:
      maths.append(convert(tex.strip(), display=display))
    except Exception as e:  # latex2mathml raises plain exceptions on TeX it does not know
      raise ValueError(f"latex2mathml cannot convert {tex.strip()!r}: {type(e).__name__}: {e}") from None
    return f"SMPMATHPLACEHOLDER{len(maths) - 1}X"

  out, pos = [], 0
  for code in _MD_CODE.finditer(source):  # math only in the text between code
    out += [_MD_MATH.sub(one, source[pos:code.start()]), code.group(0)]
    pos = code.end()
  return "".join(out + [_MD_MATH.sub(one, source[pos:])])


def insert_math(body: str, maths: list[str]) -> str:
  "The page with every placeholder replaced by its MathML."
  return re.sub(r"SMPMATHPLACEHOLDER(\d+)X", lambda m: maths[int(m.group(1))], body)


def _prepare(nb, maths: list[str]):
  "Math to placeholders, hide the input of `echo: false` cells and drop every `#|` directive line (Quarto reads them)."
  for cell in nb.cells:
    cell.pop("has_sd", None)  # nbdev's mark on the cells it adds for `show_doc`, and its run times: not nbformat
    cell.get("metadata", {}).pop("execution", None)
    for output in cell.get("outputs", []):
      output.pop("transient", None)
    if cell.cell_type == "markdown":
      cell.source = extract_math(cell.source, maths)
    if cell.cell_type != "code":
      continue
    lines = cell.source.split("\n")
    directives = [m.group(1).strip() for l in lines if (m := _DIRECTIVE.match(l))]
    cell.source = "\n".join(l for l in lines if not _DIRECTIVE.match(l)).strip("\n")
    tags = set(cell.metadata.get("tags", []))
    if "echo: false" in directives or not cell.source:
      tags.add("remove_input")
    cell.metadata["tags"] = sorted(tags)


def build(out: Path, force: bool = False) -> list[Path]:
  "Process the notebooks and write one HTML page per notebook into `out`; returns the pages."
  import nbformat
  from nbconvert import HTMLExporter
  from nbdev.config import get_config
  from pygments.formatters import HtmlFormatter
  from traitlets.config import Config

  cfg = get_config()
  cache = process_notebooks(force)
  nbs = sorted(p for p in cache.glob("*.ipynb") if not p.name.startswith(("_", ".")))
  c = Config()
  c.TagRemovePreprocessor.enabled = True
  c.TagRemovePreprocessor.remove_input_tags = {"remove_input"}
  exporter = HTMLExporter(config=c, template_name="basic")
  site = f"{cfg.doc_host}{cfg.doc_baseurl}".rstrip("/") + "/"  # nbdev links exports to the hosted site: keep them here
  pages = []
  for path in nbs:
    nb = nbformat.read(path, as_version=4)
    meta = _front_matter(nb)
    name = meta.get("output-file") or path.with_suffix(".html").name
    pages.append((name, meta.get("title") or path.stem, meta.get("description", ""), nb))
  index = [p for p in pages if p[0] == "index.html"]
  pages = index + [p for p in pages if p[0] != "index.html"]
  shutil.rmtree(out, ignore_errors=True)
  out.mkdir(parents=True)
  style = CSS + HtmlFormatter().get_style_defs(".highlight")
  written = []
  for name, title, description, nb in pages:
    maths = []
    try:
      _prepare(nb, maths)
    except ValueError as e:
      raise SystemExit(f"build_docs.py: {name}: {e}") from None
    body, _ = exporter.from_notebook_node(nb)
    body = insert_math(body, maths)
    body = body.replace(f'href="{site}', 'href="')
    nav = "\n".join(f'<a href="{n}"{" class=here" if n == name else ""}>{html.escape(t)}</a>' for n, t, _, _ in pages)
    desc = re.sub(r"`([^`]+)`", r"<code>\1</code>", html.escape(description))  # the one markdown a description uses
    desc = f'<p class="description">{desc}</p>' if description else ""
    page = (f'<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>{html.escape(title)} - {cfg.lib_name}'
            f'</title>\n<style>{style}</style></head>\n<body><nav><b>{cfg.lib_name}</b>\n{nav}</nav>\n'
            f'<main><h1>{html.escape(title)}</h1>{desc}\n{body}\n</main></body></html>\n')
    (out / name).write_text(page)
    written.append(out / name)
  return written


if __name__ == "__main__":
  parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
  parser.add_argument("--force", action="store_true", help="reprocess every notebook (ignore _proc/'s cache)")
  parser.add_argument("--quarto", action="store_true", help="nbdev's own Quarto website (needs `quarto` on PATH)")
  args = parser.parse_args()
  from nbdev.config import get_config

  start = time.time()
  if args.quarto:
    if not shutil.which("quarto"):  # nbdev would try to install it with sudo
      raise SystemExit("build_docs.py: error: no `quarto` on PATH: `uv sync --group docs` (needs GitHub) or quarto.org")
    import nbdev.processors
    from nbdev.quarto import nbdev_docs

    nbdev.processors._do_eval = _eval_exports_and_imports
    nbdev_docs.__wrapped__(n_workers=0)  # in this process, so the rule above applies
    print(f"nbdev-docs wrote {get_config().doc_path} in {time.time() - start:.0f} s")
  else:
    pages = build(get_config().config_path / get_config().doc_path.name, args.force)
    print(f"wrote {len(pages)} pages to {pages[0].parent} in {time.time() - start:.0f} s")
