"""The README's ```python blocks, run exactly as written (as scripts, from the
repository root, where their relative paths point), so that they keep working."""

import os
import pathlib
import re
import subprocess
import sys

import pytest

from conftest import SOURCE_DIR

README = pathlib.Path(__file__).resolve().parents[3] / "README.md"


def blocks():
    return re.findall(r"^```python\n(.*?)^```$", README.read_text(), flags=re.S | re.M)


def run(code, tmp_path):
    script = tmp_path / "example.py"
    script.write_text(code)
    done = subprocess.run([sys.executable, str(script)], cwd=SOURCE_DIR, capture_output=True, text=True,
                          env=dict(os.environ), timeout=600)
    assert done.returncode == 0, done.stderr
    return done.stdout.splitlines()


def test_readme_has_the_two_examples_and_they_are_short():
    found = blocks()
    assert len(found) == 2
    for code in found:
        assert len(code.splitlines()) <= 15


def test_plain_python_example(tmp_path):
    code = blocks()[0]
    assert "plan.evaluate(households, members)" in code
    counts, benefit, explanation = run(code, tmp_path)
    assert re.fullmatch(r"\{'eligible': \d+, 'ineligible': \d+, 'unknown': \d+\}", counts)
    assert int(benefit) > 0
    assert explanation.startswith("Household 3523131906099001, as of 2026-01-01, ")


def test_dask_example(tmp_path):
    pytest.importorskip("distributed")
    code = blocks()[1]
    assert "layak.dask.evaluate(" in code
    [counts] = run(code, tmp_path)
    # The same counts as the plain example's, computed on two worker processes.
    assert counts == run(blocks()[0], tmp_path)[0]
