"""Open docs pages in headless Chromium (standard library only): each page loads without a console error, its images
have decoded, its videos have a source and every equation (MathML, which Chromium renders natively) has a non-empty
box; a screenshot of each is written for a person to look at. Pages named after `--math` must show at least one
rendered equation.

  python3 .ci/check_docs_browser.py _docs OUT_DIR index.html explorer.html train.html --math reward.html tasks.html
"""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync", "--hide-scrollbars"]
# a page's own console messages, as Chromium logs them with --enable-logging=stderr
CONSOLE = re.compile(r":CONSOLE[^\]]*\]\s*(.*)")
# after load: a line per image that did not decode, per video without a source and per equation without a box (MathML
# that Chromium did not lay out), read back from the DOM
PROBE = """<script>addEventListener('load', () => {
  const bad = [...document.images].filter(i => !(i.complete && i.naturalWidth > 0)).map(i => 'IMAGE-NOT-LOADED ' + i.src.slice(0, 60));
  for (const v of document.querySelectorAll('video'))
    if (!v.querySelector('source[src]') && !v.getAttribute('src')) bad.push('VIDEO-WITHOUT-SOURCE');
  const maths = [...document.getElementsByTagNameNS('http://www.w3.org/1998/Math/MathML', 'math')];
  const drawn = maths.filter(m => { const r = m.getBoundingClientRect(); return r.width > 0 && r.height > 0; });
  if (drawn.length < maths.length) bad.push('EQUATION-NOT-RENDERED ' + (maths.length - drawn.length) + ' of ' + maths.length);
  document.body.setAttribute('data-probe', bad.length ? bad.join(' | ') : 'ok ' + document.images.length + ' images ' +
    document.querySelectorAll('video').length + ' videos ' + drawn.length + ' equations');
});</script>"""


def chromium() -> str:
  for name in ("chromium", "chromium-browser", "google-chrome"):
    if path := shutil.which(name):
      return path
  raise SystemExit("no chromium on PATH (Debian: apt-get install chromium)")


def open_page(page: Path, screenshot: Path, browser: str, need_math: bool = False) -> list[str]:
  "Problems found on one page (console errors, images or videos without data, equations not drawn); writes its screenshot."
  problems = []
  with tempfile.TemporaryDirectory() as tmp:
    probed = Path(tmp) / page.name  # the page plus the probe, beside nothing else: its media are inline
    probed.write_text(page.read_text().replace("</body>", PROBE + "</body>"))
    common = [browser, *FLAGS, f"--user-data-dir={tmp}/profile", "--enable-logging=stderr", "--v=0",
              "--virtual-time-budget=5000"]
    dom = subprocess.run([*common, "--dump-dom", probed.as_uri()], capture_output=True, text=True, timeout=120)
    shot = subprocess.run([*common, "--window-size=1280,2400", f"--screenshot={screenshot}", probed.as_uri()],
                          capture_output=True, text=True, timeout=120)
  for log in (dom.stderr, shot.stderr):
    problems += [f"{page.name}: console: {m.group(1)[:160]}" for m in CONSOLE.finditer(log)]
  probe = re.search(r'data-probe="([^"]*)"', dom.stdout)
  if probe is None:
    problems.append(f"{page.name}: the page did not load (chromium exit {dom.returncode}: {dom.stderr[-300:]!r})")
  elif not probe.group(1).startswith("ok"):
    problems.append(f"{page.name}: {probe.group(1)}")
  elif need_math and re.search(r" 0 equations$", probe.group(1)):
    problems.append(f"{page.name}: no rendered equation (MathML) on the page")
  else:
    print(f"{page.name}: {probe.group(1)}, screenshot {screenshot}")
  if not screenshot.is_file() or screenshot.stat().st_size < 5000:
    problems.append(f"{page.name}: no screenshot ({shot.stderr[-300:]!r})")
  return sorted(set(problems))


if __name__ == "__main__":
  if len(sys.argv) < 4:
    raise SystemExit(__doc__)
  docs, out, args = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3:]
  cut = args.index("--math") if "--math" in args else len(args)
  math_pages = set(args[cut + 1:])
  names = list(dict.fromkeys(args[:cut] + args[cut + 1:]))
  out.mkdir(parents=True, exist_ok=True)
  browser = chromium()
  found = [p for name in names for p in open_page(docs / name, out / f"{Path(name).stem}.png", browser, name in math_pages)]
  print("\n".join(found) or f"{len(names)} pages opened in {browser}: no console error, every image and video has data, "
        f"every equation drawn (at least one on {', '.join(sorted(math_pages)) or 'no page asked'})")
  sys.exit(1 if found else 0)
