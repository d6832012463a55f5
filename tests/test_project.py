"""The project's promises about itself: documentation covers every code and setting."""

from __future__ import annotations

import dataclasses
import re

from veille.errors import CATALOGUE, InputError, VeilleError, message
from veille.settings import Settings

from .conftest import ROOT


def test_every_catalogue_code_is_documented() -> None:
    text = (ROOT / "docs" / "errors.md").read_text(encoding="utf-8")
    missing = [code for code in CATALOGUE if f"`{code}`" not in text]
    assert missing == []


def test_every_setting_is_documented_with_its_variable() -> None:
    text = (ROOT / "docs" / "settings.md").read_text(encoding="utf-8")
    for field in dataclasses.fields(Settings):
        assert f"`{field.name}`" in text, field.name
        assert f"`{field.metadata['env']}`" in text, field.metadata["env"]
        assert field.metadata["help"]


def test_messages_carry_their_code_and_name_the_input() -> None:
    error = InputError("E107", path="a.jsonl", line=3, value="2024-13")
    assert isinstance(error, VeilleError)
    assert str(error) == message("E107", where="a.jsonl:3", value="2024-13")
    assert str(error).startswith("[E107] a.jsonl:3: malformed date '2024-13'")
    assert all(re.fullmatch(r"[EW]\d{3}", code) for code in CATALOGUE)


def test_settings_come_from_the_environment_and_options_win() -> None:
    settings = Settings.from_env(
        {"VEILLE_BATCH_SIZE": "8", "VEILLE_REQUIRE_DATE": "yes", "VEILLE_LANGUAGES": "fr, EN"}
    )
    assert (settings.batch_size, settings.require_date, settings.languages) == (8, True, ("fr", "en"))
    assert Settings.from_env({"VEILLE_BATCH_SIZE": "8"}, batch_size=2).batch_size == 2
    assert Settings.from_env({}, batch_size=None).batch_size == Settings().batch_size


def test_readme_gives_the_two_setup_commands() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make demo" in readme and "make test" in readme
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_an_empty_database_setting_is_refused() -> None:
    import pytest

    from veille.errors import SettingsError

    with pytest.raises(SettingsError) as caught:
        Settings.from_env({"VEILLE_DB": " "})
    assert caught.value.code == "E202"
