from django.contrib.auth import views as auth_views
from django.urls import path

from nextround.accounts import views
from nextround.accounts.passwords import ChangePasswordView

app_name = "accounts"

urlpatterns = [
    path("setup/", views.setup, name="setup"),
    path("signup/", views.signup, name="signup"),
    path("login/", views.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path(
        "password/",
        ChangePasswordView.as_view(),
        name="password",
    ),
    path(
        "password/done/",
        auth_views.PasswordChangeDoneView.as_view(template_name="accounts/password_done.html"),
        name="password_done",
    ),
    path("settings/appearance/", views.save_appearance, name="appearance"),
    path("settings/tokens/", views.create_token, name="create_token"),
    path("settings/tokens/<int:token_id>/revoke/", views.revoke_token, name="revoke_token"),
    path("settings/calendar/", views.regenerate_calendar, name="regenerate_calendar"),
]
