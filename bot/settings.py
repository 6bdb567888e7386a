"""Settings from the environment (and a `.env` file in the working directory), validated once at start-up."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit

from pydantic import Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

DEFAULT_SLACK_API_URL = "https://slack.com/api/"

ServeMode = Literal["auto", "http", "socket"]


class SettingsError(Exception):
    """A missing or malformed setting. The message is one line, in French, naming the variable."""


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_file=".env", env_file_encoding="utf-8", env_ignore_empty=True, extra="ignore", frozen=True
    )

    slack_bot_token: SecretStr | None = None
    slack_signing_secret: SecretStr | None = None
    slack_app_token: SecretStr | None = None
    slack_api_url: str = DEFAULT_SLACK_API_URL
    port: int = Field(default=3000, ge=1, le=65535)
    srom_host: str = "0.0.0.0"
    srom_db_path: Path = Path("srom.db")
    srom_data_dir: Path | None = None
    srom_out_dir: Path = Path("out")  # the console writes files (maps, reports) here
    web_concurrency: int = Field(default=2, ge=1, le=32)
    srom_threads: int = Field(default=8, ge=1, le=64)
    srom_log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"
    # Commitment tracking: Slack user ids made admins at start-up; the console's user (unset: a local admin).
    srom_admins: str = ""
    srom_console_user: str | None = None
    # Nudges (reminders to référents): local hour, days without update, days of campaign before a Bureau,
    # the time zone of whoever Slack gives none (and of the directors' channel), the clock in `srom serve`.
    srom_nudge_hour: int = Field(default=9, ge=6, le=18)
    srom_nudge_stale_days: int = Field(default=90, ge=7, le=730)
    srom_bureau_lead_days: int = Field(default=14, ge=1, le=60)
    # Also the organisation's time zone: the Bureau report's year ends and the dates shown to people.
    srom_timezone: str = "Europe/Paris"
    srom_clock: bool = False
    srom_clock_minutes: int = Field(default=5, ge=1, le=60)

    @field_validator("slack_bot_token")
    @classmethod
    def _bot_token(cls, value: SecretStr | None) -> SecretStr | None:
        if value is not None and not value.get_secret_value().startswith("xoxb-"):
            raise ValueError("doit commencer par « xoxb- » (Bot User OAuth Token)")
        return value

    @field_validator("slack_app_token")
    @classmethod
    def _app_token(cls, value: SecretStr | None) -> SecretStr | None:
        if value is not None and not value.get_secret_value().startswith("xapp-"):
            raise ValueError("doit commencer par « xapp- » (App-Level Token, scope connections:write)")
        return value

    @field_validator("slack_signing_secret")
    @classmethod
    def _signing_secret(cls, value: SecretStr | None) -> SecretStr | None:
        if value is not None and any(ch.isspace() for ch in value.get_secret_value()):
            raise ValueError("ne doit pas contenir d'espace (copiez le Signing Secret tel quel)")
        return value

    @field_validator("slack_api_url")
    @classmethod
    def _api_url(cls, value: str) -> str:
        parts = urlsplit(value)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise ValueError("doit être une URL http(s), par exemple https://slack.com/api/")
        return value if value.endswith("/") else value + "/"

    @field_validator("srom_admins")
    @classmethod
    def _admins(cls, value: str) -> str:
        for user in filter(None, (part.strip() for part in value.split(","))):
            if not re.fullmatch(r"[UW][A-Z0-9]{2,}", user):
                raise ValueError(f"« {user[:30]} » n'est pas un identifiant Slack (U…), séparez-les par des virgules")
        return value

    @field_validator("srom_console_user")
    @classmethod
    def _console_user(cls, value: str | None) -> str | None:
        if value is not None and not re.fullmatch(r"[UW][A-Z0-9]{2,}", value.strip()):
            raise ValueError("doit être un identifiant Slack d'utilisateur (U…)")
        return value.strip() if value else None

    @field_validator("srom_timezone")
    @classmethod
    def _timezone(cls, value: str) -> str:
        from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError("fuseau horaire inconnu (exemple : Europe/Paris)") from None
        return value

    def nudge_config(self):  # -> bot.nudges.plan.NudgeConfig
        from bot.nudges.plan import NudgeConfig

        return NudgeConfig(
            hour=self.srom_nudge_hour,
            stale_days=self.srom_nudge_stale_days,
            lead_days=self.srom_bureau_lead_days,
            default_tz=self.srom_timezone,
        )

    @property
    def admin_ids(self) -> list[str]:
        return [part.strip() for part in self.srom_admins.split(",") if part.strip()]

    @field_validator("srom_log_level", mode="before")
    @classmethod
    def _log_level(cls, value: object) -> object:
        return value.upper() if isinstance(value, str) else value

    @property
    def bot_token(self) -> str | None:
        return self.slack_bot_token.get_secret_value() if self.slack_bot_token else None

    @property
    def signing_secret(self) -> str | None:
        return self.slack_signing_secret.get_secret_value() if self.slack_signing_secret else None

    @property
    def app_token(self) -> str | None:
        return self.slack_app_token.get_secret_value() if self.slack_app_token else None

    def serve_mode(self, requested: ServeMode = "auto") -> Literal["http", "socket"]:
        """The mode `srom serve` runs in; raises SettingsError when the variables it needs are missing."""
        mode = requested if requested != "auto" else ("socket" if self.app_token else "http")
        needed = ["SLACK_BOT_TOKEN"] + (["SLACK_APP_TOKEN"] if mode == "socket" else ["SLACK_SIGNING_SECRET"])
        values = {"SLACK_BOT_TOKEN": self.bot_token, "SLACK_APP_TOKEN": self.app_token}
        values["SLACK_SIGNING_SECRET"] = self.signing_secret
        missing = [name for name in needed if not values[name]]
        if missing:
            label = "Socket Mode" if mode == "socket" else "HTTP"
            word = "manquant" if len(missing) == 1 else "manquants"
            raise SettingsError(f"{', '.join(missing)} {word} (mode {label}) — voir README (Slack)")
        return mode

    def export_data_dir(self) -> None:
        """Make a SROM_DATA_DIR and SROM_TIMEZONE read from `.env` visible to the knowledge-base loader and the
        reports, which read the environment."""
        if self.srom_data_dir is not None:
            os.environ["SROM_DATA_DIR"] = str(self.srom_data_dir)
        os.environ["SROM_TIMEZONE"] = self.srom_timezone


def load_settings(**overrides: object) -> Settings:
    """Read and validate the settings; any problem becomes one SettingsError line naming the variable."""
    try:
        return Settings(**overrides)  # type: ignore[arg-type]
    except ValidationError as exc:
        raise SettingsError(_one_line(exc)) from None


def slack_configured() -> bool:
    """True when a bot token is set (environment or `.env`): `srom` without a command then serves Slack."""
    if os.environ.get("SLACK_BOT_TOKEN"):
        return True
    env_file = Path(".env")
    if not env_file.is_file():
        return False
    from dotenv import dotenv_values

    return bool(dotenv_values(env_file).get("SLACK_BOT_TOKEN"))


_FRENCH = {
    "int_parsing": "doit être un nombre entier",
    "int_from_float": "doit être un nombre entier",
    "literal_error": "valeur inconnue (DEBUG, INFO, WARNING ou ERROR)",
    "path_type": "doit être un chemin de fichier",
    "bool_parsing": "doit valoir 1 ou 0 (oui ou non)",
}


def _one_line(exc: ValidationError) -> str:
    err = exc.errors()[0]
    name = str(err["loc"][0]).upper() if err["loc"] else "configuration"
    message = _FRENCH.get(err["type"], str(err["msg"]).removeprefix("Value error, "))
    if err["type"] in ("greater_than_equal", "less_than_equal"):
        field = Settings.model_fields[str(err["loc"][0])]
        bounds = [getattr(m, attr) for m in field.metadata for attr in ("ge", "le") if hasattr(m, attr)]
        message = f"doit être un nombre entre {bounds[0]} et {bounds[1]}" if len(bounds) == 2 else message
    received = err.get("input")
    if isinstance(received, str) and not name.startswith("SLACK_") and len(received) < 80:
        return f"{name} invalide : {message} (reçu « {received} »)"
    return f"{name} invalide : {message}"
