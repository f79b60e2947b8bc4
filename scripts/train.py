"""Train the Rasa model only when its inputs changed.

The model is named by a hash of config.yml, domain.yml and everything under
data/, and kept in a cache outside the checkout (WHAT_MATTERS_MODEL_CACHE, or
~/.cache/what-matters/models), so a fresh clone or a CI run with the same
inputs reuses it instead of training again. Prints the model's path.
The action server's learned safety model (careplan/safety_model.py) is learnt
and kept in models/ here too, under a hash of its own inputs.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
INPUTS = [
    ROOT / "config.yml",
    ROOT / "domain.yml",
    *sorted((ROOT / "data").rglob("*.yml")),
    *sorted((ROOT / "components").rglob("*.py")),  # our own NLU components are trained too
]


def inputs_hash() -> str:
    digest = hashlib.sha256()
    digest.update(b"rasa-3.6.21 spacy-3.6.1\n")
    for path in INPUTS:
        digest.update(str(path.relative_to(ROOT)).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def cache_dir() -> Path:
    default = Path.home() / ".cache" / "what-matters" / "models"
    return Path(os.environ.get("WHAT_MATTERS_MODEL_CACHE", default))


def trained_model(force: bool = False) -> Path:
    name = f"what-matters-{inputs_hash()}.tar.gz"
    local = ROOT / "models" / name
    if local.exists() and not force:
        return local
    cache_dir().mkdir(parents=True, exist_ok=True)
    # One training per model at a time: others asking for the same model wait for it.
    with open(cache_dir() / f".{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        return _train_or_copy(name, local, force)


def _train_or_copy(name: str, local: Path, force: bool) -> Path:
    cached = cache_dir() / name
    if local.exists() and not force:
        return local
    local.parent.mkdir(exist_ok=True)
    if cached.exists() and not force:
        shutil.copy2(cached, local)
        return local
    rasa = Path(sys.executable).with_name("rasa")
    subprocess.run(  # noqa: S603 - fixed arguments, our own venv's rasa
        [str(rasa), "train", "--fixed-model-name", name.removesuffix(".tar.gz"), "--out", str(local.parent)],
        cwd=ROOT,
        check=True,
    )
    cached.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy2(local, cached)
    return local


if __name__ == "__main__":
    model = trained_model(force="--force" in sys.argv)
    sys.path.insert(0, str(ROOT))
    from careplan import safety_model

    for learnt in (safety_model.RED_FLAG_KINDS, safety_model.URGENT_KINDS):
        if not safety_model.kept_path(learnt=learnt).is_file():
            safety_model.kept(learnt=learnt)  # learn the safety models and keep them for the action server
    print(model)
