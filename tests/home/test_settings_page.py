def test_settings_keep_a_holiday_region_that_belongs_to_the_country(user, user_client):
    response = user_client.post(
        "/accounts/settings/", {"email": user.email, "country": "gb", "holiday_region": "sct"}
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert (user.country, user.holiday_region, user.holiday_calendar) == ("GB", "SCT", "GB-SCT")


def test_settings_name_a_region_the_country_does_not_have(user, user_client):
    response = user_client.post(
        "/accounts/settings/", {"email": user.email, "country": "DE", "holiday_region": "ENG"}
    )
    assert b"DE has no region" in response.content
    user.refresh_from_db()
    assert user.country == "GB"
