"""Reported figures (veille_claims): numbers, units, currencies, counts, ranges and subjects,
on sentences of our own."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

from veille.claims import ClaimGrammar, find_claims, load_lexicon, load_units
from veille.data import packaged_rows
from veille.pipeline import Pipeline
from veille.records import Article, Claim, DocumentResult

Row = tuple[str, float | None, str | None]


@pytest.fixture(scope="module")
def blank() -> Language:
    return spacy.blank("fr")


def _run(pipeline: Pipeline, text: str) -> DocumentResult:
    (result,) = pipeline.process_batch(
        [Article(id="c" * 16, text=text, path="t", date="2025-03", date_precision="month")]
    )
    for claim in result.claims:
        assert text[claim.start : claim.end] == claim.text
    return result


def _rows(claims: tuple[Claim, ...] | list[Claim]) -> list[Row]:
    return [(c.text, c.value, c.unit) for c in claims]


def _claims(pipeline: Pipeline, text: str) -> list[Row]:
    return _rows(_run(pipeline, text).claims)


# Without the trained model: measures, currencies and percentages are read from the text alone.


def test_percentages_in_every_spelling(blank: Language) -> None:
    doc = blank("Le parti obtient 43 %, son rival 30,4% et le troisième 12 pour cent des voix.")
    assert _rows(find_claims(doc)) == [
        ("43 %", 43, "percent"),
        ("30,4%", 30.4, "percent"),
        ("12 pour cent", 12, "percent"),
    ]


def test_thousands_separators_and_multipliers(blank: Language) -> None:
    text = "Un prêt de 7\u202f500 euros, puis 1,2 milliard de dollars et 2 millions de roubles, et 3 000 €."
    assert _rows(find_claims(blank(text))) == [
        ("7\u202f500 euros", 7500, "EUR"),
        ("1,2 milliard de dollars", 1.2e9, "USD"),
        ("2 millions de roubles", 2e6, "RUB"),
        ("3 000 €", 3000, "EUR"),
    ]


def test_currencies_before_and_after_the_number(blank: Language) -> None:
    text = "Il a reçu $5 millions, 40 milliards de yuans, 630 milliards de roupies et 8 livres sterling."
    assert _rows(find_claims(blank(text))) == [
        ("$5 millions", 5e6, "USD"),
        ("40 milliards de yuans", 4e10, "CNY"),
        ("630 milliards de roupies", 6.3e11, "INR"),
        ("8 livres sterling", 8, "GBP"),
    ]


def test_units_are_named_through_pint(blank: Language) -> None:
    text = (
        "La frontière s'étend sur 3 000 km et le mur sur 12 mètres ; 40 000 tonnes et 2 millions de "
        "barils, 5 millions de mètres cubes, 1 200 mégawatts, 3 GW, et 10 milles nautiques plus loin."
    )
    claims = find_claims(blank(text))
    assert [(c.text, c.unit) for c in claims] == [
        ("3 000 km", "km"),
        ("12 mètres", "m"),
        ("40 000 tonnes", "tonne"),
        ("2 millions de barils", "barrel"),
        ("5 millions de mètres cubes", "cubic_metre"),
        ("1 200 mégawatts", "MW"),
        ("3 GW", "GW"),
        ("10 milles nautiques", "km"),
    ]
    assert claims[-1].value == pytest.approx(18.52)  # a unit with no name is converted
    assert [c.value for c in claims[:-1]] == [3000, 12, 40000, 2e6, 5e6, 1200, 3]


def test_every_unit_row_resolves_to_a_claim_unit() -> None:
    units = load_units()
    named = {name for kind, _, name in packaged_rows("lexicons", "fr", "units.tsv") if kind == "name"}
    for form in units.forms:
        unit, factor = units.lookup(form)
        assert unit in named and factor > 0, form


def test_qualifiers_are_kept_normalized(blank: Language) -> None:
    text = "Près de 54 %, plus d'une vingtaine de kilomètres, au moins 3 km et quelque 2 millions d'euros."
    claims = find_claims(blank(text))
    assert [(c.text, c.value, c.unit, c.qualifier) for c in claims] == [
        ("Près de 54 %", 54, "percent", "près de"),
        ("plus d'une vingtaine de kilomètres", 20, "km", "plus de"),
        ("au moins 3 km", 3, "km", "au moins"),
        ("quelque 2 millions d'euros", 2e6, "EUR", "environ"),
    ]


def test_names_articles_and_codes_are_no_figures(blank: Language) -> None:
    text = "La résolution 2699 et l'article 5, le G20 à Rio, un Boeing 737 et le F-16 : 12 % de hausse."
    assert _rows(find_claims(blank(text))) == [("12 %", 12, "percent")]


def test_vague_quantities_only_when_asked(blank: Language) -> None:
    text = "Des milliers de tonnes, puis des dizaines de kilomètres."
    assert find_claims(blank(text)) == []
    grammar = ClaimGrammar(load_lexicon(), load_units(), vague=True)
    assert _rows(find_claims(blank(text), grammar)) == [
        ("Des milliers de tonnes", 1000, "tonne"),
        ("des dizaines de kilomètres", 10, "km"),
    ]


# With the trained model: counted nouns, ordinals, ranges, times and subjects.


@pytest.mark.model
def test_counted_nouns_in_digits_and_words(pipeline: Pipeline) -> None:
    text = (
        "L'armée a déployé 3 000 soldats et trois mille policiers. Vingt-huit navires ont quitté le port, "
        "et deux cents civils tués ont été recensés, ainsi que quatorze autres véhicules blindés."
    )
    assert _claims(pipeline, text) == [
        ("3 000 soldats", 3000, "soldat"),
        ("trois mille policiers", 3000, "policier"),
        ("Vingt-huit navires", 28, "navire"),
        ("deux cents civils", 200, "civil"),
        ("quatorze autres véhicules", 14, "véhicule"),
    ]


@pytest.mark.model
def test_compound_and_demonym_counts(pipeline: Pipeline) -> None:
    text = (
        "Les dix-sept autres Etats membres ont accueilli plus de 40 000 Ukrainiens et 12 millions de Syriens."
    )
    assert _claims(pipeline, text) == [
        ("dix-sept autres Etats membres", 17, "état membre"),
        ("plus de 40 000 Ukrainiens", 40000, "ukrainien"),
        ("12 millions de Syriens", 12e6, "syrien"),
    ]


@pytest.mark.model
def test_ranges_give_one_claim_per_bound(pipeline: Pipeline) -> None:
    text = (
        "Le contingent compterait entre 2 500 et 3 500 soldats, soit de 600 à 900 hommes par bataillon, "
        "pour un coût de 1,5 à 2 milliards d'euros."
    )
    assert _claims(pipeline, text) == [
        ("entre 2 500", 2500, "soldat"),
        ("3 500 soldats", 3500, "soldat"),
        ("600", 600, "homme"),
        ("900 hommes", 900, "homme"),
        ("1,5", 1.5e9, "EUR"),
        ("2 milliards d'euros", 2e9, "EUR"),
    ]


@pytest.mark.model
def test_ordinals_of_events_not_titles(pipeline: Pipeline) -> None:
    text = (
        "Le Premier ministre effectue sa 7e visite à Oslo, la onzième rencontre des deux hommes, "
        "et sa première visite depuis l'élection. Le deuxième vice-président n'est pas venu."
    )
    assert _claims(pipeline, text) == [
        ("7e", 7, "ordinal"),
        ("onzième", 11, "ordinal"),
        ("première", 1, "ordinal"),
    ]


@pytest.mark.model
def test_dates_years_durations_and_known_sets_are_no_claims(pipeline: Pipeline) -> None:
    text = (
        "Le 12 mars 2024, après deux ans de guerre, les deux pays ont signé à 15h30 un accord prévoyant "
        "le retrait de 1 500 soldats avant 2026."
    )
    assert _claims(pipeline, text) == [("1 500 soldats", 1500, "soldat")]


@pytest.mark.model
def test_an_elided_noun_comes_from_the_count_before(pipeline: Pipeline) -> None:
    text = "Huit pays ont voté pour, trois contre et quatre se sont abstenus."
    assert _claims(pipeline, text) == [("Huit pays", 8, "pays"), ("trois", 3, "pays"), ("quatre", 4, "pays")]


@pytest.mark.model
def test_the_subject_is_the_entity_the_figure_is_about(pipeline: Pipeline) -> None:
    result = _run(
        pipeline,
        "Le Kazakhstan assure 43 % de l'uranium mondial. "
        "Selon l'ONU, le Soudan compte plus de 8 millions de déplacés.",
    )
    uranium, displaced = result.claims
    assert (uranium.subject, uranium.quantity) == ("KAZ", "de l'uranium mondial")
    assert (displaced.subject, displaced.value, displaced.unit) == ("SDN", 8e6, "déplacé")
    assert displaced.qualifier == "plus de"


def _subjects(pipeline: Pipeline, text: str) -> list[tuple[str, str | None]]:
    return [(c.text, c.subject) for c in _run(pipeline, text).claims]


@pytest.mark.model
def test_a_relative_pronoun_stands_for_its_antecedent(pipeline: Pipeline) -> None:
    # Not France, named in the figure's phrase: the figure is what the Niger supplies.
    text = "Le Niger, qui fournit près de 20 % de l'uranium importé par la France, a suspendu ses livraisons."
    assert _subjects(pipeline, text) == [("près de 20 %", "NER")]
    # "avec laquelle": the clause has its own subject, which shares the border.
    text = "La Mongolie, avec laquelle la Chine partage plus de 4 600 km de frontière, a signé l'accord."
    assert _subjects(pipeline, text) == [("plus de 4 600 km", "CHN")]


@pytest.mark.model
def test_a_possessive_names_the_owner_through_its_resolved_pronoun(pipeline: Pipeline) -> None:
    text = (
        "Giorgia Meloni a limogé mardi son ministre de l'Economie. "
        "Selon la presse, plus de 60 % de ses électeurs approuvent cette décision."
    )
    assert _subjects(pipeline, text) == [("plus de 60 %", "giorgia-meloni")]


@pytest.mark.model
def test_the_noun_complement_of_what_the_figure_measures(pipeline: Pipeline) -> None:
    text = "Les nouvelles sanctions visent 40 % des exportations de pétrole de l'Iran, a indiqué Washington."
    assert _subjects(pipeline, text) == [("40 %", "IRN")]
    # A share "pour" someone is theirs.
    text = "Le sortant obtient 48 % des voix, contre 45 % pour Luiz Inácio Lula da Silva."
    assert _subjects(pipeline, text)[1] == ("45 %", "luiz-inacio-lula-da-silva")


@pytest.mark.model
def test_a_count_that_is_the_subject_is_about_where_it_happened(pipeline: Pipeline) -> None:
    # "selon l'ONU" names who counted, not what the count is about.
    text = "Selon l'ONU, plus de 300 personnes ont été tuées au Soudan depuis lundi."
    assert _subjects(pipeline, text) == [("plus de 300 personnes", "SDN")]


@pytest.mark.model
def test_a_percentage_after_a_country_name_and_son_in_a_relative_clause(pipeline: Pipeline) -> None:
    text = (
        "Mais le Brésil, pays immense qui doit exporter via le Chili 30% de son cuivre, "
        "cherche d'autres routes. Un Boeing 737 a atterri."
    )
    claims = _run(pipeline, text).claims
    assert [(c.text, c.value, c.unit, c.subject) for c in claims] == [("30%", 30.0, "percent", "BRA")]
