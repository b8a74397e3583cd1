from django.urls import path

from nextround.reminders import views

app_name = "reminders"

urlpatterns = [
    path("", views.reminder_settings, name="settings"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
