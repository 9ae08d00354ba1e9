"""The README's screenshots, taken in headless Chromium (Debian's package, through Playwright):

    python docs/screenshots.py        # docs/report.png, docs/inspect-text.png, docs/inspect-html.png

report.png: the report of a run over the bundled examples (what `make demo` writes);
inspect-*.png: `newsclean inspect --html` of a bundled text dump and of a bundled HTML page.
"""
from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from newsclean.pipeline import report_html  # noqa: E402
from newsclean.pipeline.run import run  # noqa: E402


def shoot(pages: list[tuple[Path, Path, int]]) -> None:
    from playwright.sync_api import sync_playwright

    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        for src, png, height in pages:
            page = browser.new_page(viewport={"width": 1400, "height": height})
            page.goto(src.as_uri(), wait_until="load")
            page.screenshot(path=str(png))
            page.close()
            print(png)
        browser.close()


def main() -> None:
    docs = ROOT / "docs"
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        report = run([str(ROOT / "examples")], str(tmp / "out"), doc_timeout=None)
        text = report_html.write_inspect(str(ROOT / "examples" / "003_a7a0dd8b7647f308.txt"), tmp / "text.html")
        html = report_html.write_inspect(str(ROOT / "examples" / "assabah_com_tn_arabic.html"), tmp / "html.html")
        shoot([(Path(report["report_html"]), docs / "report.png", 2300), (text, docs / "inspect-text.png", 1250),
               (html, docs / "inspect-html.png", 1000)])


if __name__ == "__main__":
    main()
