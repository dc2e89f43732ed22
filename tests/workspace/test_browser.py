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


def test_a_student_writes_one_exercise_and_sees_checks_and_figures(lab: tuple[str, Path]) -> None:
    from playwright.sync_api import sync_playwright

    url, _ = lab
    artifacts = REPO / "build" / "artifacts"
    artifacts.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.set_default_timeout(90_000)
        try:
            _work_through_the_notebook(page, url, artifacts)
        except Exception:
            page.screenshot(path=str(artifacts / "browser_week01_failure.png"))
            raise
        finally:
            browser.close()


def _work_through_the_notebook(page: Any, url: str, artifacts: Path) -> None:
    """Open the notebook, write one answer, Run > Run All Cells, read the checks and a figure."""
    page.goto(url)
    page.wait_for_selector(".jp-Notebook .jp-Cell")
    page.wait_for_selector(".jp-Notebook-ExecutionIndicator[data-status='idle']", state="attached")
    answer = page.locator(".jp-CodeCell").filter(has_text=f"def {QUESTION}(").first
    answer.locator(".cm-content").click()
    page.keyboard.press("Control+a")
    page.keyboard.insert_text(_solution_of(QUESTION))
    page.keyboard.press("Escape")  # leave the editor, then use the menu as a student would
    page.locator(".lm-MenuBar-item").filter(has_text="Run").first.click()
    page.get_by_role("menuitem", name="Run All Cells", exact=True).click()
    check = page.locator(".jp-CodeCell").filter(has_text=f'grader.check("{QUESTION}")')
    check.locator(".jp-OutputArea-output").filter(has_text="passed").wait_for()
    page.locator(".jp-OutputArea-output").filter(has_text="Test case failed").first.wait_for()
    images = page.locator(".jp-OutputArea-output img")
    images.first.wait_for()
    # the picture shows what the student reads: the check's verdict
    check.first.locator(".jp-OutputArea-output").first.scroll_into_view_if_needed()
    page.screenshot(path=str(artifacts / "browser_week01.png"), full_page=False)
    images.first.screenshot(path=str(artifacts / "browser_week01_figure.png"))
    assert images.count() >= 1
