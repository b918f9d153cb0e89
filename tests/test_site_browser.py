"""The documentation site in a real browser: Debian's chromium, headless.

Skipped, with the reason, where chromium is not installed (apt-get install -y chromium).
"""

from __future__ import annotations

import contextlib
import html
import io
import shutil
import subprocess
from pathlib import Path

import pytest

from rnn_spec.cli import main
from rnn_spec.cli.step_registry import load_features

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = shutil.which("chromium")
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"

pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="chromium is not installed; install it with: apt-get install -y chromium"
)


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("browser_site")
    argv = ["docs", "--out", str(out), "--features", str(ROOT / "features"), "--conftest", str(ROOT / "conftest.py")]
    with contextlib.redirect_stderr(io.StringIO()):
        assert main(argv) == 0
    return out


def chromium(page: Path, profile: Path, *arguments: str) -> subprocess.CompletedProcess:
    """Run headless chromium on a local file, with a fresh profile and no network services."""
    command = [
        CHROMIUM,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={profile}",
        *arguments,
        page.as_uri(),
    ]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)


def test_index_lists_every_feature(site, tmp_path):
    result = chromium(site / "index.html", tmp_path / "profile", "--dump-dom")

    assert result.returncode == 0, result.stderr
    assert '<html lang="en">' in result.stdout
    assert result.stdout.count('class="feature-link"') == len(load_features(ROOT / "features"))
    for feature in load_features(ROOT / "features"):
        # Chromium serialises text with &, < and > escaped, and quotes as they are.
        assert html.escape(feature.name, quote=False) in result.stdout, feature.name


def test_scenario_page_shows_diagram(site, tmp_path):
    result = chromium(site / "scenarios" / "bidirectional-lstm-2.html", tmp_path / "profile", "--dump-dom")

    assert result.returncode == 0, result.stderr
    assert result.stdout.count('class="diagram"') == 4
    assert "h_forward, c_forward" in result.stdout
    assert "h_backward, c_backward" in result.stdout


def test_screenshot_saved(site, tmp_path):
    screenshot = tmp_path / "scenario.png"
    page = site / "scenarios" / "bidirectional-lstm-2.html"

    result = chromium(page, tmp_path / "profile", f"--screenshot={screenshot}", "--window-size=1200,2400")

    assert result.returncode == 0, result.stderr
    assert screenshot.read_bytes()[:8] == PNG_SIGNATURE
    assert screenshot.stat().st_size > 50_000
