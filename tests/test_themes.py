"""Themes with counts and cue offsets from the taxonomy (veille_themes)."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

from veille.pipeline import Pipeline
from veille.records import Article, Theme
from veille.themes import ThemeMatcher, default_taxonomy, find_themes, taxonomy_from_rows

REQUIRED = {
    *("DIPLOMACY", "MILITARY_ALLIANCE", "ARMED_CONFLICT", "WAR_IN_UKRAINE", "SANCTIONS"),
    *("NUCLEAR_ENERGY", "OIL_AND_GAS", "ELECTIONS", "PROTEST", "ECONOMY", "TRADE"),
    *("TERRORISM", "HUMAN_RIGHTS", "MIGRATION", "ENERGY", "HUMANITARIAN"),
}


@pytest.fixture(scope="module")
def nlp() -> Language:
    return spacy.blank("fr")  # no lemmas: cues are found by their forms


def _themes(nlp: Language, text: str) -> dict[str, Theme]:
    themes = find_themes(nlp(text), ThemeMatcher(default_taxonomy(), nlp))
    for theme in themes:
        assert theme.count == len(theme.cues)
        assert all(text[c.start : c.end] == c.text for c in theme.cues)
    return {theme.theme: theme for theme in themes}


def test_the_taxonomy_has_the_documented_themes_with_french_and_english_cues() -> None:
    taxonomy = default_taxonomy()
    assert set(taxonomy.themes) >= REQUIRED
    for theme in taxonomy.themes:
        assert {language for t, language, _ in taxonomy.cues if t == theme} == {"fr", "en"}, theme
    assert taxonomy.themes["WAR_IN_UKRAINE"].parent == "ARMED_CONFLICT"
    assert taxonomy.themes["NUCLEAR_ENERGY"].parent == "ENERGY"


def test_a_bad_taxonomy_row_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown theme 'X'"):
        taxonomy_from_rows([("cue", "X", "fr", "guerre")])
    with pytest.raises(ValueError, match="unknown parent 'Y'"):
        taxonomy_from_rows([("theme", "A", "-", "Y", "a theme")])
    with pytest.raises(ValueError, match="unknown row kind"):
        taxonomy_from_rows([("mot", "A")])


def test_cues_give_themes_counts_and_offsets(nlp: Language) -> None:
    text = (
        "Les ministres de l'Otan ont parlé de la guerre en Ukraine et d'un nouvel embargo sur le pétrole. "
        "La police a tiré du gaz lacrymogène sur un manifestant. NATO leaders discussed sanctions."
    )
    themes = _themes(nlp, text)
    assert [c.text for c in themes["MILITARY_ALLIANCE"].cues] == ["Otan", "NATO"]
    assert [c.text for c in themes["WAR_IN_UKRAINE"].cues] == ["guerre en Ukraine"]
    # The longest cue wins, and a cue counts for its theme's parent too.
    assert [c.text for c in themes["ARMED_CONFLICT"].cues] == ["guerre en Ukraine"]
    assert [c.text for c in themes["OIL_AND_GAS"].cues] == ["pétrole"]  # not "gaz lacrymogène"
    assert [c.text for c in themes["PROTEST"].cues] == ["gaz lacrymogène", "manifestant"]
    assert [c.text for c in themes["SANCTIONS"].cues] == ["embargo", "sanctions"]
    assert themes["ENERGY"].count == 1
    start = text.index("guerre")
    assert (themes["WAR_IN_UKRAINE"].cues[0].start, themes["WAR_IN_UKRAINE"].cues[0].end) == (
        start,
        start + 17,
    )


def test_themes_come_by_decreasing_count_and_either_apostrophe_matches(nlp: Language) -> None:
    text = "Après l’invasion de l’Ukraine, la guerre et les sanctions ; la guerre encore."  # noqa: RUF001
    themes = list(_themes(nlp, text).values())
    assert [t.theme for t in themes] == ["ARMED_CONFLICT", "SANCTIONS", "WAR_IN_UKRAINE"]
    assert [t.count for t in themes] == [3, 1, 1]
    assert _themes(nlp, "Une journée calme au village.") == {}


@pytest.mark.model
def test_the_pipeline_finds_themes_through_lemmas(pipeline: Pipeline) -> None:
    body = (
        "Le gouvernement a annoncé jeudi la construction de deux centrales nucléaires et d'un gazoduc, "
        "alors que les sanctions frappent ses exportations de brut. Membre de l'alliance militaire "
        "dirigée par Moscou, le pays refuse de condamner l'invasion de l'Ukraine."
    )
    article = Article(id="b" * 16, text=body, path="themes.txt", date="2025-03-04", date_precision="day")
    (result,) = pipeline.process([article])
    found = {theme.theme: theme for theme in result.themes}
    assert {"NUCLEAR_ENERGY", "OIL_AND_GAS", "MILITARY_ALLIANCE", "SANCTIONS", "WAR_IN_UKRAINE"} <= set(found)
    assert [c.text for c in found["NUCLEAR_ENERGY"].cues] == ["centrales nucléaires"]
    assert "exportations" in [c.text for c in found["TRADE"].cues]  # by its lemma, "exportation"
