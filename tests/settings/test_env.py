"""The parsers that turn environment variables into settings."""

import stat

import pytest

from nextround.env import (
    load_or_create_secret_key,
    parse_bool,
    parse_email_url,
    parse_int,
    parse_list,
)


@pytest.mark.parametrize("raw", ["1", "true", "TRUE", " yes ", "on"])
def test_it_reads_a_switch_turned_on(raw):
    assert parse_bool(raw) is True


@pytest.mark.parametrize("raw", ["0", "false", "No", "off", "", "  "])
def test_it_reads_a_switch_turned_off(raw):
    assert parse_bool(raw, default=True) is False


def test_an_unset_switch_keeps_its_default():
    assert parse_bool(None, default=True) is True
    assert parse_bool(None) is False


def test_a_mistyped_switch_is_an_error_not_a_guess():
    with pytest.raises(ValueError, match="yess"):
        parse_bool("yess")


def test_it_reads_a_number():
    assert parse_int(" 42 ", default=1) == 42


@pytest.mark.parametrize("raw", [None, "", "   "])
def test_an_unset_number_keeps_its_default(raw):
    assert parse_int(raw, default=10) == 10


def test_a_number_that_is_not_one_is_an_error():
    with pytest.raises(ValueError):
        parse_int("ten", default=10)


def test_it_reads_a_list_ignoring_blanks():
    assert parse_list(" a.example.org, ,b.example.org,", default=[]) == [
        "a.example.org",
        "b.example.org",
    ]


@pytest.mark.parametrize("raw", [None, "", " "])
def test_an_unset_list_keeps_a_copy_of_its_default(raw):
    default = ["localhost"]
    parsed = parse_list(raw, default=default)
    assert parsed == ["localhost"]
    parsed.append("changed")
    assert default == ["localhost"]


def test_the_secret_key_is_made_on_first_start_and_kept(tmp_path):
    data_dir = tmp_path / "data"
    first = load_or_create_secret_key(data_dir)
    assert len(first) >= 50
    assert (data_dir / "secret_key").read_text() == first
    assert load_or_create_secret_key(data_dir) == first


def test_only_its_owner_can_read_the_secret_key(tmp_path):
    load_or_create_secret_key(tmp_path)
    mode = stat.S_IMODE((tmp_path / "secret_key").stat().st_mode)
    assert mode & (stat.S_IRWXG | stat.S_IRWXO) == 0


def test_it_reads_an_smtp_address_with_starttls_and_encoded_password():
    parsed = parse_email_url("smtp://me%40example.org:p%3Ass@mail.example.org:587")
    assert parsed["EMAIL_BACKEND"] == "django.core.mail.backends.smtp.EmailBackend"
    assert parsed["EMAIL_HOST"] == "mail.example.org"
    assert parsed["EMAIL_PORT"] == 587
    assert parsed["EMAIL_HOST_USER"] == "me@example.org"
    assert parsed["EMAIL_HOST_PASSWORD"] == "p:ss"
    assert parsed["EMAIL_USE_TLS"] is True
    assert parsed["EMAIL_USE_SSL"] is False


def test_it_reads_smtps_as_implicit_tls_on_465_by_default():
    parsed = parse_email_url("smtps://mail.example.org")
    assert parsed["EMAIL_PORT"] == 465
    assert parsed["EMAIL_USE_SSL"] is True
    assert parsed["EMAIL_USE_TLS"] is False


def test_it_turns_starttls_off_for_a_local_relay():
    parsed = parse_email_url("smtp://127.0.0.1:2525?starttls=no")
    assert parsed["EMAIL_USE_TLS"] is False
    assert parsed["EMAIL_HOST_USER"] == ""


def test_console_prints_and_unset_sends_nothing():
    assert parse_email_url("console:") == {
        "EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend"
    }
    assert parse_email_url(None) == {}
    assert parse_email_url("  ") == {}


@pytest.mark.parametrize(
    "raw", ["http://mail.example.org", "smtp://", "smtp://host:port", "smtp://h?starttls=maybe"]
)
def test_a_wrong_email_address_is_an_error(raw):
    with pytest.raises(ValueError):
        parse_email_url(raw)
