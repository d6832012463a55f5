"""Finding knowledge-base names in text (no language model needed)."""

from __future__ import annotations

from veille.gazetteer import Gazetteer, fold
from veille.kb import KnowledgeBase, entity_from_record


def _kb() -> KnowledgeBase:
    rows = [
        {
            "id": "KOR",
            "type": "country",
            "name": "South Korea",
            "names": {"fr": ["Corée du Sud", "Corée"]},
            "demonyms": {"fr": ["Sud-Coréens"]},
        },
        {
            "id": "USA",
            "type": "country",
            "name": "United States",
            "names": {"fr": ["Etats-Unis", "États-Unis", "US"]},
        },
        {
            "id": "eu",
            "type": "organization",
            "name": "European Union",
            "names": {"fr": ["UE", "Union européenne"]},
        },
        {"id": "ghani", "type": "person", "name": "Ashraf Ghani", "names": {"fr": ["Ashraf Ghani", "Ghani"]}},
        {"id": "rubio", "type": "person", "name": "Marco Rubio", "names": {"fr": ["Marco Rubio", "Rubio"]}},
        {
            "id": "demarco",
            "type": "person",
            "name": "Guido de Marco",
            "names": {"fr": ["Guido de Marco", "de Marco"]},
        },
        {"id": "caspian", "type": "location", "name": "Caspian Sea", "names": {"fr": ["mer Caspienne"]}},
        {"id": "le-monde", "type": "organization", "name": "Le Monde", "names": {"fr": ["Le Monde"]}},
    ]
    return KnowledgeBase(entity_from_record(r) for r in rows)


def _found(text: str) -> list[tuple[str, tuple[str, ...], str]]:
    return [(m.text, m.ids, m.kind) for m in Gazetteer(_kb()).find(text)]


def test_fold_keeps_the_length_and_drops_case_and_accents() -> None:
    text = "États-Unis, l’Élysée — Ça"  # noqa: RUF001
    assert len(fold(text)) == len(text)
    assert fold("États-Unis") == fold("Etats-Unis") == "etats-unis"
    assert fold("l’Élysée") == "l'elysee"  # noqa: RUF001


def test_names_are_found_whatever_their_accents() -> None:
    assert _found("Les Etats-Unis et les États-Unis.") == [
        ("Etats-Unis", ("USA",), "name"),
        ("États-Unis", ("USA",), "name"),
    ]


def test_the_longest_name_wins() -> None:
    assert _found("La Corée du Sud et la Corée.") == [
        ("Corée du Sud", ("KOR",), "name"),
        ("Corée", ("KOR",), "name"),
    ]
    assert _found("la visite de Marco Rubio") == [("Marco Rubio", ("rubio",), "name")]


def test_case_matters_for_capitalized_names_and_acronyms() -> None:
    assert _found("nous, les us et coutumes, la corée") == []
    assert _found("L'UE et les US.") == [("UE", ("eu",), "name"), ("US", ("USA",), "name")]
    assert _found("sur la mer Caspienne") == [("mer Caspienne", ("caspian",), "name")]
    # Past a leading article, which any sentence capitalizes, the next word's capital decides.
    assert _found("« Le monde change. » Le Monde l'écrit.") == [("Le Monde", ("le-monde",), "name")]


def test_names_stop_at_word_boundaries_including_hyphens() -> None:
    assert _found("Hayan Abdul-Ghani a parlé à Ghani.") == [("Ghani", ("ghani",), "partial")]
    assert _found("Coréens") == []


def test_single_names_and_particles_are_partial_and_demonyms_marked() -> None:
    assert _found("Rubio et les Sud-Coréens") == [
        ("Rubio", ("rubio",), "partial"),
        ("Sud-Coréens", ("KOR",), "demonym"),
    ]
    assert _found("M. de Marco") == [("de Marco", ("demarco",), "partial")]
