"""Prompt templates: versioned, bilingual files."""

from __future__ import annotations

import pytest

from eduapp.errors import NotFoundError, ValidationError
from eduapp.llm import LANGUAGES, list_prompts, load_prompt


def test_every_prompt_exists_in_every_language_with_the_same_placeholders():
    prompts = list_prompts()
    assert {"json_repair", "json_answer", "example_item"} <= prompts.keys()
    for name, langs in prompts.items():
        assert langs == set(LANGUAGES), name
        en, zh = (load_prompt(name, lang) for lang in LANGUAGES)
        assert en.placeholders == zh.placeholders, name
        assert en.version and zh.version


@pytest.mark.parametrize("lang,needle", [("en", "single-best-answer"), ("zh", "单项最佳选择题"),
                                         ("zh-CN", "单项最佳选择题")])
def test_load_and_render(lang, needle):
    p = load_prompt("example_item", lang)
    text = p.render(topic="心力衰竭" if lang != "en" else "heart failure", option_count=5)
    assert needle in text and "{{" not in text
    assert p.provenance() == {"prompt": "example_item", "prompt_version": p.version,
                              "prompt_language": lang[:2]}


def test_render_needs_every_value():
    with pytest.raises(ValueError, match="needs values for option_count"):
        load_prompt("example_item").render(topic="x")


def test_missing_prompt_or_language():
    with pytest.raises(NotFoundError, match="no prompt 'example_item' in language 'fr'"):
        load_prompt("example_item", "fr")
    with pytest.raises(NotFoundError):
        load_prompt("../secrets", "en")


def test_version_is_required(tmp_path):
    (tmp_path / "x.en.md").write_text("no front matter", encoding="utf-8")
    with pytest.raises(ValidationError, match="no version"):
        load_prompt("x", "en", directory=str(tmp_path))
    (tmp_path / "y.en.md").write_text("---\nversion: 2025-01.3\n---\nHi {{who}}\n", "utf-8")
    p = load_prompt("y", "en", directory=str(tmp_path))
    assert (p.version, p.render(who="Ann")) == ("2025-01.3", "Hi Ann")
