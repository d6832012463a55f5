"""Places geocoded offline and where events happened, on entities and sentences of our own."""

from __future__ import annotations

import math
from typing import Any

import pytest

from veille.kb import default as default_kb
from veille.pipeline import Pipeline
from veille.places import Geocoder, choose, fold, geonames
from veille.records import Article, DocumentResult, Entity, Mention, Place, to_dict


@pytest.fixture(scope="module")
def geocoder() -> Geocoder:
    return Geocoder(default_kb())


def _entity(
    id_: str, name: str, type_: Any, *texts: str, kind: Any = "name", country: str | None = None
) -> Entity:
    mentions = tuple(Mention(10 * n, 10 * n + len(t), t, kind) for n, t in enumerate(texts or (name,)))
    return Entity(id_, name, type_, mentions, country=country)


def _km(place: Place, lat: float, lon: float) -> float:
    assert place.lat is not None and place.lon is not None
    p1, p2 = math.radians(place.lat), math.radians(lat)
    dp, dl = p2 - p1, math.radians(lon - place.lon)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(a))


def test_a_country_gets_its_geonames_id_and_kind(geocoder: Geocoder) -> None:
    place = geocoder.place(_entity("MNG", "Mongolia", "country", "Mongolie"), {"MNG"})
    assert (place.geonames, place.country, place.feature, place.rule) == (
        2029969,
        "MNG",
        "country",
        "country",
    )
    # The country's own representative point, from the knowledge base: not its capital's.
    assert place.lat is not None and place.lon is not None
    assert 41.5 < place.lat < 52.2 and 87.7 < place.lon < 120.0
    assert _km(place, 47.9077, 106.8832) > 100


def test_every_country_of_the_knowledge_base_has_coordinates() -> None:
    countries = [e for e in default_kb().entities.values() if e.type == "country"]
    assert len(countries) >= 250
    for record in countries:
        assert record.lat is not None and record.lon is not None, record.id
        assert -90 <= record.lat <= 90 and -180 <= record.lon <= 180, record.id


def test_a_city_is_placed_within_ten_kilometres(geocoder: Geocoder) -> None:
    place = geocoder.place(_entity("ulan-bator", "Ulaanbaatar", "location", "Oulan-Bator"), set())
    assert place.geonames == 2028462 and place.country == "MNG" and place.feature == "capital"
    assert _km(place, 47.9077, 106.8832) < 10


def test_a_city_outside_the_knowledge_base_is_found_by_its_french_name(geocoder: Geocoder) -> None:
    place = geocoder.place(_entity("loc:alep", "Alep", "location"), {"SYR"})
    assert place.country == "SYR" and place.feature == "city" and _km(place, 36.20, 37.16) < 10


def test_an_ambiguous_name_is_resolved_by_the_countries_of_the_document(geocoder: Geocoder) -> None:
    tripoli = _entity("tripoli", "Tripoli", "location", "Tripoli")
    in_lebanon = geocoder.place(tripoli, {"LBN"})
    assert (in_lebanon.country, in_lebanon.rule) == ("LBN", "document-country")
    in_libya = geocoder.place(tripoli, {"LBY"})
    assert (in_libya.country, in_libya.rule) == ("LBY", "knowledge-base")
    # Without context a small homonym never beats a capital: "Paris" in an article on the US.
    paris = geocoder.place(_entity("paris", "Paris", "location"), {"USA"})
    assert paris.country == "FRA"


def test_the_rules_apply_in_order() -> None:
    index = geonames()
    candidates = list(index.by_name[fold("Tripoli")])
    assert choose(candidates, set())[1] in {"capital", "population"}
    assert choose(candidates, set(), {"LBN"}) == (
        next(c for c in candidates if c.country == "LBN"),
        "document-place",
    )


