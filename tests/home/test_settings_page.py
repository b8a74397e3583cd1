def test_settings_keep_a_holiday_region_that_belongs_to_the_country(user, user_client):
    response = user_client.post(
        "/accounts/settings/",
        {"email": user.email, "signing_name": "Jo Bloggs", "country": "GB-SCT"},
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert (user.country, user.holiday_region, user.holiday_calendar) == ("GB", "SCT", "GB-SCT")
    assert user.signature == "Jo Bloggs"


def test_settings_refuse_a_region_the_country_does_not_have(user, user_client):
    response = user_client.post(
        "/accounts/settings/", {"email": user.email, "signing_name": "", "country": "DE-ENG"}
    )
    assert response.status_code == 200
    assert "country" in response.context["account_form"].errors
    assert b'id="id_country_error"' in response.content
    user.refresh_from_db()
    assert (user.country, user.holiday_region) == ("GB", "ENG")


def test_settings_show_the_country_as_a_list_with_the_current_place_chosen(user, user_client):
    user.country, user.holiday_region = "DE", "BY"
    user.save()
    page = user_client.get("/accounts/settings/").content.decode()
    assert '<option value="DE-BY" selected>Germany — Bayern</option>' in page
    assert 'name="holiday_region"' not in page
    assert "Your name, to sign letters with" in page


def test_settings_show_every_area_s_part(user, user_client):
    page = user_client.get("/accounts/settings/").content.decode()
    # The calendar feed's full address (accounts), the plan's timings, the review limits.
    assert f"http://testserver/calendar/{user.calendar_secret}.ics" in page
    assert 'id="plan-heading"' in page
    assert 'id="review-heading"' in page


def test_settings_give_the_feed_address_on_the_configured_site(user, user_client, settings):
    settings.BASE_URL = "https://jobs.example.org"
    page = user_client.get("/accounts/settings/").content.decode()
    assert f"https://jobs.example.org/calendar/{user.calendar_secret}.ics" in page


def test_a_new_token_is_shown_once_on_settings(user, user_client):
    user_client.post("/accounts/settings/tokens/", {"name": "Laptop script"})
    first = user_client.get("/accounts/settings/").content.decode()
    again = user_client.get("/accounts/settings/").content.decode()
    assert "Your new token" in first
    assert "Your new token" not in again


def test_settings_show_the_name_drafts_are_signed_with_even_from_an_older_field(user, user_client):
    """An account named before the signing name existed shows that name, not an empty box."""
    user.signing_name, user.first_name, user.last_name = "", "Ada", "Archivist"
    user.save()
    form = user_client.get("/accounts/settings/").context["account_form"]
    assert form["signing_name"].value() == "Ada Archivist"
