from django.urls import path

from nextround.vacancies import views

app_name = "vacancies"

urlpatterns = [
    path("vacancies/", views.vacancy_list, name="list"),
    path("vacancies/<int:vacancy_id>/dismiss/", views.vacancy_dismiss, name="dismiss"),
    path("vacancies/<int:vacancy_id>/apply/", views.vacancy_apply, name="apply"),
    path("applications/from-link/", views.from_link, name="from_link"),
    path("organisations/<int:organisation_id>/watch/", views.watch, name="watch"),
]
