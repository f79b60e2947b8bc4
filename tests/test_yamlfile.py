"""careplan.yamlfile reads every YAML file the domain code reads exactly as yaml.safe_load does."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from careplan import yamlfile

ROOT = Path(__file__).resolve().parents[1]
READ = [
    ROOT / "domain.yml",
    ROOT / "careplan" / "questions.yml",
    ROOT / "careplan" / "safety_patterns.yml",
    *sorted((ROOT / "careplan" / "safety_sets").glob("*.yml")),
    *sorted((ROOT / "data" / "nlu").glob("*.yml")),
]


@pytest.mark.parametrize("path", READ, ids=lambda p: str(p.relative_to(ROOT)))
def test_the_same_as_safe_load(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert yamlfile.load(text) == yaml.safe_load(text)


def test_still_safe() -> None:
    """No Python objects from a file: a tag that would build one is refused."""
    with pytest.raises(yaml.YAMLError):
        yamlfile.load("!!python/object/apply:os.system ['true']")
