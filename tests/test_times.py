"""Time expressions found and normalized against the document date (veille_times)."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

from veille.records import Article, TimeExpression
from veille.times import Anchor, date_precision, find_times, load_lexicon

DAY = "2024-11-27"  # a Wednesday
MONTH = "2024-11"


@pytest.fixture(scope="module")
def nlp() -> Language:
    return spacy.blank("fr")


def _found(nlp: Language, text: str, anchor: str | None) -> list[TimeExpression]:
    times = find_times(nlp(text), anchor)
    for time in times:
        assert text[time.start : time.end] == time.text
    return times


def _values(nlp: Language, text: str, anchor: str | None) -> list[tuple[str, str, str]]:
    return [(t.text, t.type, t.value) for t in _found(nlp, text, anchor)]


def test_a_weekday_is_a_day_only_when_the_document_date_is_one(nlp: Language) -> None:
    text = "La délégation a atterri lundi et repartira vendredi."
    assert _values(nlp, text, DAY) == [("lundi", "DATE", "2024-11-25"), ("vendredi", "DATE", "2024-11-29")]
    assert _values(nlp, text, MONTH) == [("lundi", "DATE", "2024-11"), ("vendredi", "DATE", "2024-11")]
    assert _values(nlp, text, "2024") == [("lundi", "DATE", "2024"), ("vendredi", "DATE", "2024")]
    assert _values(nlp, text, None) == []


def test_last_and_next_weekdays_go_the_way_they_say(nlp: Language) -> None:
    text = "Mercredi dernier, le comité a siégé ; il se réunira de nouveau mercredi prochain."
    assert _values(nlp, text, DAY) == [
        ("Mercredi dernier", "DATE", "2024-11-20"),
        ("mercredi prochain", "DATE", "2024-12-04"),
    ]
    assert [v for _, _, v in _values(nlp, text, MONTH)] == ["2024-11", "2024-11"]


def test_a_weekday_with_its_day_number_names_the_day(nlp: Language) -> None:
    assert _values(nlp, "La grève commencera jeudi 28, selon le syndicat.", MONTH) == [
        ("jeudi 28", "DATE", "2024-11-28")
    ]
    assert _values(nlp, "Le vote aura lieu samedi 30 novembre à Vilnius.", None) == []
    assert _values(nlp, "Le vote aura lieu samedi 30 novembre 2024 à Vilnius.", None) == [
        ("samedi 30 novembre 2024", "DATE", "2024-11-30")
    ]


def test_absolute_dates_keep_the_precision_the_text_gives(nlp: Language) -> None:
    text = (
        "Le traité, signé le 12 juin 2019, a été amendé en avril 2021 puis en 2023. "
        "Les négociations reprendront le 3 mars, le 1er avril et à la mi-mai."
    )
    assert _values(nlp, text, MONTH) == [
        ("le 12 juin 2019", "DATE", "2019-06-12"),
        ("en avril 2021", "DATE", "2021-04"),
        ("en 2023", "DATE", "2023"),
        ("le 3 mars", "DATE", "2024-03-03"),
        ("le 1er avril", "DATE", "2024-04-01"),
        ("la mi-mai", "DATE", "2024-05"),
    ]


def test_a_month_alone_takes_the_year_of_the_document(nlp: Language) -> None:
    text = "Depuis janvier, les prix ont doublé ; fin septembre, ils ont baissé, et en octobre dernier aussi."
    assert _values(nlp, text, MONTH) == [
        ("janvier", "DATE", "2024-01"),
        ("fin septembre", "DATE", "2024-09"),
        ("en octobre dernier", "DATE", "2024-10"),
    ]
    assert _values(nlp, "En décembre dernier, la banque a relevé ses taux.", "2024-02") == [
        ("En décembre dernier", "DATE", "2023-12")
    ]


def test_date_lists_and_ranges_give_each_day(nlp: Language) -> None:
    text = "Les élections se tiendront les 14 et 15 mars, puis du 30 avril au 2 mai."
    assert [v for _, _, v in _values(nlp, text, MONTH)] == [
        "2024-03-14",
        "2024-03-15",
        "2024-04-30",
        "2024-05-02",
    ]


def test_bare_years_need_a_context_that_makes_them_dates(nlp: Language) -> None:
    text = "Le pays est membre de l'Otan depuis 1999. L'accord de 2015 expire d'ici 2030."
    assert [v for _, _, v in _values(nlp, text, MONTH)] == ["1999", "2015", "2030"]


def test_figures_and_names_are_not_times(nlp: Language) -> None:
    text = (
        "La résolution 2712 du G20 prévoit l'envoi de 2000 soldats sur 7500 kilomètres, "
        "soit de 1950 à 2100 hommes, et une hausse de 43% ; l'Euro 2024 et l'agenda 2063 "
        "ont été évoqués à Saint-Mars, près du cratère Mars, lors du Mardi gras, par 2022 votants."
    )
    assert _values(nlp, text, DAY) == []


def test_parts_of_the_day_with_a_day_or_a_month(nlp: Language) -> None:
    text = "Hier soir, des tirs ont été entendus ; ce matin, le calme est revenu. Jeudi après-midi, rien."
    assert _values(nlp, text, DAY) == [
        ("Hier soir", "TIME", "2024-11-26TEV"),
        ("ce matin", "TIME", "2024-11-27TMO"),
        ("Jeudi après-midi", "TIME", "2024-11-28TAF"),
    ]
    assert [v for _, _, v in _values(nlp, text, MONTH)] == ["2024-11", "2024-11", "2024-11"]


def test_times_of_the_day_follow_the_day_last_named_in_the_paragraph(nlp: Language) -> None:
    text = (
        "Le 5 novembre, les députés ont voté à 16h30, puis ont quitté l'hémicycle dans la soirée.\n\n"
        "Le texte a été promulgué dans la nuit."
    )
    assert _values(nlp, text, DAY) == [
        ("Le 5 novembre", "DATE", "2024-11-05"),
        ("16h30", "TIME", "2024-11-05T16:30"),
        ("dans la soirée", "TIME", "2024-11-05TEV"),
        ("dans la nuit", "TIME", "2024-11-27TNI"),
    ]
    assert _values(nlp, "La nuit de vendredi à samedi a été agitée.", DAY) == [
        ("La nuit de vendredi à samedi", "TIME", "2024-11-29TNI")
    ]


def test_yesterday_and_tomorrow_count_days_only_from_a_day(nlp: Language) -> None:
    text = "Le ministre est arrivé hier et repartira après-demain ; avant-hier, il était à Rome."
    assert [v for _, _, v in _values(nlp, text, DAY)] == ["2024-11-26", "2024-11-29", "2024-11-25"]
    assert [v for _, _, v in _values(nlp, text, MONTH)] == ["2024-11", "2024-11", "2024-11"]
    assert _values(nlp, "Aujourd\u2019hui, la frontière est fermée.", DAY) == [
        ("Aujourd\u2019hui", "DATE", "2024-11-27")
    ]


def test_weeks_months_and_years_counted_from_the_document_date(nlp: Language) -> None:
    text = (
        "Cette semaine, la banque a annoncé des pertes ; la semaine dernière, des gains. "
        "Le mois dernier, l'inflation a reculé et ce mois-ci elle remonte. "
        "L'an dernier, le déficit a atteint un record ; l'année prochaine, il baissera."
    )
    assert [v for _, _, v in _values(nlp, text, DAY)] == [
        "2024-W48",
        "2024-W47",
        "2024-10",
        "2024-11",
        "2023",
        "2025",
    ]
    assert [v for _, _, v in _values(nlp, text, "2024-01")] == [
        "2024-01",
        "2024-01",
        "2023-12",
        "2024-01",
        "2023",
        "2025",
    ]


def test_a_date_reached_after_a_delay_is_a_date(nlp: Language) -> None:
    text = "Le barrage sera achevé dans quatre ans ; il y a deux ans, le chantier était à l'arrêt."
    assert _values(nlp, text, MONTH) == [
        ("dans quatre ans", "DATE", "2028"),
        ("il y a deux ans", "DATE", "2022"),
    ]
    assert _values(nlp, "Un accord est attendu dans trois mois.", MONTH) == [
        ("dans trois mois", "DATE", "2025-02")
    ]
    assert _values(nlp, "Il est parti il y a quelques jours.", MONTH) == [
        ("il y a quelques jours", "DATE", "PAST_REF")
    ]


def test_durations(nlp: Language) -> None:
    text = (
        "Après une visite de trois jours et une trêve de 72 heures, les combats durent depuis "
        "onze mois ; le blocus a tenu pendant près de vingt-deux ans, un an et demi de moins "
        "que prévu, et les pourparlers ont pris plusieurs semaines, voire des années."
    )
    assert _values(nlp, text, MONTH) == [
        ("trois jours", "DURATION", "P3D"),
        ("72 heures", "DURATION", "PT72H"),
        ("onze mois", "DURATION", "P11M"),
        ("près de vingt-deux ans", "DURATION", "P22Y"),
        ("un an et demi", "DURATION", "P1.5Y"),
        ("plusieurs semaines", "DURATION", "PXW"),
        ("des années", "DURATION", "PXY"),
    ]


def test_ages_and_anaphoric_delays_are_not_durations(nlp: Language) -> None:
    text = "Un homme âgé de 54 ans a été arrêté ; deux jours plus tard, il a été libéré."
    assert _values(nlp, text, DAY) == []


def test_sets(nlp: Language) -> None:
    text = (
        "Le pays exporte dix millions de tonnes par an ; le conseil se réunit chaque mardi, "
        "les inspecteurs passent tous les deux mois et chaque hiver, la route est coupée."
    )
    assert _values(nlp, text, MONTH) == [
        ("par an", "SET", "P1Y"),
        ("chaque mardi", "SET", "XXXX-WXX-2"),
        ("tous les deux mois", "SET", "P2M"),
        ("chaque hiver", "SET", "XXXX-WI"),
    ]


def test_vague_references(nlp: Language) -> None:
    text = (
        "Le port est actuellement fermé et restera désormais sous contrôle militaire ; "
        "il rouvrira prochainement, dans les prochains mois, alors qu'il avait été récemment "
        "modernisé, comme par le passé."
    )
    assert [(t, v) for t, _, v in _values(nlp, text, None)] == [
        ("actuellement", "PRESENT_REF"),
        ("désormais", "PRESENT_REF"),
        ("prochainement", "FUTURE_REF"),
        ("dans les prochains mois", "FUTURE_REF"),
        ("récemment", "PAST_REF"),
        ("par le passé", "PAST_REF"),
    ]
    assert _values(nlp, "Il faut le faire en maintenant la pression.", DAY) == []


def test_seasons(nlp: Language) -> None:
    text = "Cet hiver, les stocks suffiront ; au printemps 2023, ils manquaient, comme l'été dernier."
    assert _values(nlp, text, MONTH) == [
        ("Cet hiver", "DATE", "2024-WI"),
        ("au printemps 2023", "DATE", "2023-SP"),
        ("l'été dernier", "DATE", "2024-SU"),
    ]
    assert _values(nlp, "L'été dernier a été chaud.", "2024-03") == [("L'été dernier", "DATE", "2023-SU")]
    assert _values(nlp, "Le stade a été rénové.", MONTH) == []


def test_the_end_of_the_year_and_quarters(nlp: Language) -> None:
    text = "Le plan sera adopté d'ici la fin de l'année ; au premier trimestre 2025, la croissance a ralenti."
    assert _values(nlp, text, MONTH) == [
        ("la fin de l'année", "DATE", "2024"),
        ("au premier trimestre 2025", "DATE", "2025-Q1"),
    ]


def test_without_a_document_date_only_self_contained_values_are_kept(nlp: Language) -> None:
    text = "Mercredi, hier, le 3 mars, en février 2022, pendant deux jours, par mois et désormais."
    assert [v for _, _, v in _values(nlp, text, None)] == ["2022-02", "P2D", "P1M", "PRESENT_REF"]


def test_offsets_hold_with_typographic_spaces_and_apostrophes(nlp: Language) -> None:
    text = (
        "Le 24\u00a0février\u00a02022, l\u2019armée est entrée\u202fen\u00a0Ukraine ; l\u2019an dernier, non."
    )
    times = _found(nlp, text, MONTH)
    assert [(t.text, t.value) for t in times] == [
        ("Le 24\u00a0février\u00a02022", "2022-02-24"),
        ("l\u2019an dernier", "2023"),
    ]
    last = text.index("l\u2019an")
    assert [(t.start, t.end) for t in times] == [(0, 18), (last, last + len("l\u2019an dernier"))]


def test_the_component_reads_the_document_date(nlp: Language) -> None:
    pipeline = spacy.blank("fr")
    pipeline.add_pipe("veille_times")
    doc = pipeline.make_doc("Le sommet s'est ouvert mardi dans la matinée.")
    doc._.veille_article = Article(id="t", text=doc.text, path="t", date=DAY, date_precision="day")
    doc = pipeline(doc)
    assert doc._.veille_times == (
        TimeExpression("mardi", 23, 28, "DATE", "2024-11-26"),
        TimeExpression("dans la matinée", 29, 44, "TIME", "2024-11-26TMO"),
    )
    undated = pipeline("Le sommet s'est ouvert mardi.")
    assert undated._.veille_times == ()


def test_date_precision() -> None:
    assert [date_precision(v) for v in ("2022", "2022-02", "2022-02-24", "2022-02-24TEV")] == [
        "year",
        "month",
        "day",
        "day",
    ]
    assert [date_precision(v) for v in ("PAST_REF", "P3Y", "2024-W48", "2023-SU", "XXXX-WXX-2")] == [None] * 5


def test_anchors_parse_only_calendar_dates() -> None:
    assert Anchor.parse("2024-11-27") == Anchor(2024, 11, 27)
    assert Anchor.parse("2024-11") == Anchor(2024, 11)
    assert [Anchor.parse(v) for v in (None, "", "2024-13", "2024-02-30", "novembre")] == [None] * 5


def test_the_lexicon_is_data() -> None:
    lexicon = load_lexicon("fr")
    assert lexicon["month"]["février"] == "2"
    assert lexicon["weekday"]["dimanche"] == "7"
    assert lexicon["ref"]["dans les prochains mois"] == "FUTURE_REF"
    assert len(lexicon["number"]) >= 20
