"""A student in a real JupyterLab, in a real headless browser (Debian's chromium + Playwright):
open week 1 from the workspace, write one exercise, run everything, see the checks and a figure.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from typing import Any

import pytest

from course import workspace
from course.paths import Layout

pytestmark = pytest.mark.slow
REPO = Path(__file__).resolve().parents[2]
AID, QUESTION = "week01_vectors", "dot"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
WAIT_MS = 180_000  # generous: CI runs this beside the rest of the suite on two busy cores


@pytest.fixture()
def lab(tmp_path: Path, jupyter_server: Any) -> tuple[str, Path]:
    if not Path(CHROMIUM).exists():
        pytest.skip(
            "Debian's chromium is not installed: `python3 bootstrap.py test` installs "
            "it with apt-get when run as root"
        )
    if not Layout(REPO).release_notebook(AID).is_file():
        pytest.skip(f"{AID} is not built")
    prepared = workspace.prepare(AID, root=REPO, workspace=tmp_path / "ws")
    env = {
        **os.environ,
        "JUPYTER_CONFIG_DIR": str(tmp_path / "cfg"),
        "JUPYTERLAB_SETTINGS_DIR": str(tmp_path / "settings"),
        "JUPYTERLAB_WORKSPACES_DIR": str(tmp_path / "lab-ws"),
    }
    news = tmp_path / "settings" / "@jupyterlab" / "apputils-extension"
    news.mkdir(parents=True)  # no "get notified about Jupyter news?" toast over the page
    (news / "notification.jupyterlab-settings").write_text('{"fetchNews": "false"}')
    command = workspace.lab_command(prepared.folder, prepared.notebook, port=None, no_browser=True)
    command += [
        "--LabApp.news_url=",
        "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
    ]
    base, token = jupyter_server(command, prepared.folder, env)
    return f"{base}/lab/tree/{prepared.notebook.name}?token={token}", prepared.notebook


def _solution_of(question: str) -> str:
    solution = json.loads(Layout(REPO).solution_notebook(AID).read_text())
    for cell in solution["cells"]:
        meta = cell["metadata"].get("course", {})
        if meta.get("role") == "answer" and meta.get("question") == question:
            return "".join(cell["source"])
    raise AssertionError(f"no answer cell for {question}")


def test_a_student_writes_one_exercise_and_sees_checks_and_figures(
    lab: tuple[str, Path], tmp_path: Path
) -> None:
    from playwright.sync_api import sync_playwright

    url, notebook = lab
    cells_in_notebook = len(json.loads(notebook.read_text())["cells"])
    artifacts = REPO / "build" / "artifacts"
    artifacts.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.set_default_timeout(WAIT_MS)
        try:
            _work_through_the_notebook(page, url, artifacts, cells_in_notebook)
        except Exception as error:
            page.screenshot(path=str(artifacts / "browser_week01_failure.png"))
            # CI keeps only the log: say what the student's page showed and what the server said.
            raise AssertionError(f"{error}\n{_what_the_page_shows(page, tmp_path)}") from error
        finally:
            browser.close()


def _work_through_the_notebook(
    page: Any, url: str, artifacts: Path, cells_in_notebook: int
) -> None:
    """Open the notebook, write one answer, Run > Run All Cells, read the checks and a figure."""
    from playwright.sync_api import expect

    page.goto(url)
    # Ready means every cell attached and the kernel idle. The execution indicator alone is not
    # enough: it reads "idle" while the status bar still says "No Kernel | Initializing", and a
    # Run All then can find no kernel to run on. So wait for the kernel's own name and "Idle".
    page.wait_for_function(
        """n => document.querySelectorAll('.jp-Notebook .jp-Cell').length === n
            && [...document.querySelectorAll('.jp-StatusBar-TextItem')].some(
                 e => e.textContent.trim().endsWith('| Idle')
                   && !e.textContent.trim().startsWith('No Kernel'))""",
        arg=cells_in_notebook,
        timeout=WAIT_MS,
    )
    # Pinned by position: a locator by text would follow the text if it landed in another cell.
    cells = page.locator(".jp-Notebook .jp-Cell")
    where = cells.evaluate_all(
        "(cells, text) => cells.findIndex(c => c.textContent.includes(text))", f"def {QUESTION}("
    )
    assert where >= 0, f"no cell defines {QUESTION}"
    _type_into(page, cells.nth(where), _solution_of(QUESTION))
    page.keyboard.press("Escape")  # leave the editor, then use the menu as a student would
    page.locator(".lm-MenuBar-item").filter(has_text="Run").first.click()
    page.get_by_role("menuitem", name="Run All Cells", exact=True).click()
    verdict = _check_cell(page).locator(".jp-OutputArea-output").first
    expect(verdict).to_contain_text("passed", timeout=WAIT_MS)
    failed = page.locator(".jp-OutputArea-output").filter(has_text="Test case failed").first
    failed.wait_for(state="attached")
    images = page.locator(".jp-OutputArea-output img")
    images.first.wait_for(state="attached")
    # the picture shows what the student reads: the check's verdict
    verdict.scroll_into_view_if_needed()
    page.screenshot(path=str(artifacts / "browser_week01.png"), full_page=False)
    images.first.scroll_into_view_if_needed()
    images.first.screenshot(path=str(artifacts / "browser_week01_figure.png"))
    assert images.count() >= 1


def _check_cell(page: Any) -> Any:
    return page.locator(".jp-CodeCell").filter(has_text=f'grader.check("{QUESTION}")')


def _type_into(page: Any, cell: Any, text: str) -> None:
    """Replace a code cell's text as a student would: click into it, select all, type.

    Keys go to the editor only once it has focus; on a busy page a click can land while the
    cell is still being laid out, so, like a student who sees nothing typed, click again.
    """
    from playwright.sync_api import expect

    last_line = text.strip().splitlines()[-1].strip()
    editor = cell.locator(".cm-content")
    for attempt in range(3):
        editor.click()
        cell.locator(".cm-editor.cm-focused").wait_for(state="attached")
        page.keyboard.press("Control+a")
        page.keyboard.insert_text(text)
        try:
            expect(editor).to_contain_text(last_line, timeout=10_000)
            expect(editor).not_to_contain_text("NotImplementedError", timeout=10_000)
            return
        except AssertionError:
            if attempt == 2:
                raise


def _what_the_page_shows(page: Any, tmp_path: Path) -> str:
    """The answer cell, the check's output, any error output, and the server log's tail."""
    lines = []
    try:
        answer = page.locator(".jp-CodeCell").filter(has_text=f"def {QUESTION}(").first
        code = answer.locator(".cm-content").text_content(timeout=5000)
        lines.append(f"answer cell: {code}")
        lines.append(f"check cell: {_check_cell(page).first.text_content(timeout=5000)}")
        status = page.locator(".jp-Notebook-ExecutionIndicator").first
        lines.append("kernel: " + str(status.get_attribute("data-status", timeout=5000)))
        errors = page.locator(".jp-OutputArea-output[data-mime-type*='error']")
        lines += [f"error output: {errors.nth(i).text_content()}" for i in range(errors.count())]
    except Exception as error:  # the page itself may be gone; the log still helps
        lines.append(f"(could not read the page: {error})")
    for log in sorted(tmp_path.glob("jupyter-*.log")):
        lines.append(f"{log.name} (last lines):")
        lines += log.read_text(errors="replace").splitlines()[-40:]
    return "\n".join(lines)