def test_a_sea_and_a_region_come_from_the_knowledge_base(geocoder: Geocoder) -> None:
    sea = geocoder.place(_entity("black-sea", "Black Sea", "location", "mer Noire"), set())
    assert (sea.feature, sea.rule, sea.country) == ("sea", "knowledge-base", None)
    assert sea.lat is not None and _km(sea, 43.3, 34.0) < 300
    region = geocoder.place(_entity("sahel", "Sahel", "location"), set())
    assert region.feature == "region"


def test_an_unknown_place_keeps_null_coordinates(geocoder: Geocoder) -> None:
    place = geocoder.place(_entity("loc:xq", "Vallée de Zzyzxq", "location", country="MNG"), {"MNG"})
    assert (place.geonames, place.lat, place.lon, place.feature, place.rule) == (
        None,
        None,
        None,
        None,
        "unknown",
    )


def test_a_city_named_as_a_metonym_becomes_a_place(geocoder: Geocoder) -> None:
    country = _entity("MNG", "Mongolia", "country", "Mongolie", "Oulan-Bator")
    country = Entity(
        "MNG", "Mongolia", "country", (country.mentions[0], Mention(40, 51, "Oulan-Bator", "metonym"))
    )
    entities = geocoder.with_metonym_places((country,))
    assert [e.id for e in entities] == ["MNG", "ulan-bator"]
    assert entities[1].mentions == (Mention(40, 51, "Oulan-Bator", "metonym"),)


def _run(pipeline: Pipeline, text: str) -> DocumentResult:
    (result,) = pipeline.process_batch(
        [Article(id="a" * 16, text=text, path="t", date="2025-06", date_precision="month")]
    )
    return result


@pytest.mark.model
def test_the_pipeline_places_entities_and_locates_a_visit(pipeline: Pipeline, validator: Any) -> None:
    result = _run(
        pipeline,
        "Le Premier ministre indien est arrivé mardi en Mongolie pour une visite de deux jours. "
        "Il doit rencontrer le président mongol à Oulan-Bator.",
    )
    validator.validate(to_dict(result))
    places = {p.entity: p for p in result.places}
    assert places["MNG"].feature == "country"
    assert places["ulan-bator"].geonames == 2028462
    (visit,) = [e for e in result.events if e.code == "042"]
    assert visit.location == "MNG"


@pytest.mark.model
def test_a_country_place_has_coordinates_inside_the_country(pipeline: Pipeline) -> None:
    result = _run(
        pipeline,
        "Le ministre allemand des Affaires étrangères s'est rendu jeudi en France, "
        "où il a plaidé pour une défense européenne commune.",
    )
    france = next(p for p in result.places if p.entity == "FRA")
    assert (france.feature, france.rule, france.country) == ("country", "country", "FRA")
    assert france.lat is not None and france.lon is not None
    assert 41 < france.lat < 51 and -5 < france.lon < 10


@pytest.mark.model
def test_a_meeting_during_a_summit_is_located_in_its_city(pipeline: Pipeline) -> None:
    result = _run(
        pipeline,
        "Le président mongol a rencontré le Premier ministre japonais lors d'un sommet à Oulan-Bator.",
    )
    meetings = [e for e in result.events if e.root == "04"]
    assert meetings and all(e.location == "ulan-bator" for e in meetings)


@pytest.mark.model
def test_aid_to_a_country_is_not_a_location(pipeline: Pipeline) -> None:
    result = _run(pipeline, "Le Japon a promis une aide militaire à la Mongolie.")
    assert all(e.location is None for e in result.events)


@pytest.mark.model
def test_a_place_outside_the_knowledge_base_takes_the_country_it_was_found_in(pipeline: Pipeline) -> None:
    result = _run(pipeline, "Le président chinois doit se rendre ensuite à Khabarovsk puis à Samarcande.")
    countries = {e.name: e.country for e in result.entities if e.id.startswith("loc:")}
    assert countries == {"Khabarovsk": "RUS", "Samarcande": "UZB"}
